import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseClientFrame, parseServerFrame, utf8Length } from './parse.js';
import { parseOrder } from './order.js';
import { MAX_FRAME_BYTES, MAX_ORDER_QUANTITY } from './limits.js';
import { formatMoney } from './money.js';

const order = (patch: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) =>
  JSON.stringify({
    t: 'order.place',
    id: 'c1',
    order: {
      variantId: 'coat-m',
      quantity: 1,
      idempotencyKey: 'key-12345678',
      customer: { name: '李雷', phone: '+86 138 0000 0000', address: '上海市 黄浦区 南京东路 1 号', ...customer },
      ...patch,
    },
  });

describe('parseClientFrame', () => {
  it('accepts a hello with a token inside the frame and a resume point', () => {
    const parsed = parseClientFrame(JSON.stringify({ t: 'hello', id: 'h1', room: 'demo', token: 'abc', lastSeq: 7 }));
    assert.equal(parsed.ok, true);
    if (parsed.ok) assert.deepEqual(parsed.value, { t: 'hello', id: 'h1', room: 'demo', token: 'abc', lastSeq: 7 });
  });

  it('trims chat text and refuses empty or over-long text with a message that names the field', () => {
    const ok = parseClientFrame(JSON.stringify({ t: 'chat.send', id: 'a', text: '  你好  ' }));
    assert.ok(ok.ok && ok.value.t === 'chat.send' && ok.value.text === '你好');
    const empty = parseClientFrame(JSON.stringify({ t: 'chat.send', id: 'a', text: '   ' }));
    assert.ok(!empty.ok);
    assert.equal(empty.error.code, 'invalid');
    assert.match(empty.error.message, /^text: /);
    assert.equal(empty.id, 'a', 'the error can be acked to the command');
    const long = parseClientFrame(JSON.stringify({ t: 'chat.send', id: 'a', text: 'x'.repeat(301) }));
    assert.ok(!long.ok && /at most 300/.test(long.error.message));
  });

  it('accepts a complete order and refuses quantity 0, 10^9, 1.5 and a missing address', () => {
    assert.equal(parseClientFrame(order()).ok, true);
    for (const quantity of [0, 1e9, 1.5, MAX_ORDER_QUANTITY + 1, '2']) {
      const parsed = parseClientFrame(order({ quantity }));
      assert.ok(!parsed.ok, `quantity ${quantity} must be refused`);
      assert.match(parsed.error.message, /^order\.quantity: /);
    }
    const noAddress = parseClientFrame(order({}, { address: '  ' }));
    assert.ok(!noAddress.ok && noAddress.error.message === 'order.customer.address: address is required');
    const badPhone = parseClientFrame(order({}, { phone: 'call me' }));
    assert.ok(!badPhone.ok && /phone/.test(badPhone.error.message));
  });

  it('refuses unknown types, extra fields, bad ids and non-JSON without throwing', () => {
    const cases = [
      '{"t":"nope","id":"x"}',
      '{"t":"chat.send","id":"x","text":"hi","admin":true}',
      '{"t":"product.pin","id":"x","productId":"../../etc"}',
      '{"t":"ping","id":"x y","at":1}',
      'not json',
      '[]',
      'null',
      '"hello"',
      '{"t":"hello","id":"x","room":{"$gt":""}}',
    ];
    for (const text of cases) {
      const parsed = parseClientFrame(text);
      assert.ok(!parsed.ok, text);
      assert.equal(parsed.error.code, 'invalid', text);
    }
  });

  it('refuses a frame over the size limit before parsing it', () => {
    const big = JSON.stringify({ t: 'chat.send', id: 'a', text: '好'.repeat(MAX_FRAME_BYTES / 3 + 1) });
    const parsed = parseClientFrame(big);
    assert.ok(!parsed.ok && parsed.error.code === 'too_large');
  });
});

describe('parseServerFrame', () => {
  it('reads a welcome bigger than a client frame may be: a room with its full chat history', () => {
    const chat = Array.from({ length: 50 }, (_, i) => ({
      id: `m${i}`, name: '观众', role: 'viewer', text: '好'.repeat(300), at: 1_700_000_000_000 + i,
    }));
    const welcome = {
      t: 'welcome', id: 'h1', serverTime: 1, role: 'viewer', name: '观众', epoch: 'epoch-0001', seq: 50, recovered: false,
      snapshot: { room: { id: 'demo', title: 'Demo', status: 'live', hls: null }, products: [], stock: {}, pinned: null, chat, seq: 50 },
    };
    const text = JSON.stringify(welcome);
    assert.ok(Buffer.byteLength(text) > MAX_FRAME_BYTES, 'the frame is over the client limit');
    const parsed = parseServerFrame(text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  });

  it('accepts room events with seq and server time and refuses a seq of 0', () => {
    const event = { t: 'product.pinned', seq: 3, at: 1_700_000_000_000, pin: { productId: 'coat', at: 1_700_000_000_000 } };
    assert.equal(parseServerFrame(JSON.stringify(event)).ok, true);
    assert.equal(parseServerFrame(JSON.stringify({ ...event, seq: 0 })).ok, false);
  });

  it('accepts an error ack only with a known error code', () => {
    const ack = { t: 'ack', id: 'c1', ok: false, error: { code: 'sold_out', message: 'sold out' } };
    assert.equal(parseServerFrame(JSON.stringify(ack)).ok, true);
    assert.equal(parseServerFrame(JSON.stringify({ ...ack, error: { code: 'teapot', message: '' } })).ok, false);
  });
});

describe('parseOrder', () => {
  it('validates an order ack payload', () => {
    const value = {
      id: 'o1', roomId: 'demo', productId: 'coat', variantId: 'coat-m', quantity: 2,
      total: 259800, currency: 'CNY', status: 'pending_payment', createdAt: 1, unitPrice: 129900, expiresAt: 900_001,
    };
    assert.equal(parseOrder(value).ok, true);
    assert.equal(parseOrder({ ...value, status: 'placed' }).ok, false);
    assert.equal(parseOrder({ ...value, total: 12.5 }).ok, false);
  });
});

describe('utf8Length', () => {
  it('counts bytes like a UTF-8 encoder, including surrogate pairs and lone surrogates', () => {
    for (const text of ['', 'abc', 'é', '好', '😀', 'a😀好é', '\ud800', '\udc00x']) {
      assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
    }
  });
});

describe('formatMoney', () => {
  it('turns minor units into a price a person reads', () => {
    assert.equal(formatMoney(129900, 'CNY', 'zh-CN'), '¥1,299.00');
    assert.equal(formatMoney(500, 'JPY', 'en'), '¥500');
  });
});

describe('welcome with (epoch, seq)', () => {
  const base = { t: 'welcome', id: 'h1', serverTime: 1, role: 'moderator', name: 'M', epoch: '0123456789abcdef', seq: 7 };
  const snapshot = { room: { id: 'demo', title: 'Demo', status: 'live', hls: null }, products: [], stock: {}, pinned: null, chat: [], seq: 7 };

  it('accepts a snapshot welcome (recovered: false) and a resumed one (recovered: true, no snapshot)', () => {
    const fresh = parseServerFrame(JSON.stringify({ ...base, recovered: false, snapshot }));
    assert.ok(fresh.ok && fresh.value.t === 'welcome' && !fresh.value.recovered && fresh.value.snapshot.seq === 7);
    const resumed = parseServerFrame(JSON.stringify({ ...base, recovered: true }));
    assert.ok(resumed.ok && resumed.value.t === 'welcome' && resumed.value.recovered && resumed.value.role === 'moderator');
  });

  it('refuses a snapshot welcome without its snapshot, and a welcome without epoch', () => {
    assert.equal(parseServerFrame(JSON.stringify({ ...base, recovered: false })).ok, false);
    const { epoch: _epoch, ...noEpoch } = base;
    assert.equal(parseServerFrame(JSON.stringify({ ...noEpoch, recovered: true })).ok, false);
  });

  it('accepts hello with an epoch and refuses a malformed one', () => {
    assert.equal(parseClientFrame(JSON.stringify({ t: 'hello', id: 'h', room: 'demo', lastSeq: 3, epoch: '0123456789abcdef' })).ok, true);
    assert.equal(parseClientFrame(JSON.stringify({ t: 'hello', id: 'h', room: 'demo', lastSeq: 3, epoch: '../x' })).ok, false);
  });
});

describe('reactions and viewer count frames', () => {
  it('accepts reaction.send with a count of 1 to 50 and refuses 0, 51, 1.5, a string and extra fields', () => {
    const send = (count: unknown, extra: Record<string, unknown> = {}) =>
      parseClientFrame(JSON.stringify({ t: 'reaction.send', id: 'r1', count, ...extra }));
    const ok = send(1);
    assert.ok(ok.ok && ok.value.t === 'reaction.send' && ok.value.count === 1);
    assert.equal(send(50).ok, true);
    for (const bad of [0, 51, 1.5, '3', null]) {
      const parsed = send(bad);
      assert.ok(!parsed.ok && parsed.error.code === 'invalid' && parsed.id === 'r1', `count ${String(bad)} must be refused`);
    }
    assert.equal(send(3, { seq: 1 }).ok, false);
  });

  it('reads reactions.burst and viewers.count as frames without a seq, and refuses an empty burst', () => {
    const burst = parseServerFrame(JSON.stringify({ t: 'reactions.burst', count: 17, at: 1_700_000_000_000 }));
    assert.ok(burst.ok && burst.value.t === 'reactions.burst' && burst.value.count === 17 && !('seq' in burst.value));
    assert.equal(parseServerFrame(JSON.stringify({ t: 'reactions.burst', count: 0, at: 1 })).ok, false);
    assert.equal(parseServerFrame(JSON.stringify({ t: 'reactions.burst', count: 2 })).ok, false, 'at is required');
    const viewers = parseServerFrame(JSON.stringify({ t: 'viewers.count', count: 0 }));
    assert.ok(viewers.ok && viewers.value.t === 'viewers.count' && viewers.value.count === 0);
    assert.equal(parseServerFrame(JSON.stringify({ t: 'viewers.count', count: -1 })).ok, false);
  });

  it('reads a welcome with or without the optional viewers count', () => {
    const base = { t: 'welcome', id: 'h1', serverTime: 1, role: 'viewer', name: 'V', epoch: '0123456789abcdef', seq: 2, recovered: true };
    const withCount = parseServerFrame(JSON.stringify({ ...base, viewers: 12 }));
    assert.ok(withCount.ok && withCount.value.t === 'welcome' && withCount.value.viewers === 12);
    const without = parseServerFrame(JSON.stringify(base));
    assert.ok(without.ok && without.value.t === 'welcome' && without.value.viewers === undefined);
    assert.equal(parseServerFrame(JSON.stringify({ ...base, viewers: 1.5 })).ok, false);
  });
});

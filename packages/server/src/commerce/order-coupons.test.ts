import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseOrder, type Coupon, type MerchantOrderPage, type Order, type ServerFrame, type WebhookEvent } from '@live-shop/protocol';
import type { TestClient as Client } from '../test/helpers.js';

// Short windows so expiry can be watched: set before the server reads them.
process.env['LIVE_SHOP_RESERVATION_TTL_MS'] = '1500';
process.env['LIVE_SHOP_SWEEP_INTERVAL_MS'] = '100';

const { signToken } = await import('../auth/tokens.js');
const { signBody } = await import('../security/hmac-signature.js');
const { hostToken, nextId, startServer, tempDir, TEST_SECRET, TestClient } = await import('../test/helpers.js');
const { merchantFetch, readDb, TEST_API_KEY, TEST_MERCHANT_SECRET } = await import('../test/merchant.js');
type Server = Awaited<ReturnType<typeof startServer>>;

const customer = { name: '王五', phone: '+86 137 0000 0000', address: '上海市徐汇区漕溪北路 3 号' };
/** tea-set-6 costs 728.00 CNY. */
const TEA = { variantId: 'tea-set-6', price: 72800 };

describe('coupons on orders: the server decides the discount and holds the coupon', () => {
  let server: Server;
  let dir: string;
  let removeDir: () => Promise<void>;
  let host: Client;
  const clients: Client[] = [];
  // The merchant's webhook endpoint (signatures are the dispatcher tests' business; here only the bodies).
  const webhooks: WebhookEvent[] = [];
  const receiver = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      webhooks.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookEvent);
      res.writeHead(200).end('ok');
    });
  });

  const as = async (sub: string) => {
    const token = await signToken(TEST_SECRET, { role: 'viewer', room: 'demo', sub });
    const { client } = await TestClient.join(server, { token });
    clients.push(client);
    return client;
  };
  const ok = (frame: ServerFrame): Order => {
    assert.ok(frame.t === 'ack' && frame.ok, JSON.stringify(frame));
    const parsed = parseOrder(frame.data);
    assert.ok(parsed.ok, 'ack data is an Order');
    return parsed.value;
  };
  const code = (frame: ServerFrame) => (frame.t === 'ack' && !frame.ok ? frame.error?.code : `ok:${JSON.stringify(frame)}`);
  const key = () => `key-${nextId()}-${Math.random().toString(36).slice(2, 10)}`;
  const issue = async (issue: { discount: Coupon['discount']; minSpend?: number; validMs?: number; to?: string }): Promise<Coupon> => {
    const { to, validMs = 600_000, ...rest } = issue;
    const ack = await host.request({ t: 'coupon.issue', validMs, ...rest, ...(to ? { to: { kind: 'subject', subject: to } } : {}) });
    assert.ok(ack.t === 'ack' && ack.ok, JSON.stringify(ack));
    return ack.data as Coupon;
  };
  const reserve = (client: Client, couponId?: string, idempotencyKey = key()) =>
    client.request({ t: 'order.reserve', reserve: { variantId: TEA.variantId, quantity: 1, idempotencyKey, ...(couponId ? { couponId } : {}) } });
  const holderOf = (couponId: string) =>
    readDb(dir, (db) => db.prepare('SELECT order_id FROM coupon_redemptions WHERE coupon_id = ?').all(couponId) as { order_id: string }[]);

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await startServer({
      dataDir: dir,
      merchantApiKey: TEST_API_KEY,
      merchantSecret: TEST_MERCHANT_SECRET,
      webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
      webhookTuning: { pollMs: 30 },
      // The host issues a dozen coupons in a few hundred ms.
      rateLimits: { frames: { perSecond: 1000, burst: 1000 }, commands: { 'coupon.issue': { perSecond: 1000, burst: 1000 } } },
    });
    ({ client: host } = await TestClient.join(server, { token: await hostToken() }));
  });
  after(async () => {
    await Promise.all([host, ...clients].map((c) => c?.close()));
    await server?.close();
    await new Promise((resolve) => receiver.close(resolve));
    await removeDir?.();
  });

  it('takes an amount coupon off the order, keeps it through checkout and payment, and shows it to the merchant', async () => {
    const alice = await as('alice-amount');
    const coupon = await issue({ discount: { kind: 'amount', amount: 5000, currency: 'CNY' }, minSpend: 50_000, to: 'alice-amount' });
    const reserved = ok(await reserve(alice, coupon.id));
    assert.deepEqual(
      { subtotal: reserved.subtotal, discount: reserved.discount, total: reserved.total, couponId: reserved.couponId },
      { subtotal: TEA.price, discount: 5000, total: TEA.price - 5000, couponId: coupon.id },
    );
    const pending = ok(await alice.request({ t: 'order.checkout', orderId: reserved.id, customer }));
    assert.equal(pending.total, TEA.price - 5000, 'a checkout without couponId keeps the coupon');
    assert.equal(pending.couponId, coupon.id);

    // The payment must be the discounted total.
    const body = JSON.stringify({ id: `evt_${nextId()}`, type: 'payment.succeeded', orderId: pending.id, amount: pending.total, currency: 'CNY' });
    const paid = await fetch(`${server.url}/api/payments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'live-shop-signature': signBody(TEST_MERCHANT_SECRET, body) },
      body,
    });
    assert.equal(paid.status, 200, await paid.clone().text());
    assert.equal(code(await reserve(alice, coupon.id)), 'coupon_invalid', 'a paid order used the coupon for good');

    const page = (await (await merchantFetch(server, 'rooms/demo/orders')).json()) as MerchantOrderPage;
    const listed = page.orders.find((order) => order.id === pending.id);
    assert.deepEqual(
      listed && { status: listed.status, subtotal: listed.subtotal, discount: listed.discount, total: listed.total, couponId: listed.couponId },
      { status: 'paid', subtotal: TEA.price, discount: 5000, total: TEA.price - 5000, couponId: coupon.id },
    );
    const csv = await (await merchantFetch(server, 'rooms/demo/orders/export?format=csv')).text();
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const columns = header!.split(',');
    const row = rows.map((line) => line.split(',')).find((cells) => cells[0] === pending.id)!;
    const cell = (name: string) => row[columns.indexOf(name)];
    assert.deepEqual([cell('subtotal'), cell('discount'), cell('total'), cell('coupon_id')], [String(TEA.price), '5000', String(TEA.price - 5000), coupon.id]);
    const paidEvent = () => webhooks.find((event) => event.type === 'order.paid' && event.data.order.id === pending.id);
    const deadline = Date.now() + 5000;
    while (!paidEvent() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 30));
    const hooked = paidEvent()?.data.order;
    assert.deepEqual(hooked && [hooked.subtotal, hooked.discount, hooked.total, hooked.couponId], [TEA.price, 5000, TEA.price - 5000, coupon.id], 'the order.paid webhook');
  });

  it('applies a percent coupon at checkout (floored), and refuses one below its minimum spend or in another currency', async () => {
    const bob = await as('bob-percent');
    const percent = await issue({ discount: { kind: 'percent', percent: 15 }, to: 'bob-percent' });
    const tooDear = await issue({ discount: { kind: 'amount', amount: 1000, currency: 'CNY' }, minSpend: TEA.price + 1, to: 'bob-percent' });
    const dollars = await issue({ discount: { kind: 'amount', amount: 1000, currency: 'USD' }, to: 'bob-percent' });
    const reserved = ok(await reserve(bob));
    assert.deepEqual([reserved.subtotal, reserved.discount, reserved.total, reserved.couponId], [TEA.price, 0, TEA.price, undefined]);

    for (const refused of [tooDear, dollars]) {
      const answer = await bob.request({ t: 'order.checkout', orderId: reserved.id, customer, couponId: refused.id });
      assert.equal(code(answer), 'coupon_invalid');
      assert.equal(code(await reserve(bob, refused.id)), 'coupon_invalid', 'refused at reserve too');
    }
    const stillReserved = readDb(dir, (db) => db.prepare('SELECT status, total FROM orders WHERE id = ?').get(reserved.id));
    assert.deepEqual(stillReserved, { status: 'reserved', total: TEA.price }, 'a refused coupon changes nothing');

    const pending = ok(await bob.request({ t: 'order.checkout', orderId: reserved.id, customer, couponId: percent.id }));
    const off = Math.floor((TEA.price * 15) / 100);
    assert.deepEqual([pending.status, pending.subtotal, pending.discount, pending.total, pending.couponId], ['pending_payment', TEA.price, off, TEA.price - off, percent.id]);
    assert.deepEqual(ok(await bob.request({ t: 'order.checkout', orderId: reserved.id, customer, couponId: percent.id })), pending, 'a repeat answers the same order');
    assert.equal(code(await bob.request({ t: 'order.checkout', orderId: reserved.id, customer, couponId: null })), 'conflict', 'a confirmed order keeps its coupon');
  });

  it("refuses someone else's coupon, an unknown one and an expired one", async () => {
    const carol = await as('carol');
    const dave = await as('dave');
    const davesOwn = await issue({ discount: { kind: 'amount', amount: 1000, currency: 'CNY' }, to: 'dave' });
    const short = await issue({ discount: { kind: 'amount', amount: 1000, currency: 'CNY' }, validMs: 1000, to: 'carol' });
    assert.equal(code(await reserve(carol, davesOwn.id)), 'coupon_invalid');
    assert.equal(code(await reserve(carol, 'k_no_such_coupon')), 'coupon_invalid');
    const reserved = ok(await reserve(carol));
    assert.equal(code(await carol.request({ t: 'order.checkout', orderId: reserved.id, customer, couponId: davesOwn.id })), 'coupon_invalid');
    await new Promise((resolve) => setTimeout(resolve, short.expiresAt - Date.now() + 50));
    assert.equal(code(await reserve(carol, short.id)), 'coupon_invalid', 'expired');
    assert.equal(ok(await reserve(dave, davesOwn.id)).discount, 1000, 'the owner may use it');
  });

  it('lets exactly one of two concurrent orders hold a coupon, at reserve and at checkout', async () => {
    const one = await as('erin');
    const two = await as('erin'); // the same viewer on a second socket (another tab)
    const coupon = await issue({ discount: { kind: 'amount', amount: 3000, currency: 'CNY' }, to: 'erin' });
    const answers = await Promise.all([reserve(one, coupon.id), reserve(two, coupon.id)]);
    assert.deepEqual(answers.map(code).filter((c) => c === 'coupon_invalid').length, 1, answers.map(code).join(' '));
    const winner = ok(answers.find((frame) => frame.t === 'ack' && frame.ok)!);
    assert.deepEqual(holderOf(coupon.id), [{ order_id: winner.id }]);

    const room = await issue({ discount: { kind: 'percent', percent: 10 } });
    const [a, b] = [ok(await reserve(one)), ok(await reserve(two))];
    const confirms = await Promise.all([
      one.request({ t: 'order.checkout', orderId: a.id, customer, couponId: room.id }),
      two.request({ t: 'order.checkout', orderId: b.id, customer, couponId: room.id }),
    ]);
    assert.deepEqual(confirms.map(code).filter((c) => c === 'coupon_invalid').length, 1, confirms.map(code).join(' '));
    assert.equal(holderOf(room.id).length, 1);
    // A room coupon is once per viewer, not once per room: another viewer still has theirs.
    assert.equal(ok(await reserve(await as('frank'), room.id)).couponId, room.id);
  });

  it('frees the coupon when its order is cancelled or expires', async () => {
    const gina = await as('gina');
    const coupon = await issue({ discount: { kind: 'amount', amount: 2000, currency: 'CNY' }, to: 'gina' });
    const first = ok(await reserve(gina, coupon.id));
    assert.equal(code(await reserve(gina, coupon.id)), 'coupon_invalid', 'held by the first order');
    ok(await gina.request({ t: 'order.cancel', orderId: first.id }));
    assert.deepEqual(holderOf(coupon.id), []);
    const second = ok(await reserve(gina, coupon.id));
    assert.equal(second.discount, 2000, 'usable again after the cancel');
    // The hold lapses (1.5 s here) and the sweeper expires the order: the coupon is free again.
    await gina.waitFor((f) => f.t === 'stock.changed' && f.variantId === TEA.variantId && f.at > second.expiresAt!, 'the expiry', 5000);
    assert.equal(readDb(dir, (db) => (db.prepare('SELECT status FROM orders WHERE id = ?').get(second.id) as { status: string }).status), 'expired');
    assert.deepEqual(holderOf(coupon.id), []);
    assert.equal(ok(await reserve(gina, coupon.id)).couponId, coupon.id);
  });

  it('treats the same idempotency key with another coupon as another order (conflict)', async () => {
    const hana = await as('hana');
    const coupon = await issue({ discount: { kind: 'amount', amount: 1000, currency: 'CNY' }, to: 'hana' });
    const other = await issue({ discount: { kind: 'amount', amount: 1500, currency: 'CNY' }, to: 'hana' });
    const sameKey = key();
    const first = ok(await reserve(hana, coupon.id, sameKey));
    assert.deepEqual(ok(await reserve(hana, coupon.id, sameKey)), first, 'a retry answers the same order');
    assert.equal(code(await reserve(hana, other.id, sameKey)), 'conflict');
    assert.equal(code(await reserve(hana, undefined, sameKey)), 'conflict');

    // order.place (reserve + checkout in one step) takes a coupon the same way, and its key the same rule.
    const placeKey = key();
    const place = (couponId: string) =>
      hana.request({ t: 'order.place', order: { variantId: TEA.variantId, quantity: 2, customer, idempotencyKey: placeKey, couponId } });
    const placed = ok(await place(other.id));
    assert.deepEqual([placed.status, placed.subtotal, placed.discount, placed.total], ['pending_payment', 2 * TEA.price, 1500, 2 * TEA.price - 1500]);
    assert.equal(code(await place(coupon.id)), 'conflict');
  });

  it('keeps totals consistent in SQL: total = subtotal - discount for every order', () => {
    const broken = readDb(dir, (db) => db.prepare('SELECT id FROM orders WHERE total <> subtotal - discount').all());
    assert.deepEqual(broken, []);
  });
});

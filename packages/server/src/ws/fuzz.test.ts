// 10,000 malformed and hostile frames against a real server: it never crashes, answers every frame
// with an error (or closes the connection for the frames the WebSocket layer itself refuses), and a
// well-behaved viewer connected throughout misses nothing and can still chat and buy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveShopServer } from '../server.js';
import { encodeFrame, RawWebSocket } from '../test/raw-ws.js';
import { getJson, hostToken, orderRequest, startServer, tempDir, TestClient, within } from '../test/helpers.js';

const FRAMES = 10_000;
const CONNECTIONS = 8;
const MAX = 16 * 1024;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed with the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Hostile = { kind: string; text?: string; binary?: Buffer };

/** Makes one hostile frame; every kind is refused by the protocol, none is a valid command. */
function hostileFrame(next: () => number, n: number): Hostile {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const id = `f${n}`;
  const junk = (length: number) => Array.from({ length }, () => String.fromCharCode(32 + Math.floor(next() * 95))).join('');
  switch (n % 10) {
    case 0:
      return { kind: 'bad json', text: pick(['{', '{"t":', '}{', 'nul', '{"t":"chat.send","id":"x",}', junk(1 + Math.floor(next() * 200))]) };
    case 1:
      return { kind: 'unknown type', text: JSON.stringify({ t: pick(['admin', 'order.refund', 'stock.set', '', 'HELLO', 'chat.message']), id }) };
    case 2:
      return {
        kind: 'wrong types',
        text: JSON.stringify(
          pick([
            { t: 'chat.send', id, text: 42 },
            { t: 'chat.send', id, text: ['a'] },
            { t: 'product.pin', id, productId: { $gt: '' } },
            { t: 'order.place', id, order: { variantId: 'wool-coat-m', quantity: '1' } },
            { t: 'order.place', id, order: { ...orderRequest('tea-set-4'), quantity: -1 } },
            { t: 'order.place', id, order: { ...orderRequest('tea-set-4'), quantity: 1e9 } },
            { t: 'order.place', id, order: { ...orderRequest('tea-set-4'), quantity: 0.5 } },
            { t: 'ping', id, at: 'now' },
            { t: 'hello', id, room: 123 },
          ]),
        ),
      };
    case 3:
      // Huge strings that still fit in a frame: the validator, not the socket, must refuse them.
      return { kind: 'huge string', text: JSON.stringify({ t: 'chat.send', id, text: 'x'.repeat(MAX - 64 - Math.floor(next() * 1000)) }) };
    case 4:
      return { kind: 'deep nesting', text: `${'['.repeat(2000)}${']'.repeat(2000)}` };
    case 5:
      return {
        kind: 'prototype pollution',
        text: pick([
          `{"__proto__":{"admin":true},"t":"chat.send","id":"${id}"}`,
          `{"t":"chat.send","id":"${id}","text":"hi","constructor":{"prototype":{"admin":true}}}`,
          `{"t":"order.place","id":"${id}","order":{"__proto__":{"quantity":1}}}`,
        ]),
      };
    case 6:
      return { kind: 'binary', binary: Buffer.from(Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 256))) };
    case 7:
      return { kind: 'bad id', text: JSON.stringify({ t: 'chat.send', id: pick(['', 'a b', 'x'.repeat(100), '<script>']), text: 'hi' }) };
    case 8:
      return { kind: 'missing fields', text: JSON.stringify(pick([{ t: 'order.place', id }, { t: 'chat.send', id }, { t: 'product.pin', id }, { id }, {}])) };
    default:
      return { kind: 'not an object', text: pick(['null', '[]', '"chat.send"', '12', 'true', '[{"t":"chat.send"}]']) };
  }
}

describe('a server under 10,000 hostile frames', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;

  before(async () => {
    const temp = await tempDir();
    removeDir = temp.remove;
    // The fuzz connections get a generous frame budget so the frames reach the validator; the
    // rate limiter itself has its own tests.
    server = await startServer({
      dataDir: temp.dir,
      rateLimits: { frames: { perSecond: 100_000, burst: 100_000 }, commands: { 'chat.send': { perSecond: 2, burst: 5 } } },
    });
  });

  after(async () => {
    await server?.close();
    await removeDir?.();
  });

  it('answers every frame with an error or a close, never crashes, and a good viewer misses nothing', async () => {
    const next = random(20261125);
    const { client: viewer, welcome } = await TestClient.join(server, { name: 'good viewer' });
    const { client: host } = await TestClient.join(server, { token: await hostToken() });
    const startSeq = welcome.snapshot.seq;

    // Half the fuzz connections say hello first, so frames also hit the joined path.
    const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => RawWebSocket.open(server.url)));
    await Promise.all(
      sockets.slice(0, CONNECTIONS / 2).map(async (socket, i) => {
        socket.sendText(JSON.stringify({ t: 'hello', id: `join${i}`, room: 'demo' }));
        await socket.waitForText((f) => f.t === 'welcome', 'fuzz socket joined');
      }),
    );
    const answersBefore = sockets.map((socket) => socket.texts().length);

    const kinds = new Map<string, number>();
    const sent = new Array<number>(CONNECTIONS).fill(0);
    const pins = ['wool-coat', 'tea-set', 'wool-coat', 'tea-set'];
    for (let n = 0; n < FRAMES; n++) {
      const frame = hostileFrame(next, n);
      kinds.set(frame.kind, (kinds.get(frame.kind) ?? 0) + 1);
      const socket = sockets[n % CONNECTIONS]!;
      if (frame.binary) socket.sendRaw(encodeFrame(0x2, frame.binary));
      else socket.sendText(frame.text!);
      sent[n % CONNECTIONS]!++;
      // The room goes on meanwhile: the host pins now and then.
      if (n % 2500 === 0) assert.equal((await host.request({ t: 'product.pin', productId: pins[n / 2500]! })).t, 'ack');
    }

    // Every frame is answered, in order, with an error and never with success.
    await within(60_000, 'every hostile frame answered', (async () => {
      while (sockets.some((socket, i) => socket.texts().length - answersBefore[i]! < sent[i]!)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })()).catch((error: unknown) => {
      const state = sockets.map((socket, i) => `#${i} sent ${sent[i]} answered ${socket.texts().length - answersBefore[i]!} closed ${socket.tcp.destroyed}`);
      throw new Error(`${String(error)}\n${state.join('\n')}`);
    });
    sockets.forEach((socket, i) => {
      const answers = socket.texts().slice(answersBefore[i]!).filter((f) => f.t === 'ack' || f.t === 'error');
      assert.equal(answers.length, sent[i], `connection ${i}: one answer per frame`);
      const successes = answers.filter((f) => f.t === 'ack' && f.ok === true);
      assert.deepEqual(successes, [], `connection ${i}: no hostile frame succeeded`);
      for (const answer of answers) {
        const code = answer.t === 'ack' ? (answer.error as { code: string }).code : (answer.code as string);
        assert.ok(['invalid', 'not_joined', 'too_large', 'rate_limited'].includes(code), `unexpected code ${code}`);
      }
    });
    assert.equal(kinds.size, 10, 'every kind of hostile frame was sent');

    // Frames the socket layer refuses close the connection: oversized, and text that is not UTF-8.
    const oversized = await RawWebSocket.open(server.url);
    oversized.sendText(JSON.stringify({ t: 'chat.send', id: 'big', text: 'x'.repeat(MAX + 10) }));
    assert.equal(await within(5000, 'oversized frame closes', oversized.closed), 1009);
    const notUtf8 = await RawWebSocket.open(server.url);
    notUtf8.sendRaw(encodeFrame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    assert.equal(await within(5000, 'invalid UTF-8 closes', notUtf8.closed), 1007);

    // The server is alive and the good viewer saw every room event exactly once, in order.
    assert.equal((await getJson(`${server.url}/healthz`)).status, 200);
    const chat = await viewer.request({ t: 'chat.send', text: 'still here 还在' });
    assert.equal(chat.t === 'ack' && chat.ok, true);
    const order = await viewer.request({ t: 'order.place', order: orderRequest('tea-set-4') });
    assert.equal(order.t === 'ack' && order.ok, true, JSON.stringify(order));
    const snapshot = (await getJson(`${server.url}/api/rooms/demo`)).body as { seq: number };
    await viewer.waitFor((f) => 'seq' in f && f.t !== 'welcome' && f.seq === snapshot.seq, 'the last room event');
    const seqs = viewer.events().map((event) => event.seq);
    assert.deepEqual(seqs, Array.from({ length: snapshot.seq - startSeq }, (_, i) => startSeq + 1 + i));

    await Promise.all(sockets.map(async (socket) => socket.tcp.destroy()));
    await viewer.close();
    await host.close();
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
// @types/ws does not declare the Receiver the ESM wrapper exports: typed here as far as the test uses it.
import * as wsModule from 'ws';
import type { RoomEvent } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { hostToken, startServer, tempDir, TestClient } from '../test/helpers.js';
import { RoomFanout, type FanoutBatch, type FanoutMember } from './room-fanout.js';
import { encodeTextFrame } from './text-frame.js';

/** Decodes frames with the `ws` library's own parser (the one browsers' peers are tested against). */
interface FrameReceiver {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  write(bytes: Buffer): void;
}
const Receiver = (wsModule as unknown as { Receiver: new (options: { isServer: boolean; maxPayload: number }) => FrameReceiver }).Receiver;

function decode(bytes: Buffer): string[] {
  const texts: string[] = [];
  const receiver = new Receiver({ isServer: false, maxPayload: 0 });
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    assert.equal(isBinary, false);
    texts.push(data.toString('utf8'));
  });
  receiver.write(bytes);
  return texts;
}

function chat(seq: number, text: string): RoomEvent {
  return { t: 'chat.message', seq, at: seq, message: { id: `m${seq}`, authorId: 'a', name: 'A', role: 'viewer', text, at: seq } } as RoomEvent;
}

class Recorder implements FanoutMember {
  readonly batches: FanoutBatch[] = [];
  receive(batch: FanoutBatch): void {
    this.batches.push(batch);
  }
}

/** `Array.prototype.findLastIndex` (ES2023, past this project's `lib`). */
function lastIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('encodeTextFrame', () => {
  it('frames payloads of every length class so a WebSocket parser reads them back', () => {
    for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 70_000]) {
      const text = '界'.repeat(Math.floor(length / 3)) + 'x'.repeat(length % 3);
      const frame = encodeTextFrame(Buffer.from(text, 'utf8'));
      assert.equal(frame[0], 0x81, 'FIN + text');
      assert.equal(frame[1]! & 0x80, 0, 'a server never masks');
      assert.deepEqual(decode(frame), [text], `length ${length}`);
    }
  });

  it('concatenated frames decode as separate messages, in order', () => {
    const texts = ['{"a":1}', 'y'.repeat(300), '{"b":"二"}'];
    assert.deepEqual(decode(Buffer.concat(texts.map((t) => encodeTextFrame(Buffer.from(t))))), texts);
  });
});

describe('RoomFanout', () => {
  it('sends what piled up in one turn as one batch whose bytes are all frames, once per member', async () => {
    const fanout = new RoomFanout<Recorder>();
    const a = new Recorder();
    const b = new Recorder();
    fanout.members.add(a).add(b);
    fanout.publishEvent(chat(1, 'one'));
    fanout.publishEphemeral('{"t":"viewers.count","count":2}');
    fanout.publishEvent(chat(2, 'two'));
    assert.equal(a.batches.length, 0, 'nothing is sent in the publishing turn');
    await nextTurn();
    assert.equal(a.batches.length, 1);
    assert.equal(b.batches[0], a.batches[0], 'the same batch object (and bytes) for every member');
    const batch = a.batches[0]!;
    assert.deepEqual(batch.items.map((item) => item.no), [1, 2, 3]);
    assert.equal(batch.firstSeq, 1);
    assert.equal(batch.lastSeq, 2);
    const texts = decode(batch.bytes!).map((t) => JSON.parse(t) as { t: string; seq?: number });
    assert.deepEqual(texts.map((f) => f.t), ['chat.message', 'viewers.count', 'chat.message']);
    fanout.publishEvent(chat(3, 'three'));
    await nextTurn();
    assert.equal(a.batches.length, 2, 'a later turn is a new batch');
    assert.equal(a.batches[1]!.firstSeq, 3);
  });

  it('flushTo hands one member the queue early; dispose drops the queue', async () => {
    const fanout = new RoomFanout<Recorder>();
    const a = new Recorder();
    fanout.members.add(a);
    fanout.publishEvent(chat(1, 'one'));
    fanout.flushTo(a);
    assert.equal(a.batches.length, 1);
    assert.equal(a.batches[0]!.bytes, null, 'one member: no shared buffer is built');
    await nextTurn();
    assert.equal(a.batches.length, 2, 'the room flush still offers item 1 (a connection skips what it took, by number)');
    assert.deepEqual(a.batches[1]!.items.map((i) => i.no), [1]);
    fanout.publishEvent(chat(2, 'two'));
    fanout.dispose();
    await nextTurn();
    fanout.publishEvent(chat(3, 'three'));
    await nextTurn();
    assert.equal(a.batches.length, 2, 'nothing after dispose');
  });
});

describe('fan-out over real sockets', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;
  const clients: TestClient[] = [];

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir });
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    await removeDir();
  });

  it("a command's own room event reaches its socket before its ack", async () => {
    const { client: host } = await TestClient.join(server, { token: await hostToken() });
    clients.push(host);
    for (const productId of ['tea-set', 'silk-scarf', 'tea-set']) {
      const ack = await host.request({ t: 'product.pin', productId });
      assert.equal(ack.t === 'ack' && ack.ok, true);
      const ackAt = host.frames.indexOf(ack);
      const pinAt = lastIndexWhere(host.frames, (f) => f.t === 'product.pinned' && f.pin.productId === productId);
      assert.ok(pinAt >= 0 && pinAt < ackAt, `pin of ${productId} (frame ${pinAt}) came before its ack (frame ${ackAt})`);
    }
  });

  it('a burst of events reaches every viewer once each, in seq order, as separate frames', async () => {
    const viewers = await Promise.all([1, 2, 3].map(async () => (await TestClient.join(server)).client));
    clients.push(...viewers);
    const { client: host } = await TestClient.join(server, { token: await hostToken() });
    clients.push(host);
    // Sent without waiting for acks: the server handles them back to back, so events pile up between flushes.
    const pins = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'tea-set' : 'silk-scarf'));
    pins.forEach((productId, i) => host.send({ t: 'product.pin', id: `burst-${i}`, productId }));
    await host.waitFor((f) => f.t === 'ack' && f.id === 'burst-39', 'last ack', 10_000);
    // Pins past the host's rate limit are refused (rate_limited); the others must each arrive once, in order.
    const accepted = pins.filter((_, i) => host.frames.some((f) => f.t === 'ack' && f.id === `burst-${i}` && f.ok));
    assert.ok(accepted.length >= 10, `${accepted.length} pins accepted`);
    const last = host.frames[lastIndexWhere(host.frames, (f) => f.t === 'product.pinned')];
    assert.ok(last && last.t === 'product.pinned');
    for (const viewer of viewers) {
      await viewer.waitFor((f) => f.t === 'product.pinned' && f.seq === last.seq, 'last pin at a viewer', 10_000);
      const seqs = viewer.events().map((e) => e.seq);
      assert.deepEqual(seqs, [...new Set(seqs)].sort((a, b) => a - b), 'increasing, no duplicate');
      const received = viewer.events().filter((e) => e.t === 'product.pinned').map((e) => (e.t === 'product.pinned' ? e.pin.productId : ''));
      assert.deepEqual(received.slice(-accepted.length), accepted);
    }
  });
});

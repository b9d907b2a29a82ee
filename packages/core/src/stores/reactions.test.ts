import { expect } from '@open-wc/testing';
import { LiveShopError } from '../errors.js';
import { loadDeferred } from '../signaling/deferred-loader.js';
import { REACTION_BATCH_MS } from '../signaling/reaction-batcher.js';
import { connectedClient, disposeClients, recordingWebSocket, sleep, until } from '../test/helpers.js';

describe('reactions and viewer count (core)', () => {
  afterEach(() => disposeClients());

  it('batches many taps into at most one reaction.send per 250 ms and loses none of them', async () => {
    const record = recordingWebSocket();
    const sentAt: number[] = [];
    class TimedWebSocket extends record.WebSocket {
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (typeof data === 'string' && data.includes('"reaction.send"')) sentAt.push(performance.now());
        super.send(data);
      }
    }
    const client = await connectedClient({ WebSocket: TimedWebSocket });
    // Commands are checked by the client's deferred module, fetched while the socket opens; a command made before it
    // arrived goes out when it does. The cadence of the batches is measured once it is there.
    await loadDeferred();
    const before = client.$reactions.get().total;
    const started = performance.now();
    // 150 taps over about a second: 15 every 100 ms, far faster than one frame per tap could go.
    for (let round = 0; round < 10; round++) {
      for (let tap = 0; tap < 15; tap++) client.sendReaction();
      await sleep(100);
    }
    const seen = await until(client.$reactions, (r) => r.total - before >= 150, 10_000);
    const duration = performance.now() - started;
    await sleep(2 * REACTION_BATCH_MS);

    const frames = record.sent.filter((f) => f.t === 'reaction.send');
    const sum = frames.reduce((total, f) => total + Number(f.count), 0);
    expect(sum, 'taps sent').to.equal(150);
    expect(client.$reactions.get().total - before, 'hearts back from the room').to.equal(150);
    expect(seen.last).to.be.greaterThan(0);
    expect(frames.length).to.be.at.most(Math.ceil(duration / REACTION_BATCH_MS) + 1);
    expect(frames.every((f) => Number(f.count) >= 1 && Number(f.count) <= 50)).to.equal(true);
    const gaps = sentAt.slice(1).map((t, i) => t - (sentAt[i] ?? 0));
    // Timers never fire early; 2 ms of slack covers clock rounding.
    expect(Math.min(...gaps), `gaps ${gaps.map((g) => g.toFixed(0)).join(',')}`).to.be.at.least(REACTION_BATCH_MS - 2);
  });

  it('refuses a tap count outside 1..50 with invalid, sending nothing', async () => {
    const client = await connectedClient();
    for (const bad of [0, 51, 1.5, -1]) {
      let error: unknown = null;
      try {
        client.sendReaction(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(LiveShopError);
      expect((error as LiveShopError).code).to.equal('invalid');
    }
  });

  it('holds the viewer count from the welcome and follows joins and leaves', async () => {
    const first = await connectedClient();
    const start = first.$viewerCount.get();
    expect(start).to.be.a('number');
    const second = await connectedClient();
    expect(second.$viewerCount.get()).to.equal((start ?? 0) + 1);
    await until(first.$viewerCount, (n) => n === (start ?? 0) + 1, 5000);
    second.dispose();
    await until(first.$viewerCount, (n) => n === start, 5000);
  });
});

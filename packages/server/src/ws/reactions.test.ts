import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerFrame } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { startServer, tempDir, TestClient, within } from '../test/helpers.js';

const PERIOD_MS = 250;

function bursts(client: TestClient): Extract<ServerFrame, { t: 'reactions.burst' }>[] {
  return client.frames.filter((f): f is Extract<ServerFrame, { t: 'reactions.burst' }> => f.t === 'reactions.burst');
}
const sum = (client: TestClient) => bursts(client).reduce((total, b) => total + b.count, 0);
const counts = (client: TestClient) => client.frames.flatMap((f) => (f.t === 'viewers.count' ? [f.count] : []));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; bounded by `ms`. */
async function eventually(ms: number, what: string, check: () => boolean): Promise<void> {
  await within(ms, what, (async () => {
    while (!check()) await sleep(20);
  })());
}

describe('reactions and viewer count', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir });
  });

  after(async () => {
    await server.close();
    await removeDir();
  });

  it('sums 50 sockets tapping 20 times each into a few bursts that add up exactly, and logs none of them', async (t) => {
    const joined = await Promise.all(Array.from({ length: 50 }, () => TestClient.join(server)));
    const sockets = joined.map((j) => j.client);
    const seqBefore = joined[0]?.welcome.seq ?? -1;
    try {
      const started = Date.now();
      // Each socket batches like the core: 20 taps spread over ~1 s leave as 4 frames of 5, 250 ms apart,
      // each socket starting at its own moment so taps arrive all through the period.
      const acks = await Promise.all(
        sockets.map(async (socket, index) => {
          await sleep((index * 5) % PERIOD_MS);
          const replies: ServerFrame[] = [];
          for (let batch = 0; batch < 4; batch++) {
            if (batch > 0) await sleep(PERIOD_MS);
            replies.push(await socket.request({ t: 'reaction.send', count: 5 }));
          }
          return replies;
        }),
      );
      assert.ok(acks.flat().every((a) => a.t === 'ack' && a.ok), 'every batch is accepted');
      await Promise.all(sockets.map((s) => eventually(5000, 'all 1000 hearts in bursts', () => sum(s) >= 1000)));
      const elapsed = Date.now() - started;
      await sleep(2 * PERIOD_MS); // nothing more may follow
      for (const socket of sockets) assert.equal(sum(socket), 1000, 'burst counts add up to the taps sent, exactly');
      const seen = bursts(sockets[0]!);
      // The aggregator sends at most one burst per period per room (+1 for the partial period at each end).
      const bound = Math.ceil(elapsed / PERIOD_MS) + 1;
      t.diagnostic(`1000 taps in 200 frames from 50 sockets -> ${seen.length} bursts in ${elapsed} ms (bound ${bound})`);
      assert.ok(seen.length <= bound, `${seen.length} bursts in ${elapsed} ms; at most ${bound} allowed`);
      assert.ok(seen.length < 200 / 10, `${seen.length} bursts for 200 reaction frames and 1000 taps`);
      assert.ok(seen.every((b) => b.count > 0 && typeof b.at === 'number'));
      const late = await TestClient.join(server);
      assert.equal(late.welcome.seq, seqBefore, 'bursts are ephemeral: the room log did not grow');
      await late.client.close();
    } finally {
      await Promise.all(sockets.map((s) => s.close()));
    }
  });

  it('refuses reaction batches beyond the per-connection rate with rate_limited, and counts only the accepted ones', async () => {
    const { client } = await TestClient.join(server);
    try {
      const replies = await Promise.all(Array.from({ length: 30 }, () => client.request({ t: 'reaction.send', count: 2 })));
      const accepted = replies.filter((r) => r.t === 'ack' && r.ok).length;
      const limited = replies.filter((r) => r.t === 'ack' && !r.ok && r.error?.code === 'rate_limited').length;
      assert.equal(accepted + limited, 30);
      assert.ok(accepted >= 10 && accepted < 15, `${accepted} accepted of 30 sent at once (burst 10)`);
      await eventually(3000, 'the accepted hearts', () => sum(client) === accepted * 2);
      await sleep(2 * PERIOD_MS);
      assert.equal(sum(client), accepted * 2, 'refused batches add no hearts');
      const invalid = await client.request({ t: 'reaction.send', count: 51 });
      assert.ok(invalid.t === 'ack' && !invalid.ok && invalid.error?.code === 'invalid');
    } finally {
      await client.close();
    }
  });

  it('counts sockets in the welcome and tells the room as they join and leave, at most once a second', async () => {
    const a = await TestClient.join(server);
    const opened: TestClient[] = [a.client];
    try {
      assert.equal(a.welcome.viewers, 1);
      const started = Date.now();
      const b = await TestClient.join(server);
      opened.push(b.client);
      assert.equal(b.welcome.viewers, 2, 'the welcome counts the new socket too');
      const c = await TestClient.join(server);
      opened.push(c.client);
      assert.equal(c.welcome.viewers, 3);
      await eventually(3000, 'A sees 3 viewers', () => counts(a.client).at(-1) === 3);
      await c.client.close();
      await b.client.close();
      await eventually(3000, 'A sees 1 viewer', () => counts(a.client).at(-1) === 1);
      const elapsed = Date.now() - started;
      const seen = counts(a.client);
      assert.ok(seen.length <= Math.ceil(elapsed / 1000) + 1, `${seen.length} counts in ${elapsed} ms`);
      assert.ok(seen.every((n) => n >= 1 && n <= 3), `counts ${seen.join(',')}`);
    } finally {
      await Promise.all(opened.map((c) => c.close()));
    }
  });
});

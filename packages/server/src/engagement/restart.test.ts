import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Lottery, Poll } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { hostToken, startServer, tempDir, TestClient } from '../test/helpers.js';

async function ok<T>(client: TestClient, frame: object): Promise<T> {
  const reply = await client.request(frame);
  if (reply.t !== 'ack' || !reply.ok) throw new Error(`${JSON.stringify(frame)} was refused: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

describe('engagement deadlines across a server restart', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  let server: LiveShopServer | undefined;

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
  });
  after(async () => {
    await server?.close();
    await removeDir();
  });

  it('a poll and a lottery whose deadlines pass while the server is down are closed and drawn when the room is joined again', async () => {
    server = await startServer({ dataDir: dir });
    const { client: host } = await TestClient.join(server, { token: await hostToken() });
    const { client: viewer } = await TestClient.join(server);
    const poll = await ok<Poll>(host, { t: 'poll.open', question: 'Still there?', options: ['yes', 'no'], durationMs: 1000 });
    const lottery = await ok<Lottery>(host, { t: 'lottery.start', prize: 'Mug', winnersCount: 1, durationMs: 1000 });
    await ok(viewer, { t: 'lottery.enter', lotteryId: lottery.id });
    await viewer.close();
    await host.close();
    await server.close(); // the timers die with the process's server
    await new Promise((resolve) => setTimeout(resolve, 1200));

    server = await startServer({ dataDir: dir });
    const { client: late, welcome } = await TestClient.join(server);
    // The snapshot was read before the deadlines were re-armed; the events follow at once.
    assert.equal(welcome.snapshot.poll?.id, poll.id);
    const closed = await late.waitFor((f) => f.t === 'poll.closed' && f.pollId === poll.id, 'poll.closed after restart', 3000);
    const drawn = await late.waitFor((f) => f.t === 'lottery.drawn' && f.lottery.id === lottery.id, 'lottery.drawn after restart', 3000);
    assert.ok(closed.t === 'poll.closed');
    assert.ok(drawn.t === 'lottery.drawn' && drawn.lottery.winners?.length === 1);
    await late.close();
  });
});

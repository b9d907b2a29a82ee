import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerFrame } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { signToken } from '../auth/tokens.js';
import { hostToken, startServer, tempDir, TestClient, TEST_SECRET } from '../test/helpers.js';

const HIGH_LIMITS = { frames: { perSecond: 1000, burst: 1000 }, commands: { 'chat.send': { perSecond: 1000, burst: 1000 } } };

type Welcome = Extract<ServerFrame, { t: 'welcome' }>;

/** Sends `hello` with a resume point on a fresh socket; resolves with the welcome and the client. */
async function rejoin(server: { url: string }, from: { epoch?: string; lastSeq?: number }): Promise<{ client: TestClient; welcome: Welcome }> {
  const client = await TestClient.open(server);
  const reply = await client.request({ t: 'hello', room: 'demo', ...from });
  if (reply.t !== 'welcome') throw new Error(`hello was refused: ${JSON.stringify(reply)}`);
  return { client, welcome: reply };
}

describe('resume with (epoch, seq)', () => {
  let server: LiveShopServer;
  let host: TestClient;
  let removeDir: () => Promise<void>;
  let clock = Date.now();
  const clients: TestClient[] = [];
  const track = (client: TestClient) => (clients.push(client), client);

  async function chat(count: number, label: string): Promise<void> {
    for (let i = 0; i < count; i++) {
      const ack = await host.request({ t: 'chat.send', text: `${label} ${i}` });
      assert.ok(ack.t === 'ack' && ack.ok, `chat ${label} ${i} accepted`);
    }
  }

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir, rateLimits: HIGH_LIMITS, replayMaxEvents: 10, replayMaxAgeMs: 60_000, now: () => clock });
    ({ client: host } = await TestClient.join(server, { token: await hostToken() }));
    track(host);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    await removeDir();
  });

  it('welcomes a first join with its epoch, recovered: false and a snapshot at the welcome seq', async () => {
    const { client, welcome } = await TestClient.join(server);
    track(client);
    assert.equal(welcome.recovered, false);
    assert.match(welcome.epoch, /^[0-9a-f]{16}$/);
    assert.equal(welcome.seq, welcome.snapshot.seq);
  });

  it('replays exactly the missed events, in order, then continues live without a duplicate', async () => {
    const { client: first, welcome } = await TestClient.join(server);
    await chat(2, 'seen');
    await first.waitFor((f) => f.t === 'chat.message' && f.message.text === 'seen 1', 'seen 1');
    const lastSeq = Math.max(...first.events().map((e) => e.seq));
    await first.close();
    await chat(4, 'missed');

    const { client, welcome: resumed } = await rejoin(server, { epoch: welcome.epoch, lastSeq });
    track(client);
    assert.equal(resumed.recovered, true);
    assert.equal(resumed.epoch, welcome.epoch);
    assert.equal(resumed.seq, lastSeq + 4);
    assert.ok(!('snapshot' in resumed), 'a resumed welcome carries no snapshot');
    await client.waitFor((f) => f.t === 'chat.message' && f.message.text === 'missed 3', 'replay of missed 3');
    await chat(1, 'live');
    await client.waitFor((f) => f.t === 'chat.message' && f.message.text === 'live 0', 'live event');
    const seqs = client.events().map((e) => e.seq);
    assert.deepEqual(seqs, [lastSeq + 1, lastSeq + 2, lastSeq + 3, lastSeq + 4, lastSeq + 5]);
    // The welcome comes before the replayed events.
    assert.equal(client.frames.findIndex((f) => f.t === 'welcome') < client.frames.findIndex((f) => 'seq' in f && f.t !== 'welcome'), true);
  });

  it('resumes with recovered: true and nothing to replay when nothing was missed', async () => {
    const { client: first, welcome } = await TestClient.join(server);
    await first.close();
    const { client, welcome: resumed } = await rejoin(server, { epoch: welcome.epoch, lastSeq: welcome.seq });
    track(client);
    assert.equal(resumed.recovered, true);
    assert.equal(resumed.seq, welcome.seq);
  });

  it('sends a snapshot (recovered: false) for another epoch, no epoch, no lastSeq, or a lastSeq ahead of the log', async () => {
    const { client: probe, welcome } = await TestClient.join(server);
    track(probe);
    const cases = [
      { epoch: 'another-epoch-1234', lastSeq: welcome.seq },
      { lastSeq: welcome.seq },
      { epoch: welcome.epoch },
      { epoch: welcome.epoch, lastSeq: welcome.seq + 5 },
    ];
    for (const from of cases) {
      const { client, welcome: reply } = await rejoin(server, from);
      track(client);
      assert.equal(reply.recovered, false, JSON.stringify(from));
      assert.ok(!reply.recovered && reply.snapshot.seq === reply.seq);
    }
  });

  it('sends a snapshot to a client that missed more events than the window holds', async () => {
    const { client: first, welcome } = await TestClient.join(server);
    await first.close();
    await chat(11, 'flood');
    const { client, welcome: reply } = await rejoin(server, { epoch: welcome.epoch, lastSeq: welcome.seq });
    track(client);
    assert.equal(reply.recovered, false);
    assert.ok(!reply.recovered && reply.snapshot.chat.some((m) => m.text === 'flood 10'));
  });

  it('sends a snapshot to a client that missed an event older than the window', async () => {
    const { client: first, welcome } = await TestClient.join(server);
    await first.close();
    await chat(1, 'old');
    clock += 61_000;
    const { client, welcome: reply } = await rejoin(server, { epoch: welcome.epoch, lastSeq: welcome.seq });
    track(client);
    assert.equal(reply.recovered, false);
    // Within the age window again: a client that missed only a recent event is replayed.
    const { client: second, welcome: fresh } = await TestClient.join(server);
    await second.close();
    await chat(1, 'recent');
    const { client: third, welcome: resumed } = await rejoin(server, { epoch: fresh.epoch, lastSeq: fresh.seq });
    track(third);
    assert.equal(resumed.recovered, true);
  });

  it('grants the moderator role from a token; a moderator chats as moderator but cannot pin', async () => {
    const token = await signToken(TEST_SECRET, { role: 'moderator', room: 'demo', name: 'Mod' });
    const { client, welcome } = await TestClient.join(server, { token });
    track(client);
    assert.equal(welcome.role, 'moderator');
    const ack = await client.request({ t: 'chat.send', text: 'keep it friendly' });
    assert.ok(ack.t === 'ack' && ack.ok);
    const message = await client.waitFor((f) => f.t === 'chat.message' && f.message.text === 'keep it friendly', 'moderator chat');
    assert.ok(message.t === 'chat.message' && message.message.role === 'moderator');
    const pin = await client.request({ t: 'product.pin', productId: welcome.snapshot.products[0]?.id ?? 'x' });
    assert.ok(pin.t === 'ack' && pin.error?.code === 'forbidden');
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { MAX_FRAME_BYTES } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { signToken } from '../auth/tokens.js';
import { hostToken, startServer, tempDir, TestClient, TEST_SECRET, within } from '../test/helpers.js';

describe('websocket signaling', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;
  const clients: TestClient[] = [];
  const track = (client: TestClient) => (clients.push(client), client);

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

  it('answers hello with a welcome carrying the room snapshot', async () => {
    const { client, welcome } = await TestClient.join(server, { name: '小明' });
    track(client);
    assert.equal(welcome.role, 'viewer');
    assert.equal(welcome.name, '小明');
    assert.equal(welcome.snapshot.room.id, 'demo');
    assert.equal(welcome.snapshot.room.hls, '/media/demo/live.m3u8');
    assert.ok(welcome.snapshot.products.length >= 6);
    for (const product of welcome.snapshot.products) {
      assert.ok(product.variants.length >= 2 && product.variants.length <= 4);
      assert.equal(product.image, `/static/products/${product.id}.svg`);
      for (const variant of product.variants) assert.ok((welcome.snapshot.stock[variant.id] ?? 0) >= 30);
    }
  });

  it('gives an anonymous viewer a generated name', async () => {
    const { client, welcome } = await TestClient.join(server);
    track(client);
    assert.equal(welcome.role, 'viewer');
    assert.ok(welcome.name.length > 0);
  });

  it('refuses any command before hello with not_joined, and keeps the socket open', async () => {
    const client = track(await TestClient.open(server));
    const reply = await client.request({ t: 'chat.send', text: 'hi' });
    assert.deepEqual(reply.t === 'ack' && reply.error?.code, 'not_joined');
    const welcome = await client.request({ t: 'hello', room: 'demo' });
    assert.equal(welcome.t, 'welcome');
  });

  it('refuses a second hello and an unknown room', async () => {
    const { client } = await TestClient.join(server);
    track(client);
    const again = await client.request({ t: 'hello', room: 'demo' });
    assert.equal(again.t === 'ack' && again.error?.code, 'invalid');
    const other = track(await TestClient.open(server));
    const missing = await other.request({ t: 'hello', room: 'no-such-room' });
    assert.equal(missing.t === 'ack' && missing.error?.code, 'not_found');
  });

  it('refuses a forged token and a token for another room', async () => {
    const forged = await signToken('some-other-secret-0123456789', { role: 'host', room: 'demo' });
    const a = track(await TestClient.open(server));
    const reply = await a.request({ t: 'hello', room: 'demo', token: forged });
    assert.equal(reply.t === 'ack' && reply.error?.code, 'forbidden');
    const elsewhere = await signToken(TEST_SECRET, { role: 'host', room: 'other' });
    const b = track(await TestClient.open(server));
    const reply2 = await b.request({ t: 'hello', room: 'demo', token: elsewhere });
    assert.equal(reply2.t === 'ack' && reply2.error?.code, 'forbidden');
  });

  it('fans a chat message out to every viewer in the room', async () => {
    const { client: alice } = await TestClient.join(server, { name: 'Alice' });
    const { client: bob } = await TestClient.join(server, { name: 'Bob' });
    track(alice);
    track(bob);
    const ack = await alice.request({ t: 'chat.send', text: '  这件大衣有黑色吗？ ' });
    assert.equal(ack.t === 'ack' && ack.ok, true);
    const seen = await bob.waitFor((f) => f.t === 'chat.message' && f.message.name === 'Alice', 'chat at bob');
    assert.ok(seen.t === 'chat.message');
    assert.equal(seen.message.text, '这件大衣有黑色吗？');
    assert.equal(seen.message.role, 'viewer');
    assert.ok(seen.seq >= 1 && seen.at > 0);
  });

  it('lets only the host pin; every client sees the pins with increasing seq', async () => {
    const { client: viewer } = await TestClient.join(server);
    const { client: host, welcome } = await TestClient.join(server, { token: await hostToken() });
    track(viewer);
    track(host);
    assert.equal(welcome.role, 'host');
    assert.equal(welcome.name, 'Test Host');

    const refused = await viewer.request({ t: 'product.pin', productId: 'tea-set' });
    assert.equal(refused.t === 'ack' && refused.error?.code, 'forbidden');

    for (const productId of ['tea-set', 'silk-scarf']) {
      const ack = await host.request({ t: 'product.pin', productId });
      assert.equal(ack.t === 'ack' && ack.ok, true, JSON.stringify(ack));
    }
    for (const client of [viewer, host]) {
      await client.waitFor((f) => f.t === 'product.pinned' && f.pin.productId === 'silk-scarf', 'second pin');
      const pins = client.events().filter((e) => e.t === 'product.pinned');
      assert.deepEqual(pins.map((e) => e.t === 'product.pinned' && e.pin.productId), ['tea-set', 'silk-scarf']);
      const seqs = client.events().map((e) => e.seq);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
      assert.equal(new Set(seqs).size, seqs.length);
    }
    const missing = await host.request({ t: 'product.pin', productId: 'no-such-product' });
    assert.equal(missing.t === 'ack' && missing.error?.code, 'not_found');

    const unpin = await host.request({ t: 'product.unpin' });
    assert.equal(unpin.t === 'ack' && unpin.ok, true);
    await viewer.waitFor((f) => f.t === 'product.unpinned', 'unpin');
    const snapshot = (await (await fetch(`${server.url}/api/rooms/demo`)).json()) as { pinned: unknown };
    assert.equal(snapshot.pinned, null);
  });

  it('answers invalid frames with a typed error and keeps the socket open', async () => {
    const { client } = await TestClient.join(server);
    track(client);
    client.send('{not json');
    const error = await client.waitFor((f) => f.t === 'error', 'error frame');
    assert.equal(error.t === 'error' && error.code, 'invalid');

    const unknown = await client.request({ t: 'product.delete' });
    assert.equal(unknown.t === 'ack' && unknown.error?.code, 'invalid');
    const extra = await client.request({ t: 'chat.send', text: 'hi', html: '<b>x</b>' });
    assert.equal(extra.t === 'ack' && extra.error?.code, 'invalid');
    const empty = await client.request({ t: 'chat.send', text: '   ' });
    assert.equal(empty.t === 'ack' && empty.error?.code, 'invalid');
    const long = await client.request({ t: 'chat.send', text: 'x'.repeat(301) });
    assert.equal(long.t === 'ack' && long.error?.code, 'invalid');

    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    await client.waitFor((f) => f.t === 'error' && /binary/.test(f.message), 'binary refused');

    const pong = await client.request({ t: 'ping', at: 123 });
    assert.equal(pong.t === 'pong' && pong.at, 123);
  });

  it('closes the socket with 1009 on a frame larger than MAX_FRAME_BYTES', async () => {
    const { client } = await TestClient.join(server);
    client.send(JSON.stringify({ t: 'chat.send', id: 'big', text: 'x'.repeat(MAX_FRAME_BYTES) }));
    const { code } = await within(5000, 'close after oversize', client.closed);
    assert.equal(code, 1009);
  });

  it('rate-limits a flood of frames and of chat messages', async () => {
    const { client } = await TestClient.join(server);
    track(client);
    for (let i = 0; i < 10; i++) client.send({ t: 'chat.send', id: `flood-chat-${i}`, text: `msg ${i}` });
    await client.waitFor((f) => f.t === 'ack' && f.id === 'flood-chat-9', 'last chat ack');
    const chatAcks = client.frames.filter((f) => f.t === 'ack' && f.id.startsWith('flood-chat-'));
    assert.ok(chatAcks.some((f) => f.t === 'ack' && f.error?.code === 'rate_limited'), 'chat is limited');
    assert.ok(chatAcks.some((f) => f.t === 'ack' && f.ok), 'a burst of chat passes');

    for (let i = 0; i < 80; i++) client.send({ t: 'ping', id: `flood-${i}`, at: i });
    await client.waitFor((f) => f.t === 'ack' && f.id === 'flood-79' || (f.t === 'pong' && f.id === 'flood-79'), 'last flood answer');
    assert.ok(client.frames.some((f) => f.t === 'ack' && f.error?.code === 'rate_limited'), 'frames are limited');
    assert.equal(client.socket.readyState, WebSocket.OPEN);
  });

  it('refuses the upgrade from a disallowed Origin and accepts an allowed one', async () => {
    await assert.rejects(TestClient.open(server, { origin: 'https://evil.example' }), /403/);
    const local = track(await TestClient.open(server, { origin: 'http://localhost:5173' }));
    assert.equal(local.socket.readyState, WebSocket.OPEN);
    const self = track(await TestClient.open(server, { origin: server.url }));
    assert.equal(self.socket.readyState, WebSocket.OPEN);
  });

  it('refuses upgrades on other paths', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/not-ws`);
    const error = await within(5000, 'refusal', new Promise<Error>((resolve) => socket.once('error', resolve)));
    assert.match(error.message, /404/);
  });
});

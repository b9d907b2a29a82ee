import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { LiveShopServer } from '../server.js';
import { hostToken, startServer, tempDir, TestClient, within } from '../test/helpers.js';

describe('websocket heartbeat', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({
      dataDir: dir,
      heartbeatMs: 100,
      rateLimits: { frames: { perSecond: 1000, burst: 1000 }, commands: { 'chat.send': { perSecond: 1000, burst: 1000 } } },
    });
  });
  after(async () => {
    await server.close();
    await removeDir();
  });

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const silent = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    await within(5000, 'open', new Promise((resolve) => silent.once('open', resolve)));
    const { client: alive } = await TestClient.join(server);
    const code = await within(2000, 'the silent socket is dropped', closed);
    assert.equal(code, 1006, 'terminated without a close handshake');
    assert.equal(alive.socket.readyState, WebSocket.OPEN);
    await alive.close();
  });

  it('does not ping a peer it hears from (a core client pings on its own)', async () => {
    const { client } = await TestClient.join(server);
    let pings = 0;
    client.socket.on('ping', () => (pings += 1));
    // Ten periods of a client that sends its own heartbeat every 40 ms.
    for (let i = 0; i < 25; i++) {
      await client.request({ t: 'ping', at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    assert.equal(pings, 0);
    assert.equal(client.socket.readyState, WebSocket.OPEN);
    await client.close();
  });

  it('pings a silent listener while the room is busy, and still drops a peer that never answers', async () => {
    const token = await hostToken();
    const { client: host } = await TestClient.join(server, { token });
    const { client: listener } = await TestClient.join(server);
    let pings = 0;
    listener.socket.on('ping', () => (pings += 1));
    const deaf = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { autoPong: false });
    const closed = new Promise<number>((resolve) => deaf.once('close', (code) => resolve(code)));
    await within(5000, 'open', new Promise((resolve) => deaf.once('open', resolve)));
    deaf.send(JSON.stringify({ t: 'hello', id: 'deaf', room: 'demo' }));
    // The room is busy: every period has frames for the pings to ride along.
    let flooding = true;
    const flood = (async () => {
      for (let i = 0; flooding && i < 200; i++) {
        host.send({ t: 'chat.send', id: `f${i}`, text: `tick ${i}` });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const code = await within(2000, 'the deaf socket is dropped', closed);
    // A second of flood for the listener: pinged every other period (its pong counts as hearing from it).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    flooding = false;
    await flood;
    assert.equal(code, 1006);
    assert.ok(pings >= 3, `the listener was pinged ${pings} times in about 1.3 s of 100 ms periods`);
    assert.equal(listener.socket.readyState, WebSocket.OPEN);
    await Promise.all([host.close(), listener.close()]);
  });
});


import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { LiveShopServer } from '../server.js';
import { startServer, tempDir, TestClient, within } from '../test/helpers.js';

describe('websocket heartbeat', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir, heartbeatMs: 100 });
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
});

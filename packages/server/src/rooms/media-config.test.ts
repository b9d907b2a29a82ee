import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveShopServer } from '../server.js';
import { getJson, startServer, tempDir, TestClient } from '../test/helpers.js';
import { merchantFetch, TEST_API_KEY } from '../test/merchant.js';

describe('a room on an external media backend', () => {
  let server: LiveShopServer;
  let data: { dir: string; remove: () => Promise<void> };
  before(async () => {
    data = await tempDir();
    server = await startServer({ dataDir: data.dir, merchantApiKey: TEST_API_KEY });
  });
  after(async () => {
    await server.close();
    await data.remove();
  });

  const put = (body: unknown) =>
    merchantFetch(server, 'rooms/demo/media', { method: 'PUT', contentType: 'application/json', body: JSON.stringify(body) });

  it('stores the WHEP and HLS URLs, tells the players in the room at once, and gives them to new ones', async () => {
    const { client } = await TestClient.join(server);
    const media = { hls: 'https://cdn.example.com/live/demo/index.m3u8', whep: 'https://media.example.com/whep/demo' };
    const answer = await put(media);
    assert.equal(answer.status, 200, await answer.clone().text());
    assert.deepEqual(await answer.json(), media);
    const event = await client.waitFor((frame) => frame.t === 'room.media', 'room.media');
    assert.deepEqual(event.t === 'room.media' && { hls: event.hls, whep: event.whep }, media);
    const snapshot = (await getJson(`${server.url}/api/rooms/demo`)).body as { room: { hls: string; whep?: string } };
    assert.equal(snapshot.room.hls, media.hls);
    assert.equal(snapshot.room.whep, media.whep);
    await client.close();
    // Back to the server's own stream.
    assert.equal((await put({ hls: '/media/demo/live.m3u8', whep: null })).status, 200);
    const back = (await getJson(`${server.url}/api/rooms/demo`)).body as { room: { hls: string; whep?: string } };
    assert.equal(back.room.hls, '/media/demo/live.m3u8');
    assert.equal(back.room.whep, undefined);
  });

  it('refuses plain http, credentials in the URL, protocol-relative URLs and other shapes', async () => {
    for (const whep of ['http://media.example.com/whep', 'https://user:secret@media.example.com/whep', '//evil.example/whep', 'javascript:alert(1)']) {
      assert.equal((await put({ hls: null, whep })).status, 400, whep);
    }
    assert.equal((await put({ hls: null })).status, 400, 'both fields are required');
    assert.equal((await merchantFetch(server, 'rooms/nowhere/media', { method: 'PUT', contentType: 'application/json', body: '{"hls":null,"whep":null}' })).status, 404);
  });
});

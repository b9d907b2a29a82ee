import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveShopServer } from '../server.js';
import { startServer, tempDir, TestClient } from '../test/helpers.js';
import { merchantFetch, TEST_API_KEY } from '../test/merchant.js';
import { parseOrigins } from './room-origins.js';

const SHOP = 'https://shop.example';
const PARTNER = 'https://partner.example';

describe('per-room allowed origins', () => {
  let server: LiveShopServer;
  let data: { dir: string; remove: () => Promise<void> };
  const open: TestClient[] = [];

  before(async () => {
    data = await tempDir();
    // PARTNER is allowed server-wide; the demo room narrows itself to SHOP.
    server = await startServer({ dataDir: data.dir, allowOrigins: [PARTNER], allowLocalhost: false, merchantApiKey: TEST_API_KEY });
    await server.setRoomOrigins('demo', [SHOP]);
  });
  after(async () => {
    await Promise.all(open.map((client) => client.close()));
    await server.close();
    await data.remove();
  });

  it("lets the room's own origin join and refuses a server-wide origin at hello", async () => {
    const shop = await TestClient.open(server, { origin: SHOP });
    open.push(shop);
    const welcome = await shop.request({ t: 'hello', room: 'demo' });
    assert.equal(welcome.t, 'welcome');

    // The upgrade admits PARTNER (the server allows it for rooms without a list), but demo does not.
    const partner = await TestClient.open(server, { origin: PARTNER });
    open.push(partner);
    const refused = await partner.request({ t: 'hello', room: 'demo' });
    assert.equal(refused.t, 'ack');
    assert.equal(refused.t === 'ack' && refused.error?.code, 'forbidden');
  });

  it('refuses an origin no room allows at the upgrade', async () => {
    await assert.rejects(TestClient.open(server, { origin: 'https://evil.example' }), /403/);
  });

  it("answers CORS on the room's API and playlist by the room's list", async () => {
    const ask = (path: string, origin: string) => fetch(`${server.url}${path}`, { headers: { Origin: origin } });
    for (const path of ['/api/rooms/demo', '/media/demo/live.m3u8']) {
      assert.equal((await ask(path, SHOP)).headers.get('access-control-allow-origin'), SHOP, path);
      assert.equal((await ask(path, PARTNER)).headers.get('access-control-allow-origin'), null, path);
    }
    const preflight = await fetch(`${server.url}/whep/demo`, {
      method: 'OPTIONS',
      headers: { Origin: PARTNER, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 403);
  });

  it('survives a restart (stored), and null returns the room to the server-wide list', async () => {
    assert.deepEqual(await server.store.listRoomOrigins(), new Map([['demo', [SHOP]]]));
    await server.setRoomOrigins('demo', null);
    const partner = await TestClient.open(server, { origin: PARTNER });
    open.push(partner);
    assert.equal((await partner.request({ t: 'hello', room: 'demo' })).t, 'welcome');
    await server.setRoomOrigins('demo', [SHOP]);
  });

  it('accepts only bare http(s) origins, and unknown rooms are not_found', async () => {
    assert.deepEqual(parseOrigins(['https://Shop.Example/', 'https://shop.example', 'http://127.0.0.1:8080']), [
      'https://shop.example',
      'http://127.0.0.1:8080',
    ]);
    for (const bad of ['https://shop.example/path', '*.example.com', 'ftp://shop.example', 'https://u:p@shop.example']) {
      assert.throws(() => parseOrigins([bad]), /origins\[0\]/, bad);
    }
    await assert.rejects(server.setRoomOrigins('no-such-room', [SHOP]), /does not exist/);
  });

  it('is set and read through the merchant API (key required, bad origins refused)', async () => {
    const put = (body: unknown) =>
      merchantFetch(server, 'rooms/demo/origins', { method: 'PUT', contentType: 'application/json', body: JSON.stringify(body) });
    const set = await put({ origins: [SHOP, 'https://second.example/'] });
    assert.equal(set.status, 200);
    assert.deepEqual(await set.json(), { origins: [SHOP, 'https://second.example'] });
    assert.deepEqual(await (await merchantFetch(server, 'rooms/demo/origins')).json(), { origins: [SHOP, 'https://second.example'] });
    assert.equal((await put({ origins: ['https://shop.example/checkout'] })).status, 400);
    assert.equal((await merchantFetch(server, 'rooms/demo/origins', { headers: {} })).status, 401);
    assert.equal((await merchantFetch(server, 'rooms/nowhere/origins')).status, 404);
    const second = await TestClient.open(server, { origin: 'https://second.example' });
    open.push(second);
    assert.equal((await second.request({ t: 'hello', room: 'demo' })).t, 'welcome');
    await put({ origins: [SHOP] });
  });
});

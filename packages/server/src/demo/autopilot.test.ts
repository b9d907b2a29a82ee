import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveShopServer } from '../server.js';
import { startServer, tempDir, TestClient } from '../test/helpers.js';

describe('demo autopilot', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir, autopilot: true, autopilotIntervalMs: 150 });
  });
  after(async () => {
    await server.close();
    await removeDir();
  });

  it('pins the next product at start and every interval, with a host chat line each time', async () => {
    const { client, welcome } = await TestClient.join(server);
    const products = welcome.snapshot.products.map((p) => p.id);
    const firstPin = welcome.snapshot.pinned;
    assert.ok(firstPin, 'a product is pinned right after start');
    const pinsSoFar = () => client.events().flatMap((e) => (e.t === 'product.pinned' ? [e.pin.productId] : []));
    await client.waitFor(() => pinsSoFar().length >= 2, 'two more pins', 5000);
    const pins = pinsSoFar();
    const from = products.indexOf(firstPin.productId);
    const next = (i: number) => products[(from + i) % products.length];
    assert.deepEqual(pins.slice(0, 2), [next(1), next(2)], 'pins go through the catalogue in order');
    const hostLines = welcome.snapshot.chat.concat(client.frames.flatMap((f) => (f.t === 'chat.message' ? [f.message] : [])));
    assert.ok(hostLines.some((m) => m.role === 'host' && m.text.length > 0));
    await client.close();
  });

  it('stops with the server, leaving no timer behind', async () => {
    await server.close();
    const seq = (await server.store.loadSnapshot('demo', 1).catch(() => null))?.seq;
    assert.equal(seq, undefined, 'the store is closed');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveShopServer } from '../server.js';
import { hostToken, orderRequest, startServer, tempDir, TestClient } from '../test/helpers.js';

describe('anonymous viewers across reconnects', () => {
  let server: LiveShopServer;
  let data: { dir: string; remove: () => Promise<void> };
  before(async () => {
    data = await tempDir();
    server = await startServer({ dataDir: data.dir });
  });
  after(async () => {
    await server.close();
    await data.remove();
  });

  it('stays the same viewer with its session id: a retried order after a reconnect returns the same order', async () => {
    const first = await TestClient.join(server);
    const session = first.welcome.session;
    assert.match(session ?? '', /^[A-Za-z0-9_-]{22,64}$/, 'an anonymous viewer gets a session id');
    const variantId = first.welcome.snapshot.products[0]?.variants[0]?.id ?? '';
    const request = orderRequest(variantId);
    const placed = await first.client.request({ t: 'order.place', order: request });
    assert.equal(placed.t === 'ack' && placed.ok, true);
    await first.client.close();

    // The same client after a reconnect: same session, same idempotency key -> the same order, nothing new.
    const again = await TestClient.open(server);
    const welcome = await again.request({ t: 'hello', room: 'demo', session });
    assert.equal(welcome.t === 'welcome' && welcome.session, session);
    const retried = await again.request({ t: 'order.place', order: request });
    assert.equal(retried.t === 'ack' && retried.ok, true);
    assert.deepEqual(retried.t === 'ack' && retried.data, placed.t === 'ack' && placed.data);

    // Another anonymous viewer with the same key is someone else: its own order.
    const other = await TestClient.join(server);
    assert.notEqual(other.welcome.session, session);
    const theirs = await other.client.request({ t: 'order.place', order: request });
    const id = (frame: typeof theirs) => (frame.t === 'ack' ? (frame.data as { id?: string } | undefined)?.id : undefined);
    assert.notEqual(id(theirs), id(placed));
    await Promise.all([again.close(), other.client.close()]);
  });

  it('refuses a malformed session id, and gives none to a viewer with a token', async () => {
    const client = await TestClient.open(server);
    const refused = await client.request({ t: 'hello', room: 'demo', session: 'short' });
    assert.equal(refused.t === 'ack' && refused.error?.code, 'invalid');
    await client.close();
    const host = await TestClient.join(server, { token: await hostToken() });
    assert.equal(host.welcome.session, undefined);
    await host.client.close();
  });
});

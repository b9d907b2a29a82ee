import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveShopServer } from '../server.js';
import { orderRequest, startServer, tempDir, TestClient } from '../test/helpers.js';

describe('purchase notices', () => {
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

  it('tells the room "X just bought Y" with a masked name once per order, not again for a retried request', async () => {
    const { client: watcher, welcome } = await TestClient.join(server);
    const { client: buyer } = await TestClient.join(server, { name: '王小明' });
    const product = welcome.snapshot.products[0];
    const variantId = product?.variants[0]?.id;
    if (!product || !variantId) throw new Error('the demo room has no product');
    const request = orderRequest(variantId);
    const first = await buyer.request({ t: 'order.place', order: request });
    assert.equal(first.t === 'ack' && first.ok, true, JSON.stringify(first));
    const notice = await watcher.waitFor((frame) => frame.t === 'notice' && frame.notice.kind === 'purchase', 'a purchase notice');
    assert.equal(notice.t === 'notice' && notice.notice.kind === 'purchase' && notice.notice.product, product.name);
    const shown = notice.t === 'notice' && notice.notice.kind === 'purchase' ? notice.notice.name : '';
    assert.ok(shown.startsWith('王') && !shown.includes('小明'), `masked: ${shown}`);

    // The same request again (a retry) places nothing new and announces nothing new.
    const retry = await buyer.request({ t: 'order.place', order: request });
    assert.equal(retry.t === 'ack' && retry.ok, true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const purchases = watcher.frames.filter((frame) => frame.t === 'notice' && frame.notice.kind === 'purchase');
    assert.equal(purchases.length, 1);
    await Promise.all([watcher.close(), buyer.close()]);
  });
});

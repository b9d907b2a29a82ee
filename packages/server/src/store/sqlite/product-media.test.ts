import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PRODUCTS } from '../../catalog/demo-products.js';
import type { LiveShopServer } from '../../server.js';
import { startServer, tempDir } from '../../test/helpers.js';
import { merchantFetch, TEST_API_KEY } from '../../test/merchant.js';

describe('product media in the store', () => {
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

  it('keeps pictures, 360° frames, the 3D model and variant sale price / swatch / picture through SQLite', async () => {
    const stored = await server.store.listProducts('demo');
    const withMedia = DEMO_PRODUCTS.filter((product) => product.images || product.spin || product.model);
    assert.ok(withMedia.length > 0, 'the demo catalogue has products with media');
    for (const product of DEMO_PRODUCTS) {
      const back = stored.find((p) => p.id === product.id);
      assert.ok(back, product.id);
      assert.deepEqual(back, product, `${product.id} comes back as seeded`);
    }
    // And the snapshot viewers get carries them.
    const snapshot = await server.store.loadSnapshot('demo', 10);
    assert.ok(snapshot?.products.some((p) => p.spin && p.spin.length >= 2));
    assert.ok(snapshot?.products.some((p) => p.variants.some((variant) => variant.compareAtPrice !== undefined && variant.swatch !== undefined)));
  });

  it('takes the same fields in a merchant catalogue import, and refuses a swatch that is not a colour', async () => {
    const product = {
      id: 'scarf',
      name: 'Silk scarf',
      currency: 'CNY',
      images: [{ src: '/static/products/scarf.svg', srcset: '/static/products/scarf-800.svg 800w', sizes: '50vw' }],
      spin: ['/static/spin/1.svg', '/static/spin/2.svg'],
      model: { glb: '/static/products/scarf.glb' },
      variants: [{ id: 'scarf-red', label: 'Red', price: 19_900, compareAtPrice: 29_900, swatch: '#c0392b', stock: 5 }],
    };
    const put = (body: unknown) =>
      merchantFetch(server, 'rooms/demo/catalog', { method: 'PUT', contentType: 'application/json', body: JSON.stringify(body) });
    assert.equal((await put({ products: [product] })).status, 200);
    const back = (await server.store.listProducts('demo')).find((p) => p.id === 'scarf');
    assert.deepEqual(back?.spin, product.spin);
    assert.deepEqual(back?.images, product.images);
    assert.deepEqual(back?.model, product.model);
    assert.deepEqual(back?.variants[0], { id: 'scarf-red', label: 'Red', price: 19_900, compareAtPrice: 29_900, swatch: '#c0392b' });
    const bad = await put({ products: [{ ...product, variants: [{ ...product.variants[0], swatch: 'red;background:url(x)' }] }] });
    assert.equal(bad.status, 400);
  });
});

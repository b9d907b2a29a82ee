// Importing the packages where there is no DOM (a server rendering a merchant's page, a Node script)
// must not throw: no `window`, `document`, `HTMLElement` or `customElements` touched at import time.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('there is no DOM here: the imports below run as on a server', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
});

test('@live-shop/protocol imports without a DOM', async () => {
  const protocol = await import('@live-shop/protocol');
  assert.equal(typeof protocol.formatMoney, 'function');
});

test('@live-shop/core imports without a DOM, and a client can be made (not connected)', async () => {
  const core = await import('@live-shop/core');
  const client = new core.LiveShopClient({ server: 'http://127.0.0.1:9', room: 'demo' });
  assert.equal(client.$connection.get().status, 'idle');
  client.dispose();
});

test('@live-shop/elements imports without a DOM and exports every element class', async () => {
  const elements = await import('@live-shop/elements');
  for (const name of ['LiveShopPlayer', 'ProductCard', 'QuickCheckout', 'LiveShopChat', 'LiveShopShelf'] as const) {
    assert.equal(typeof elements[name], 'function', name);
  }
});

// lit's `node` build brings its own `customElements` registry for server rendering (and no HTMLElement);
// define() registers into it, or does nothing where there is no registry at all.
test('@live-shop/elements/define (the script-tag entry) imports without a DOM, and define() does not throw', async () => {
  await assert.doesNotReject(import('@live-shop/elements/define'));
  const elements = await import('@live-shop/elements');
  assert.doesNotThrow(() => elements.defineLiveShopPlayer());
});

import { expect } from '@open-wc/testing';
import './define.js';
import { LiveShopPlayer, ProductCard, QuickCheckout, LiveShopChat } from './index.js';

describe('define (the script-tag entry)', () => {
  it('registers the player, card and chat at once, and the checkout sheet when a page shows one', async () => {
    expect(customElements.get('live-shop-player')).to.equal(LiveShopPlayer);
    expect(customElements.get('product-card')).to.equal(ProductCard);
    expect(customElements.get('live-shop-chat')).to.equal(LiveShopChat);
    // The sheet is a lazy chunk: a <quick-checkout> placed in the page loads and registers it.
    const sheet = document.createElement('quick-checkout');
    document.body.append(sheet);
    await customElements.whenDefined('quick-checkout');
    expect(customElements.get('quick-checkout')).to.equal(QuickCheckout);
    sheet.remove();
  });

  it('does not load hls.js until a video plays', () => {
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((name) => name.includes('/hls.js/'))).to.equal(false);
    expect(loaded.some((name) => name.includes('/lit'))).to.equal(true);
  });

  it('can run twice without throwing (tags already defined are skipped)', async () => {
    const { defineLiveShopPlayer } = await import('./index.js');
    expect(() => defineLiveShopPlayer()).to.not.throw();
  });
});

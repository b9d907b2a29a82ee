import { expect } from '@open-wc/testing';
import './define.js';
import { LiveShopPlayer, ProductCard, QuickCheckout, LiveShopChat } from './index.js';

describe('define (the script-tag entry)', () => {
  it('registers every tag with its class', () => {
    expect(customElements.get('live-shop-player')).to.equal(LiveShopPlayer);
    expect(customElements.get('product-card')).to.equal(ProductCard);
    expect(customElements.get('quick-checkout')).to.equal(QuickCheckout);
    expect(customElements.get('live-shop-chat')).to.equal(LiveShopChat);
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

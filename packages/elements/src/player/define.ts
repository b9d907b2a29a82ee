import { defineLiveShopChat } from '../chat/define.js';
import { defineProductCard } from '../product-card/define.js';
import { defineQuickCheckout } from '../quick-checkout/define.js';
import { defineLiveShopReactions } from '../reactions/define.js';
import { defineLiveShopShelf } from '../shelf/define.js';
import { LiveShopPlayer } from './live-shop-player.js';

/** Registers `<live-shop-player>` and the elements it renders, skipping any the page already has (a no-op where there is no DOM). */
export function defineLiveShopPlayer(): void {
  defineProductCard();
  defineLiveShopChat();
  defineQuickCheckout();
  defineLiveShopShelf();
  defineLiveShopReactions();
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-player')) customElements.define('live-shop-player', LiveShopPlayer);
}

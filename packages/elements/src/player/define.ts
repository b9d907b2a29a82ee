import { defineLiveShopChat } from '../chat/define.js';
import { defineProductCard } from '../product-card/define.js';
import { defineQuickCheckout } from '../quick-checkout/define.js';
import { LiveShopPlayer } from './live-shop-player.js';

/** Registers `<live-shop-player>` and the elements it renders, skipping any the page already has. */
export function defineLiveShopPlayer(): void {
  defineProductCard();
  defineLiveShopChat();
  defineQuickCheckout();
  if (!customElements.get('live-shop-player')) customElements.define('live-shop-player', LiveShopPlayer);
}

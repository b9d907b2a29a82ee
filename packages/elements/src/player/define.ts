import { defineLiveShopChat } from '../chat/define.js';
import { defineProductCard } from '../product-card/define.js';
import { defineLiveShopReactions } from '../reactions/define.js';
import { LiveShopPlayer } from './live-shop-player.js';

/**
 * Registers `<live-shop-player>` and the elements it always renders, skipping any the page already has (a
 * no-op where there is no DOM). The checkout sheet and the shopping bag register themselves when the player
 * first needs them (their code is a separate chunk).
 */
export function defineLiveShopPlayer(): void {
  defineProductCard();
  defineLiveShopChat();
  defineLiveShopReactions();
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-player')) customElements.define('live-shop-player', LiveShopPlayer);
}

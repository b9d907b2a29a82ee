import { LiveShopReactions } from './live-shop-reactions.js';

/** Registers `<live-shop-reactions>` unless the page already has one (a no-op where there is no DOM). */
export function defineLiveShopReactions(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-reactions')) customElements.define('live-shop-reactions', LiveShopReactions);
}

import { LiveShopLottery } from './live-shop-lottery.js';

/** Registers `<live-shop-lottery>` unless the page already has one (a no-op where there is no DOM). */
export function defineLiveShopLottery(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-lottery')) customElements.define('live-shop-lottery', LiveShopLottery);
}

import { LiveShopFlashSale } from './live-shop-flash-sale.js';

/** Registers `<live-shop-flash-sale>` unless the page already has one (a no-op where there is no DOM). */
export function defineLiveShopFlashSale(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-flash-sale')) customElements.define('live-shop-flash-sale', LiveShopFlashSale);
}

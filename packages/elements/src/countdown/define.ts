import { LiveShopCountdown } from './live-shop-countdown.js';

/** Registers `<live-shop-countdown>` unless the page already has one (a no-op where there is no DOM). */
export function defineLiveShopCountdown(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-countdown')) customElements.define('live-shop-countdown', LiveShopCountdown);
}

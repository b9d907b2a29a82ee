import { LiveShopRedEnvelope } from './live-shop-red-envelope.js';

/** Registers `<live-shop-red-envelope>` unless the page already has one (a no-op where there is no DOM). */
export function defineLiveShopRedEnvelope(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-red-envelope')) customElements.define('live-shop-red-envelope', LiveShopRedEnvelope);
}

import { LiveShopNotices } from './live-shop-notices.js';

/** Registers `<live-shop-notices>` unless the page already has one. */
export function defineLiveShopNotices(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-notices')) customElements.define('live-shop-notices', LiveShopNotices);
}

import { LiveShopShelf } from './live-shop-shelf.js';

/** Registers `<live-shop-shelf>` unless the page already has one (a no-op where there is no DOM, as on a server). */
export function defineLiveShopShelf(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-shelf')) customElements.define('live-shop-shelf', LiveShopShelf);
}

import { LiveShopChat } from './live-shop-chat.js';

/** Registers `<live-shop-chat>` unless the page already has one. */
export function defineLiveShopChat(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-chat')) customElements.define('live-shop-chat', LiveShopChat);
}

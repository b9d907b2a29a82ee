import { LiveShopChat } from './live-shop-chat.js';

/** Registers `<live-shop-chat>` unless the page already has one. */
export function defineLiveShopChat(): void {
  if (!customElements.get('live-shop-chat')) customElements.define('live-shop-chat', LiveShopChat);
}

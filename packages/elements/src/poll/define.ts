import { LiveShopPoll } from './live-shop-poll.js';

/** Registers `<live-shop-poll>` unless the page already has one (a no-op where there is no DOM). */
export function defineLiveShopPoll(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-poll')) customElements.define('live-shop-poll', LiveShopPoll);
}

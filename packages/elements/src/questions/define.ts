import { LiveShopQuestions } from './live-shop-questions.js';

/** Registers `<live-shop-questions>` unless the page already has one. */
export function defineLiveShopQuestions(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-questions')) customElements.define('live-shop-questions', LiveShopQuestions);
}

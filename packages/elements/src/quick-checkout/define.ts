import { QuickCheckout } from './quick-checkout.js';

/** Registers `<quick-checkout>` unless the page already has one. */
export function defineQuickCheckout(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('quick-checkout')) customElements.define('quick-checkout', QuickCheckout);
}

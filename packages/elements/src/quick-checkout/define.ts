import { QuickCheckout } from './quick-checkout.js';

/** Registers `<quick-checkout>` unless the page already has one. */
export function defineQuickCheckout(): void {
  if (!customElements.get('quick-checkout')) customElements.define('quick-checkout', QuickCheckout);
}

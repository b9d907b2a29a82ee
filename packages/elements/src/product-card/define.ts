import { ProductCard } from './product-card.js';

/** Registers `<product-card>` unless the page already has one. */
export function defineProductCard(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('product-card')) customElements.define('product-card', ProductCard);
}

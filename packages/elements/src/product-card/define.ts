import { ProductCard } from './product-card.js';

/** Registers `<product-card>` unless the page already has one. */
export function defineProductCard(): void {
  if (!customElements.get('product-card')) customElements.define('product-card', ProductCard);
}

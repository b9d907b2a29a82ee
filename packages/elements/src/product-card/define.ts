import { ProductCard } from './product-card.js';

/**
 * Registers `<product-card>` unless the page already has one. Its 360° and 3D views register
 * themselves the first time a card shows one (lazy chunks in the script-tag bundle).
 */
export function defineProductCard(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('product-card')) customElements.define('product-card', ProductCard);
}

import type { Order } from '@live-shop/protocol';

/** Detail of `live-shop-product-buy`: the viewer asked to buy this product. */
export interface ProductBuyDetail {
  productId: string;
}

/** Detail of `live-shop-checkout-close`: the checkout sheet was closed. */
export interface CheckoutCloseDetail {
  /** The product the sheet was for, when there was one. */
  productId: string | null;
  /** What closed it. */
  reason: 'close-button' | 'escape' | 'back-to-stream' | 'scrim';
}

/** Detail of `live-shop-order-placed`: the server confirmed an order. */
export interface OrderPlacedDetail {
  order: Order;
}

/** Every event the elements fire, by name. */
export interface LiveShopEventMap {
  'live-shop-product-buy': CustomEvent<ProductBuyDetail>;
  'live-shop-checkout-close': CustomEvent<CheckoutCloseDetail>;
  'live-shop-order-placed': CustomEvent<OrderPlacedDetail>;
}

/**
 * Fires one of the elements' events from `target`. Always `bubbles` and `composed`, so a merchant
 * page hears events from inside the player's shadow root.
 */
export function emit<K extends keyof LiveShopEventMap>(
  target: EventTarget,
  type: K,
  detail: LiveShopEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: false }));
}

declare global {
  // Typed `addEventListener('live-shop-…', e => e.detail…)` on every element.
  interface HTMLElementEventMap extends LiveShopEventMap {}
}

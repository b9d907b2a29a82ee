import type { Order } from '@live-shop/protocol';

/** Where in the UI a product was acted on: the pinned card over the video, or the shelf (shopping bag). */
export type ProductSource = 'card' | 'shelf';

/** Detail of `live-shop-product-buy`: the viewer asked to buy this product. */
export interface ProductBuyDetail {
  productId: string;
  /** Which element the viewer pressed buy in; absent when fired by other code. */
  source?: ProductSource;
}

/**
 * Detail of `live-shop-product-click`: the viewer clicked a product's picture or name (a merchant hook,
 * for analytics or to show the merchant's own product page). Cancelable: when nobody cancels it, the
 * element asks to buy (`live-shop-product-buy`), which opens the checkout in the player.
 */
export interface ProductClickDetail {
  productId: string;
  source: ProductSource;
}

/**
 * Detail of `live-shop-checkout`: the player is about to open its checkout sheet for a product.
 * Cancelable: a merchant who cancels it takes the checkout over (its own cart or page) and the
 * player opens nothing.
 */
export interface CheckoutDetail {
  productId: string;
  /** Which element the request came from, when known. */
  source: ProductSource | null;
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

/** Detail of `live-shop-shelf-toggle`: the shelf (shopping bag) drawer opened or closed. */
export interface ShelfToggleDetail {
  open: boolean;
  /** What closed it (absent when it opened). */
  reason?: 'close-button' | 'escape' | 'scrim' | 'buy' | 'toggle';
}

/** Every event the elements fire, by name. */
export interface LiveShopEventMap {
  'live-shop-product-buy': CustomEvent<ProductBuyDetail>;
  'live-shop-product-click': CustomEvent<ProductClickDetail>;
  'live-shop-checkout': CustomEvent<CheckoutDetail>;
  'live-shop-checkout-close': CustomEvent<CheckoutCloseDetail>;
  'live-shop-order-placed': CustomEvent<OrderPlacedDetail>;
  'live-shop-shelf-toggle': CustomEvent<ShelfToggleDetail>;
}

/** Options of {@link emit}. */
export interface EmitOptions {
  /** Let listeners `preventDefault()` the element's default action (the return value says whether they did). */
  cancelable?: boolean;
}

/**
 * Fires one of the elements' events from `target`. Always `bubbles` and `composed`, so a merchant
 * page hears events from inside the player's shadow root. Returns `false` when a listener cancelled
 * a cancelable event.
 */
export function emit<K extends keyof LiveShopEventMap>(
  target: EventTarget,
  type: K,
  detail: LiveShopEventMap[K]['detail'],
  options: EmitOptions = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}

declare global {
  // Typed `addEventListener('live-shop-…', e => e.detail…)` on every element.
  interface HTMLElementEventMap extends LiveShopEventMap {}
}

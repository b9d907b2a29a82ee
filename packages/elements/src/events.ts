import type { Coupon, Order } from '@live-shop/protocol';
import type { CartAnswer, CartLine } from '@live-shop/core';

/** Where in the UI a product was acted on: the pinned card over the video, or the shelf (shopping bag). */
export type ProductSource = 'card' | 'shelf' | 'flash-sale';

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
  /**
   * Absent (or `open`): the sheet is about to open (cancelable). `pay`: the buyer confirmed and the order is
   * about to be paid; answer through {@link CheckoutDetail.respondWith} to refuse (not cancelable).
   */
  phase?: 'open' | 'pay';
  /** The line being paid for (`pay` only). */
  line?: CartLine;
  /** `pay` only: answer for the merchant's cart (see {@link CartResponder}). */
  respondWith?: CartResponder;
}

/**
 * Lets the merchant's cart answer a cart event: call it synchronously inside the listener with the answer
 * or a promise of it (`{ ok: true }`, or `{ ok: false, code: 'out_of_stock' | 'limit_reached' | … }`). Without
 * an answer the player goes ahead.
 */
export type CartResponder = (answer: CartAnswer | Promise<CartAnswer>) => void;

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

/**
 * Detail of `live-shop-add-to-cart`: the viewer put a variant into the cart from a `<product-card>`.
 * The merchant's cart bridge listens for it; the card only announces it.
 */
export interface AddToCartDetail {
  productId: string;
  variantId: string;
  quantity: number;
  /** Price of one unit, minor units (when the player asks; the sale price in a flash sale). */
  unitPrice?: number;
  /** Currency of `unitPrice`. */
  currency?: string;
  /** The flash sale, if the line is bought in one. */
  saleId?: string;
  /**
   * Present when the player's checkout is about to hold the units (its cart bridge): answer, synchronously in
   * the listener, with `{ ok: true }` or `{ ok: false, code: 'out_of_stock' | 'limit_reached' | … }` (or a
   * promise of it) so the player's cart and the site's cart agree. Also on `live-shop-cart-update`.
   */
  respondWith?: CartResponder;
}

/** Detail of `live-shop-poll-vote`: the server accepted this viewer's vote. */
export interface PollVoteDetail {
  pollId: string;
  /** Index of the option voted for. */
  option: number;
}

/** Detail of `live-shop-lottery-enter`: this viewer entered the lottery. */
export interface LotteryEnterDetail {
  lotteryId: string;
  /** The viewer's opaque entrant id (find it in the published entrants after the draw). */
  entrantId: string;
}

/** Detail of `live-shop-red-envelope-grab`: this viewer grabbed an envelope (coupon) or was refused (code). */
export interface RedEnvelopeGrabDetail {
  rainId: string;
  /** The coupon won, or null when refused. */
  coupon: Coupon | null;
  /** Why it was refused (`exhausted`, `already_done`, `ended`, …), or null when granted. */
  error: string | null;
}

/** Detail of `live-shop-countdown-end`: a countdown reached zero (on the server clock). */
export interface CountdownEndDetail {
  /** The host countdown's id, or null for a countdown given by `target`. */
  countdownId: string | null;
  /** The server instant (ms) it counted to. */
  target: number;
}

/** Detail of `live-shop-miniplayer-toggle`: the player started or stopped floating in a corner of the page. */
export interface MiniplayerToggleDetail {
  miniplayer: boolean;
}

/**
 * Detail of `live-shop-pip-toggle`: the player put its video in picture-in-picture because the checkout sheet
 * covers it (a small player), took it out when the sheet closed, or the browser refused (then `active` is false
 * and `error` says why; nothing else happens: the sheet opens over the video as usual).
 */
export interface PipToggleDetail {
  active: boolean;
  /** What moved it: the checkout sheet opening or closing. */
  cause: 'checkout-sheet';
  /** The browser's refusal (`NotAllowedError`, `InvalidStateError`, …), or null. */
  error: { name: string; message: string } | null;
}

/** Every event the elements fire, by name. */
/** Detail of `live-shop-message-moderate`: the server carried out a host's or moderator's action on a chat message. */
export interface MessageModerateDetail {
  action: 'delete' | 'mute' | 'ban';
  messageId: string;
  /** The author's opaque per-room id (absent for messages from older servers). */
  authorId?: string;
}

/** Detail of `live-shop-question-ask`: the server accepted this viewer's question. */
export interface QuestionAskDetail {
  text: string;
}

export interface LiveShopEventMap {
  'live-shop-product-buy': CustomEvent<ProductBuyDetail>;
  'live-shop-product-click': CustomEvent<ProductClickDetail>;
  'live-shop-checkout': CustomEvent<CheckoutDetail>;
  'live-shop-checkout-close': CustomEvent<CheckoutCloseDetail>;
  'live-shop-order-placed': CustomEvent<OrderPlacedDetail>;
  'live-shop-shelf-toggle': CustomEvent<ShelfToggleDetail>;
  'live-shop-poll-vote': CustomEvent<PollVoteDetail>;
  'live-shop-lottery-enter': CustomEvent<LotteryEnterDetail>;
  'live-shop-red-envelope-grab': CustomEvent<RedEnvelopeGrabDetail>;
  'live-shop-countdown-end': CustomEvent<CountdownEndDetail>;
  'live-shop-add-to-cart': CustomEvent<AddToCartDetail>;
  'live-shop-miniplayer-toggle': CustomEvent<MiniplayerToggleDetail>;
  'live-shop-pip-toggle': CustomEvent<PipToggleDetail>;
  'live-shop-cart-update': CustomEvent<AddToCartDetail>;
  'live-shop-message-moderate': CustomEvent<MessageModerateDetail>;
  'live-shop-question-ask': CustomEvent<QuestionAskDetail>;
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

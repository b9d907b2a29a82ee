import type { WritableAtom } from 'nanostores';
import type { Customer, Order, Product, ReserveRequest } from '@live-shop/protocol';
import type { LiveShopError } from '../errors.js';
import type { CartBridge } from './cart-bridge.js';
import type { HandoffError, PaymentHandoff } from './handoff/types.js';
import type { OrderInput } from './order-input.js';

/** Where a failure happened: taking the hold, confirming the order, or paying. */
export type CheckoutStage = 'reserve' | 'checkout' | 'payment';

/**
 * The steps of one checkout. With reservations (what the sheet does):
 * `closed` → `open` → `reserving` → `reserved` (units held until `order.expiresAt`) → `placing` (customer sent)
 * → `paying` (payment handoff) → `paid`, or `placed` (the merchant confirms later). `expired` when the hold ran
 * out (`reserve()` again), `failed` with the stage and the error (`retry()`), `closed` from any step (the hold is
 * cancelled unless the order was placed or paid). The one-step `place()` goes `open` → `placing` → `placed`.
 */
export type CheckoutState =
  | { step: 'closed' }
  | {
      /** The sheet is open; nothing is held yet. */
      step: 'open';
      productId: string;
    }
  | {
      /** Asking the server to hold the units (a flash sale may rank the attempt for a few seconds). */
      step: 'reserving';
      productId: string;
      variantId: string;
      quantity: number;
    }
  | {
      /** The units are held for this viewer until `order.expiresAt` (server clock). */
      step: 'reserved';
      productId: string;
      order: Order;
    }
  | {
      /** The order (with the customer) is on its way to the server. */
      step: 'placing';
      productId: string;
      /** The held order being confirmed; absent in the one-step `place()`. */
      order?: Order;
    }
  | {
      /** The payment handoff runs (a window, a wallet sheet, the merchant's function). */
      step: 'paying';
      productId: string;
      order: Order;
      /** Which adapter. */
      handoff: PaymentHandoff['kind'];
    }
  | {
      /** The server holds the order awaiting payment, which the merchant confirms (its backend, later). */
      step: 'placed';
      productId: string;
      order: Order;
      /** The merchant's reference, when the handoff gave one. */
      reference?: string;
    }
  | {
      /** Paid. */
      step: 'paid';
      productId: string;
      order: Order;
      reference?: string;
    }
  | {
      /** The hold ran out before the order was confirmed; its units went back to stock. `reserve()` again. */
      step: 'expired';
      productId: string;
      order: Order;
    }
  | {
      /**
       * Something was refused or got lost. `error.code`: `sold_out`, `insufficient_stock`, `limit_reached`,
       * `sale_not_started`, `sale_ended`, `expired`, `coupon_invalid` (the coupon chosen cannot apply; the hold
       * stays: confirm again without it or with another), `network`, `timeout`, `invalid`… (a {@link HandoffError}
       * or a cart refusal carries more). `retry()` repeats the failed stage with the same idempotency key.
       */
      step: 'failed';
      productId: string;
      stage: CheckoutStage;
      error: LiveShopError;
      /** The order held when it failed (absent when the hold itself failed). */
      order?: Order;
    };

/** Places an order in one step; the client's `placeOrder`. */
export type PlaceOrder = (input: OrderInput) => Promise<Order>;

/** What the checkout needs from its client. */
export interface CheckoutDeps {
  /** One-step order (`order.place`). */
  placeOrder: PlaceOrder;
  /** `order.reserve`. */
  reserve?: (request: ReserveRequest) => Promise<Order>;
  /** `order.checkout`, with the coupon to apply (null: none). */
  confirm?: (orderId: string, customer: Customer, couponId?: string | null) => Promise<Order>;
  /** `order.cancel`. */
  cancel?: (orderId: string) => Promise<Order>;
  /** The server clock (ms), for the hold's expiry. Default `Date.now`. */
  now?: () => number;
  /** The payment adapter chosen for the room, if any. */
  handoff?: () => PaymentHandoff | null;
  /** The merchant's cart, if any. */
  cart?: () => CartBridge | null;
  /** A product of the room by id. */
  productOf?: (productId: string) => Product | null;
  /** The room id (attribution). */
  roomId?: string;
  /** Server-side changes of one order, when the client sees them. */
  orderUpdates?: (orderId: string, listener: (order: Order) => void) => () => void;
  /** Reports errors nobody awaits (a cancel that failed). */
  onError?: (error: LiveShopError) => void;
}

/** Options of {@link Checkout.open}. */
export interface CheckoutOpenOptions {
  /** Reserve this variant at once (a flash sale's buy button). */
  variantId?: string;
  /** Quantity to reserve with `variantId`. Default 1. */
  quantity?: number;
}

/** Options of {@link Checkout.confirm}. */
export interface ConfirmOptions {
  /**
   * The id of the coupon the buyer chose (null: none). Sent with the order (`order.checkout`): the server checks
   * it, holds it for the order and answers the discounted total (see {@link Checkout.$totals}); then handed to
   * the payment adapter with the order.
   */
  coupon?: string | null;
  /** The variant and quantity on screen: reserved first when they differ from what is held. */
  line?: { variantId: string; quantity: number };
}

/** An order's price as the server decided it, in minor units of `currency`. */
export interface OrderTotals {
  /** Units × unit price, before the coupon. */
  subtotal: number;
  /** What the coupon took off (0 without one). */
  discount: number;
  /** What the buyer pays: `subtotal` − `discount`. */
  total: number;
  currency: string;
  /** The coupon the server applied, or null. */
  couponId: string | null;
}

/** The server's figures of `order` (a server from before coupons on orders sends only `total`: no discount then). */
export function orderTotals(order: Order): OrderTotals {
  const discount = order.discount ?? 0;
  return { subtotal: order.subtotal ?? order.total + discount, discount, total: order.total, currency: order.currency, couponId: order.couponId ?? null };
}

/**
 * What one {@link Checkout} holds between its steps, shared with its lazily loaded flows (checkout-flow.ts), which
 * read and change it as the class's own private fields once did. Internal: not exported by the package.
 * @internal
 */
export interface CheckoutRun {
  readonly deps: CheckoutDeps;
  readonly state: WritableAtom<CheckoutState>;
  /** Key of the one-step `place()` of this sheet. */
  key: string | null;
  inflight: Promise<Order | null> | null;
  /** The reservation being made or held: its request (key included) and its order once held. */
  hold: { request: ReserveRequest; productId: string; order: Order | null; saleId?: string } | null;
  customer: Customer | null;
  coupon: string | null;
  payment: AbortController | null;
  expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by open/close/reserve, so late answers of an older attempt change nothing. */
  generation: number;
  /** Whether the merchant's cart already has this checkout's line (the next change is an update, not an add). */
  previousLine: boolean;
}

/** Stops the timer that moves a hold that ran out to `expired`. @internal */
export function clearExpiry(run: CheckoutRun): void {
  clearTimeout(run.expiryTimer);
  run.expiryTimer = undefined;
}

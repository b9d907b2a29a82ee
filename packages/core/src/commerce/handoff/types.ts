import type { Customer, Order, Product, Variant } from '@live-shop/protocol';
import { LiveShopError, type LiveShopErrorCode } from '../../errors.js';

/**
 * Why a payment handoff failed (beyond the protocol codes):
 * - `popup_blocked`: the browser refused to open the merchant's checkout window;
 * - `unsupported`: this browser cannot use the adapter (no Payment Request API, no wallet) and no fallback was given;
 * - `payment_failed`: the merchant (or the wallet) said the payment failed;
 * - `merchant_error`: the merchant's own function threw or answered something unreadable;
 * - `timeout`: no result within the adapter's bound;
 * - `invalid`: the adapter was configured wrongly (bad URL, bad origin);
 * - `cancelled`: the buyer gave up the payment (closed the window or the wallet sheet); the order is still held.
 */
export type HandoffErrorReason = 'popup_blocked' | 'unsupported' | 'payment_failed' | 'merchant_error' | 'timeout' | 'invalid' | 'cancelled';

/** A payment handoff that failed: a {@link LiveShopError} with a finer {@link HandoffErrorReason}. */
export class HandoffError extends LiveShopError {
  /** What went wrong in the handoff. */
  readonly reason: HandoffErrorReason;

  constructor(reason: HandoffErrorReason, message: string, options?: { cause?: unknown }) {
    super(codeOf(reason), message, options);
    this.name = 'HandoffError';
    this.reason = reason;
  }
}

function codeOf(reason: HandoffErrorReason): LiveShopErrorCode {
  if (reason === 'timeout') return 'timeout';
  if (reason === 'invalid') return 'invalid';
  return 'internal';
}

/** Everything an adapter gets to hand one order to the merchant. Card data is never part of it. */
export interface HandoffRequest {
  /** The order as the server confirmed it (`pending_payment`): id, amount, currency. */
  order: Order;
  /** The product bought, when the client knows it. */
  product: Product | null;
  /** The variant bought, when the client knows it. */
  variant: Variant | null;
  /**
   * Who receives the parcel, as the buyer typed it on this page, for the merchant's own checkout function
   * (adapter (a) only; the redirect and permalink adapters never put it in a URL).
   */
  customer: Customer | null;
  /** Coupon code the buyer chose, if any. */
  coupon: string | null;
  /** The room the order was placed in (attribution). */
  roomId: string;
  /** Aborted when the buyer gives up (closes the sheet): the adapter stops and answers `cancelled`. */
  signal: AbortSignal;
  /**
   * Subscribes to server-side changes of this order (e.g. `paid` reported by the merchant's backend), when
   * the client can see them; returns the unsubscribe function.
   */
  orderUpdates?: (listener: (order: Order) => void) => () => void;
}

/**
 * What the merchant said: `paid` (done), `pending` (the merchant will confirm later, through its backend),
 * `cancelled` (the buyer gave up; the reservation can be released).
 */
export type HandoffStatus = 'paid' | 'pending' | 'cancelled';

/** The outcome of a handoff. */
export interface HandoffResult {
  status: HandoffStatus;
  /** The merchant's own reference (payment id, cart token), when it gave one. */
  reference?: string;
}

/**
 * One way to pay: the order goes to the merchant, the result comes back. Card data never passes through
 * live-shop: it stays between the buyer, the merchant and its payment provider.
 */
export interface PaymentHandoff {
  /** Which adapter this is (for analytics and the UI). */
  readonly kind: 'callback' | 'redirect' | 'payment-request' | 'cart-permalink' | (string & {});
  /**
   * Called synchronously inside the buyer's tap, before anything is awaited: what needs a user gesture
   * (opening a window) happens here. Optional.
   */
  prepare?(): void;
  /** Hands the order over; resolves with the merchant's answer, rejects with a {@link HandoffError}. */
  pay(request: HandoffRequest): Promise<HandoffResult>;
  /** Releases what {@link PaymentHandoff.prepare} took when `pay` will not run (the order failed). */
  abandon?(): void;
  /** Whether the adapter can be used in this browser (checked once, before the buyer pays). Default: yes. */
  available?(): Promise<boolean>;
}

/** Resolves when `signal` aborts (never rejects); resolves at once when it already did. */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

import { atom, type ReadableAtom } from 'nanostores';
import type { Order } from '@live-shop/protocol';
import { LiveShopError, toLiveShopError } from '../errors.js';
import { idempotencyKey } from '../signaling/ids.js';
import type { OrderInput } from './order-input.js';

/**
 * The steps of one checkout: `closed` → `open` (a product chosen) → `placing` → `placed` or `failed`;
 * from `failed`, `place()` again retries with the same idempotency key; `close()` from any step.
 */
export type CheckoutState =
  | {
      /** No checkout. */
      step: 'closed';
    }
  | {
      /** The buyer is choosing variant, quantity and address. */
      step: 'open';
      /** The product being bought. */
      productId: string;
    }
  | {
      /** The order is on its way to the server. */
      step: 'placing';
      /** The product being bought. */
      productId: string;
    }
  | {
      /** The server confirmed the order. */
      step: 'placed';
      /** The product bought. */
      productId: string;
      /** The order as the server confirmed it. */
      order: Order;
    }
  | {
      /** The order was refused or got lost; `place()` again retries with the same key. */
      step: 'failed';
      /** The product being bought. */
      productId: string;
      /** Why it failed (`invalid`, `sold_out`, `insufficient_stock`, `network`, `timeout`, …). */
      error: LiveShopError;
    };

/** Places an order; the client's `placeOrder`. */
export type PlaceOrder = (input: OrderInput) => Promise<Order>;

/**
 * The checkout state machine behind a buy sheet. The UI asks (`open`, `place`, `close`), the server
 * confirms, and `$state` shows only what was confirmed.
 *
 * Each `open()` draws one idempotency key and every `place()` until the next `open()` reuses it, so a
 * retry after a dropped connection or a double tap can never create a second order.
 */
export class Checkout {
  readonly #state = atom<CheckoutState>({ step: 'closed' });
  readonly #placeOrder: PlaceOrder;
  #key: string | null = null;
  #inflight: Promise<Order | null> | null = null;

  /** @param placeOrder - sends the order; the client passes its own `placeOrder`. */
  constructor(placeOrder: PlaceOrder) {
    this.#placeOrder = placeOrder;
  }

  /** The current step. */
  get $state(): ReadableAtom<CheckoutState> {
    return this.#state;
  }

  /** Starts a checkout for `productId` with a fresh idempotency key (replacing any previous checkout). */
  open(productId: string): void {
    this.#key = idempotencyKey();
    this.#inflight = null;
    this.#state.set({ step: 'open', productId });
  }

  /**
   * Places the order: `placing` → `placed` (resolves with the order) or `failed` (resolves with `null`; the
   * error is in `$state`). From `failed` it retries with the same key. While `placing`, returns the
   * request already under way; once `placed`, returns that order without sending anything.
   * Rejects with `LiveShopError('invalid')` only when no checkout is open.
   */
  place(input: OrderInput): Promise<Order | null> {
    const state = this.#state.get();
    if (state.step === 'closed' || this.#key === null) {
      return Promise.reject(new LiveShopError('invalid', 'checkout: call open(productId) before place()'));
    }
    if (state.step === 'placing' && this.#inflight) return this.#inflight;
    if (state.step === 'placed') return Promise.resolve(state.order);
    const { productId } = state;
    const key = this.#key;
    this.#state.set({ step: 'placing', productId });
    const attempt = this.#send(productId, key, input);
    this.#inflight = attempt;
    return attempt;
  }

  /** Ends the checkout; a later `open()` starts a new one with a new key. */
  close(): void {
    this.#key = null;
    this.#inflight = null;
    this.#state.set({ step: 'closed' });
  }

  async #send(productId: string, key: string, input: OrderInput): Promise<Order | null> {
    let outcome: CheckoutState;
    let order: Order | null = null;
    try {
      order = await this.#placeOrder({ ...input, idempotencyKey: key });
      outcome = { step: 'placed', productId, order };
    } catch (error) {
      outcome = { step: 'failed', productId, error: toLiveShopError(error, 'internal', 'placing the order failed') };
    }
    // A close() or open() while the request was under way started something else: leave it alone.
    if (this.#key !== key || this.#inflight === null) return order;
    this.#inflight = null;
    this.#state.set(outcome);
    return outcome.step === 'placed' ? order : null;
  }
}

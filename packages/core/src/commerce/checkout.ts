import { atom, computed, type ReadableAtom } from 'nanostores';
import type { Customer, Order, ReserveRequest } from '@live-shop/protocol';
import { LiveShopError, toLiveShopError } from '../errors.js';
import { loadDeferred, loadedDeferred, type Deferred } from '../signaling/deferred-loader.js';
import { idempotencyKey } from '../signaling/ids.js';
import {
  clearExpiry,
  orderTotals,
  type CheckoutDeps,
  type CheckoutOpenOptions,
  type CheckoutRun,
  type CheckoutStage,
  type CheckoutState,
  type ConfirmOptions,
  type OrderTotals,
  type PlaceOrder,
} from './checkout-state.js';
import type { PaymentHandoff } from './handoff/types.js';
import type { OrderInput } from './order-input.js';

export { orderTotals };
export type { CheckoutDeps, CheckoutOpenOptions, CheckoutStage, CheckoutState, ConfirmOptions, OrderTotals, PlaceOrder } from './checkout-state.js';

const HOLDING: ReadonlySet<CheckoutState['step']> = new Set(['reserved', 'placing', 'paying', 'failed']);

/**
 * The checkout state machine behind a buy sheet. The UI asks (`open`, `reserve`, `confirm`, `close`), the
 * server confirms, and `$state` shows only what was confirmed.
 *
 * Idempotency: each reservation draws one key and every retry of it reuses the key, so a retry after a
 * dropped connection or a double tap can never hold twice; `open()` (and the one-step `place()`) keep the
 * old rule: one key per opened sheet.
 */
export class Checkout {
  readonly #state = atom<CheckoutState>({ step: 'closed' });
  readonly #deps: CheckoutDeps;
  /** What the steps share with the flows of checkout-flow.ts (loaded with the client's deferred module). */
  readonly #run: CheckoutRun;

  /** @param deps - what the checkout needs from its client (a function: the one-step `placeOrder` only). */
  constructor(deps: CheckoutDeps | PlaceOrder) {
    this.#deps = typeof deps === 'function' ? { placeOrder: deps } : deps;
    this.#run = {
      deps: this.#deps,
      state: this.#state,
      key: null,
      inflight: null,
      hold: null,
      customer: null,
      coupon: null,
      payment: null,
      expiryTimer: undefined,
      generation: 0,
      previousLine: false,
    };
  }

  readonly #totals = computed(this.#state, (state): OrderTotals | null => ('order' in state && state.order ? orderTotals(state.order) : null));

  /** The current step. */
  get $state(): ReadableAtom<CheckoutState> {
    return this.#state;
  }

  /**
   * The server's price of the order held or confirmed (subtotal, the coupon's discount, total), or null while
   * nothing is held. Before `confirm()` it is the held order's (no coupon yet); after, the confirmed order's, with
   * the coupon the server applied — the figure the buyer pays. A UI shows its own estimate only until then.
   */
  get $totals(): ReadableAtom<OrderTotals | null> {
    return this.#totals;
  }

  /**
   * Opens a checkout for `productId` (replacing any previous one, whose hold is cancelled). With
   * `options.variantId` it reserves at once.
   */
  open(productId: string, options: CheckoutOpenOptions = {}): void {
    this.#release();
    this.#run.key = idempotencyKey();
    this.#run.inflight = null;
    this.#set({ step: 'open', productId });
    if (options.variantId) void this.reserve({ variantId: options.variantId, quantity: options.quantity ?? 1 });
  }

  /**
   * Holds `quantity` of `variantId` for this viewer (`order.reserve`): `reserving` → `reserved`, or `failed`
   * (`sold_out`, `limit_reached`, …). When the same variant and quantity are already held (or being
   * reserved), returns that; a different one cancels the old hold first. Resolves with the order or null.
   */
  reserve(line: { variantId: string; quantity: number }): Promise<Order | null> {
    const run = this.#run;
    const state = this.#state.get();
    if (state.step === 'closed') return Promise.reject(new LiveShopError('invalid', 'checkout: call open(productId) before reserve()'));
    if (state.step === 'paying' || state.step === 'placed' || state.step === 'paid') return Promise.resolve(null);
    const { productId } = state;
    const held = run.hold;
    if (held && held.request.variantId === line.variantId && held.request.quantity === line.quantity) {
      if (state.step === 'reserving' && run.inflight) return run.inflight;
      if (state.step === 'reserved') return Promise.resolve(state.order);
      // Confirming or paying failed: the units are still held.
      if (state.step === 'failed' && state.order) return Promise.resolve(state.order);
    }
    const reuseKey = state.step === 'failed' && state.stage === 'reserve' && held?.request.variantId === line.variantId && held.request.quantity === line.quantity;
    const previous = held?.order ?? null;
    if (previous && !reuseKey) this.#cancelQuietly(previous.id);
    const request: ReserveRequest = {
      variantId: line.variantId,
      quantity: line.quantity,
      idempotencyKey: reuseKey && held ? held.request.idempotencyKey : idempotencyKey(),
    };
    run.hold = { request, productId, order: null };
    return this.#reserve(productId, request);
  }

  #reserve(productId: string, request: ReserveRequest): Promise<Order | null> {
    const run = this.#run;
    const generation = ++run.generation;
    clearExpiry(run);
    this.#set({ step: 'reserving', productId, variantId: request.variantId, quantity: request.quantity });
    const attempt = this.#flow(generation, productId, 'reserve', (flow) => flow.reserveFlow(run, productId, request, generation));
    run.inflight = attempt;
    return attempt;
  }

  /**
   * Confirms the held order with the customer (`order.checkout`), then hands it to the room's payment adapter:
   * `placing` → `paying` → `paid` | `placed` | `failed`. Call it synchronously from the buyer's tap: the adapter
   * opens its window before anything is awaited. With `options.line` differing from the hold (the buyer just
   * changed it) it reserves that first. The customer is checked before anything is sent (`invalid`, naming the
   * field; the hold stays). Resolves with the order, or null when it failed (the reason is in `$state`).
   */
  confirm(customer: Customer, options: ConfirmOptions = {}): Promise<Order | null> {
    const run = this.#run;
    const state = this.#state.get();
    if (state.step === 'closed') return Promise.reject(new LiveShopError('invalid', 'checkout: call open(productId) before confirm()'));
    if (state.step === 'placing' || state.step === 'paying') return run.inflight ?? Promise.resolve(null);
    if (state.step === 'placed' || state.step === 'paid') return Promise.resolve(state.order);
    run.customer = customer;
    run.coupon = options.coupon ?? null;
    const handoff = this.#deps.handoff?.() ?? null;
    // Inside the tap: what needs the gesture (a window) happens before the first await.
    handoff?.prepare?.();
    // What the flow needs of the tap's moment (the step and the request under way), before `inflight` becomes this attempt.
    const tap = { state, inflight: run.inflight };
    const reserve = (line: { variantId: string; quantity: number }) => this.reserve(line);
    const attempt = this.#flow(run.generation, state.productId, 'checkout', (flow) => flow.confirmFlow(run, tap, customer, options, handoff, reserve), 'order' in state ? state.order : undefined, handoff);
    run.inflight = attempt;
    return attempt;
  }

  /**
   * Repeats what failed, with the same idempotency key: the reservation, the confirmation (with the same
   * customer) or the payment. Call it from the buyer's tap (a payment retry may open a window).
   */
  retry(): Promise<Order | null> {
    const run = this.#run;
    const state = this.#state.get();
    if (state.step === 'expired' && run.hold) return this.reserve({ variantId: run.hold.request.variantId, quantity: run.hold.request.quantity });
    if (state.step !== 'failed') return Promise.resolve(null);
    if (state.stage === 'reserve' || !state.order) {
      const held = run.hold;
      if (!held) return Promise.resolve(null);
      return this.#reserve(state.productId, held.request);
    }
    if (!run.customer) return Promise.resolve(null);
    return this.confirm(run.customer, { coupon: run.coupon });
  }

  /**
   * Reserves again after the hold expired (a new key: the old hold is gone). Resolves with the new order or null.
   */
  reReserve(): Promise<Order | null> {
    const run = this.#run;
    const held = run.hold;
    const state = this.#state.get();
    if (!held || state.step !== 'expired') return Promise.resolve(null);
    run.hold = { ...held, request: { ...held.request, idempotencyKey: idempotencyKey() }, order: null };
    return this.#reserve(state.productId, run.hold.request);
  }

  /**
   * Places the order in one step (`order.place`: hold and confirm together): `placing` → `placed` (resolves
   * with the order) or `failed` (resolves with `null`; the error is in `$state`). From `failed` it retries
   * with the same key. While `placing`, returns the request already under way; once `placed`, returns that
   * order without sending anything. Rejects with `LiveShopError('invalid')` only when no checkout is open.
   */
  place(input: OrderInput): Promise<Order | null> {
    const run = this.#run;
    const state = this.#state.get();
    if (state.step === 'closed' || run.key === null) {
      return Promise.reject(new LiveShopError('invalid', 'checkout: call open(productId) before place()'));
    }
    if (state.step === 'placing' && run.inflight) return run.inflight;
    if (state.step === 'placed' || state.step === 'paid') return Promise.resolve(state.order);
    const { productId } = state;
    const key = run.key;
    const generation = ++run.generation;
    this.#set({ step: 'placing', productId });
    const attempt = this.#flow(generation, productId, 'checkout', (flow) => flow.placeFlow(run, productId, key, input, generation));
    run.inflight = attempt;
    return attempt;
  }

  /**
   * Runs a step of the flows (checkout-flow.ts): in this task when the deferred module is loaded (as before the split),
   * else once its import is done.
   * When the import fails (and nothing newer started), the checkout shows `failed` at `stage` with the `network` error
   * (`retry()` tries again), and a prepared payment handoff is abandoned.
   */
  #flow(
    generation: number,
    productId: string,
    stage: CheckoutStage,
    step: (flow: Deferred) => Promise<Order | null>,
    order?: Order,
    handoff?: PaymentHandoff | null,
  ): Promise<Order | null> {
    const loaded = loadedDeferred();
    if (loaded) return step(loaded);
    return loadDeferred().then(step, (error: LiveShopError) => {
      handoff?.abandon?.();
      if (generation === this.#run.generation) {
        this.#run.inflight = null;
        this.#set({ step: 'failed', productId, stage, error, ...(order ? { order } : {}) });
      }
      return null;
    });
  }

  /**
   * Ends the checkout. A hold that was not confirmed (reserved, failed, or a payment still running) is
   * cancelled (`order.cancel`), so its units go back to stock at once; a placed or paid order stays.
   */
  close(): void {
    this.#release();
    this.#run.key = null;
    this.#run.inflight = null;
    this.#set({ step: 'closed' });
  }

  /** Stops timers and the payment, and cancels an unconfirmed hold. */
  #release(): void {
    const run = this.#run;
    run.generation += 1;
    clearExpiry(run);
    const state = this.#state.get();
    run.payment?.abort();
    run.payment = null;
    const order = 'order' in state ? state.order : (run.hold?.order ?? undefined);
    if (order && (HOLDING.has(state.step) || state.step === 'reserving')) this.#cancelQuietly(order.id);
    run.hold = null;
    run.previousLine = false;
    run.customer = null;
    run.coupon = null;
  }

  #cancelQuietly(orderId: string): void {
    const cancel = this.#deps.cancel;
    if (!cancel) return;
    cancel(orderId).catch((error: unknown) => {
      // Expired or already cancelled: the units are back anyway.
      if (error instanceof LiveShopError && (error.code === 'expired' || error.code === 'closed' || error.code === 'not_found')) return;
      this.#deps.onError?.(toLiveShopError(error, 'internal', 'cancelling the reservation failed'));
    });
  }

  #set(state: CheckoutState): void {
    this.#state.set(state);
  }
}

import { atom, computed, type ReadableAtom } from 'nanostores';
import { OrderCheckoutSchema, validate, type Customer, type Order, type Product, type ReserveRequest } from '@live-shop/protocol';
import { LiveShopError, toLiveShopError } from '../errors.js';
import { idempotencyKey } from '../signaling/ids.js';
import { askCart, type CartLine } from './cart-bridge.js';
import { orderTotals, type CheckoutDeps, type CheckoutOpenOptions, type CheckoutState, type ConfirmOptions, type OrderTotals, type PlaceOrder } from './checkout-state.js';
import { HandoffError, type HandoffResult, type PaymentHandoff } from './handoff/types.js';
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
  /** Key of the one-step `place()` of this sheet. */
  #key: string | null = null;
  #inflight: Promise<Order | null> | null = null;
  /** The reservation being made or held: its request (key included) and its order once held. */
  #hold: { request: ReserveRequest; productId: string; order: Order | null; saleId?: string } | null = null;
  #customer: Customer | null = null;
  #coupon: string | null = null;
  #payment: AbortController | null = null;
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by open/close/reserve, so late answers of an older attempt change nothing. */
  #generation = 0;
  /** Whether the merchant's cart already has this checkout's line (the next change is an update, not an add). */
  #previousLine = false;

  /** @param deps - what the checkout needs from its client (a function: the one-step `placeOrder` only). */
  constructor(deps: CheckoutDeps | PlaceOrder) {
    this.#deps = typeof deps === 'function' ? { placeOrder: deps } : deps;
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
    this.#key = idempotencyKey();
    this.#inflight = null;
    this.#set({ step: 'open', productId });
    if (options.variantId) void this.reserve({ variantId: options.variantId, quantity: options.quantity ?? 1 });
  }

  /**
   * Holds `quantity` of `variantId` for this viewer (`order.reserve`): `reserving` → `reserved`, or `failed`
   * (`sold_out`, `limit_reached`, …). When the same variant and quantity are already held (or being
   * reserved), returns that; a different one cancels the old hold first. Resolves with the order or null.
   */
  reserve(line: { variantId: string; quantity: number }): Promise<Order | null> {
    const state = this.#state.get();
    if (state.step === 'closed') return Promise.reject(new LiveShopError('invalid', 'checkout: call open(productId) before reserve()'));
    if (state.step === 'paying' || state.step === 'placed' || state.step === 'paid') return Promise.resolve(null);
    const { productId } = state;
    const held = this.#hold;
    if (held && held.request.variantId === line.variantId && held.request.quantity === line.quantity) {
      if (state.step === 'reserving' && this.#inflight) return this.#inflight;
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
    this.#hold = { request, productId, order: null };
    return this.#reserve(productId, request);
  }

  #reserve(productId: string, request: ReserveRequest): Promise<Order | null> {
    const generation = ++this.#generation;
    this.#clearExpiry();
    this.#set({ step: 'reserving', productId, variantId: request.variantId, quantity: request.quantity });
    const attempt = (async (): Promise<Order | null> => {
      const reserve = this.#deps.reserve;
      try {
        if (!reserve) throw new LiveShopError('invalid', 'this client cannot reserve');
        const product = this.#deps.productOf?.(productId) ?? null;
        const cart = this.#deps.cart?.() ?? null;
        const line = lineOf(productId, request, product, null);
        // The merchant's cart first: a refusal there (its own stock, its limits) holds nothing here.
        if (cart) await askCart(this.#previousLine ? cart.updateCart?.bind(cart) : cart.addToCart?.bind(cart), line);
        const order = await reserve(request);
        if (generation !== this.#generation) return order;
        this.#previousLine = true;
        if (this.#hold) this.#hold.order = order;
        this.#set({ step: 'reserved', productId, order });
        this.#watchExpiry();
        return order;
      } catch (error) {
        if (generation !== this.#generation) return null;
        this.#set({ step: 'failed', productId, stage: 'reserve', error: toLiveShopError(error, 'internal', 'reserving failed') });
        return null;
      } finally {
        if (generation === this.#generation) this.#inflight = null;
      }
    })();
    this.#inflight = attempt;
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
    const state = this.#state.get();
    if (state.step === 'closed') return Promise.reject(new LiveShopError('invalid', 'checkout: call open(productId) before confirm()'));
    if (state.step === 'placing' || state.step === 'paying') return this.#inflight ?? Promise.resolve(null);
    if (state.step === 'placed' || state.step === 'paid') return Promise.resolve(state.order);
    this.#customer = customer;
    this.#coupon = options.coupon ?? null;
    const handoff = this.#deps.handoff?.() ?? null;
    // Inside the tap: what needs the gesture (a window) happens before the first await.
    handoff?.prepare?.();
    const attempt = this.#ensureHeld(options.line).then((held) => {
      const now = this.#state.get();
      if (!held || now.step === 'closed') {
        handoff?.abandon?.();
        if (!held && now.step === 'open' && this.#hold === null && !options.line) {
          return Promise.reject(new LiveShopError('invalid', 'checkout: nothing is reserved; reserve() first or use place()'));
        }
        return null;
      }
      // The customer is checked here, before anything is sent: a bad field fails with its name, the hold stays.
      const checked = validate(OrderCheckoutSchema, { t: 'order.checkout', id: 'check', orderId: held.id, customer });
      if (!checked.ok) {
        handoff?.abandon?.();
        this.#set({ step: 'failed', productId: now.productId, stage: 'checkout', error: new LiveShopError('invalid', checked.error.message), order: held });
        return null;
      }
      const alreadyConfirmed = now.step === 'failed' && now.stage === 'payment';
      const generation = ++this.#generation;
      return this.#confirm(now.productId, held, checked.value.customer, handoff, alreadyConfirmed, generation);
    });
    this.#inflight = attempt;
    return attempt;
  }

  /** The held order, reserving `line` first when it is not what is held (the buyer changed it just before paying). */
  async #ensureHeld(line: { variantId: string; quantity: number } | undefined): Promise<Order | null> {
    const state = this.#state.get();
    const held = state.step === 'reserved' || state.step === 'failed' ? (state.order ?? null) : null;
    const matches = (order: Order) => !line || (order.variantId === line.variantId && order.quantity === line.quantity);
    if (held && matches(held)) return held;
    if (state.step === 'reserving' && this.#inflight) {
      const order = await this.#inflight;
      if (order && matches(order)) return order;
    }
    const wanted = line ?? (this.#hold ? { variantId: this.#hold.request.variantId, quantity: this.#hold.request.quantity } : null);
    if (!wanted) return null;
    if (this.#state.get().step === 'expired') return null;
    return this.reserve(wanted);
  }

  async #confirm(
    productId: string,
    held: Order,
    customer: Customer,
    handoff: PaymentHandoff | null,
    alreadyConfirmed: boolean,
    generation: number,
  ): Promise<Order | null> {
    const current = () => generation === this.#generation;
    let order = held;
    try {
      if (!alreadyConfirmed) {
        this.#set({ step: 'placing', productId, order: held });
        const confirm = this.#deps.confirm;
        if (!confirm) throw new LiveShopError('invalid', 'this client cannot confirm orders');
        const cart = this.#deps.cart?.() ?? null;
        if (cart) await askCart(cart.checkout?.bind(cart), lineOf(productId, this.#hold?.request ?? held, this.#deps.productOf?.(productId) ?? null, held));
        order = await confirm(held.id, customer, this.#coupon);
        if (!current()) return order;
        if (this.#hold) this.#hold.order = order;
      }
    } catch (error) {
      handoff?.abandon?.();
      if (current()) {
        this.#inflight = null;
        this.#set({ step: 'failed', productId, stage: 'checkout', error: toLiveShopError(error, 'internal', 'confirming the order failed'), order: held });
      }
      return null;
    }
    if (!handoff) {
      this.#inflight = null;
      this.#clearExpiry();
      this.#set({ step: 'placed', productId, order });
      return order;
    }
    this.#set({ step: 'paying', productId, order, handoff: handoff.kind });
    const controller = new AbortController();
    this.#payment = controller;
    let result: HandoffResult;
    try {
      result = await handoff.pay({
        order,
        product: this.#deps.productOf?.(productId) ?? null,
        variant: this.#deps.productOf?.(productId)?.variants.find((variant) => variant.id === order.variantId) ?? null,
        customer,
        coupon: this.#coupon,
        roomId: this.#deps.roomId ?? order.roomId,
        signal: controller.signal,
        ...(this.#deps.orderUpdates ? { orderUpdates: (listener: (next: Order) => void) => this.#deps.orderUpdates!(order.id, listener) } : {}),
      });
    } catch (error) {
      if (current()) {
        this.#inflight = null;
        this.#set({ step: 'failed', productId, stage: 'payment', error: toLiveShopError(error, 'internal', 'the payment failed'), order });
      }
      return null;
    } finally {
      if (this.#payment === controller) this.#payment = null;
    }
    if (!current()) return order;
    this.#inflight = null;
    if (result.status === 'cancelled') {
      this.#set({ step: 'failed', productId, stage: 'payment', error: new HandoffError('cancelled', 'the payment was cancelled'), order });
      return null;
    }
    this.#clearExpiry();
    const reference = result.reference === undefined ? {} : { reference: result.reference };
    this.#set({ step: result.status === 'paid' ? 'paid' : 'placed', productId, order, ...reference });
    return order;
  }

  /**
   * Repeats what failed, with the same idempotency key: the reservation, the confirmation (with the same
   * customer) or the payment. Call it from the buyer's tap (a payment retry may open a window).
   */
  retry(): Promise<Order | null> {
    const state = this.#state.get();
    if (state.step === 'expired' && this.#hold) return this.reserve({ variantId: this.#hold.request.variantId, quantity: this.#hold.request.quantity });
    if (state.step !== 'failed') return Promise.resolve(null);
    if (state.stage === 'reserve' || !state.order) {
      const held = this.#hold;
      if (!held) return Promise.resolve(null);
      return this.#reserve(state.productId, held.request);
    }
    if (!this.#customer) return Promise.resolve(null);
    return this.confirm(this.#customer, { coupon: this.#coupon });
  }

  /**
   * Reserves again after the hold expired (a new key: the old hold is gone). Resolves with the new order or null.
   */
  reReserve(): Promise<Order | null> {
    const held = this.#hold;
    const state = this.#state.get();
    if (!held || state.step !== 'expired') return Promise.resolve(null);
    this.#hold = { ...held, request: { ...held.request, idempotencyKey: idempotencyKey() }, order: null };
    return this.#reserve(state.productId, this.#hold.request);
  }

  /**
   * Places the order in one step (`order.place`: hold and confirm together): `placing` → `placed` (resolves
   * with the order) or `failed` (resolves with `null`; the error is in `$state`). From `failed` it retries
   * with the same key. While `placing`, returns the request already under way; once `placed`, returns that
   * order without sending anything. Rejects with `LiveShopError('invalid')` only when no checkout is open.
   */
  place(input: OrderInput): Promise<Order | null> {
    const state = this.#state.get();
    if (state.step === 'closed' || this.#key === null) {
      return Promise.reject(new LiveShopError('invalid', 'checkout: call open(productId) before place()'));
    }
    if (state.step === 'placing' && this.#inflight) return this.#inflight;
    if (state.step === 'placed' || state.step === 'paid') return Promise.resolve(state.order);
    const { productId } = state;
    const key = this.#key;
    const generation = ++this.#generation;
    this.#set({ step: 'placing', productId });
    const attempt = this.#placeOnce(productId, key, input, generation);
    this.#inflight = attempt;
    return attempt;
  }

  async #placeOnce(productId: string, key: string, input: OrderInput, generation: number): Promise<Order | null> {
    let outcome: CheckoutState;
    let order: Order | null = null;
    try {
      order = await this.#deps.placeOrder({ ...input, idempotencyKey: key });
      outcome = { step: 'placed', productId, order };
    } catch (error) {
      outcome = { step: 'failed', productId, stage: 'checkout', error: toLiveShopError(error, 'internal', 'placing the order failed') };
    }
    // A close() or open() while the request was under way started something else: leave it alone.
    if (generation !== this.#generation || this.#key !== key) return order;
    this.#inflight = null;
    this.#set(outcome);
    return outcome.step === 'placed' ? order : null;
  }

  /**
   * Ends the checkout. A hold that was not confirmed (reserved, failed, or a payment still running) is
   * cancelled (`order.cancel`), so its units go back to stock at once; a placed or paid order stays.
   */
  close(): void {
    this.#release();
    this.#key = null;
    this.#inflight = null;
    this.#set({ step: 'closed' });
  }

  /** Stops timers and the payment, and cancels an unconfirmed hold. */
  #release(): void {
    this.#generation += 1;
    this.#clearExpiry();
    const state = this.#state.get();
    this.#payment?.abort();
    this.#payment = null;
    const order = 'order' in state ? state.order : (this.#hold?.order ?? undefined);
    if (order && (HOLDING.has(state.step) || state.step === 'reserving')) this.#cancelQuietly(order.id);
    this.#hold = null;
    this.#previousLine = false;
    this.#customer = null;
    this.#coupon = null;
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

  /**
   * Moves a hold that ran out to `expired`. It reads the order of the current state each time (the payment
   * window of a confirmed order is longer than the hold), and checks again at least once a minute, since
   * timers drift and the clock offset moves.
   */
  #watchExpiry(): void {
    if (this.#expiryTimer !== undefined) return;
    const now = this.#deps.now ?? Date.now;
    const check = (): void => {
      this.#expiryTimer = undefined;
      const state = this.#state.get();
      if (state.step === 'placing' || state.step === 'paying' || state.step === 'reserving') {
        this.#expiryTimer = setTimeout(check, 1_000);
        return;
      }
      if (state.step !== 'reserved' && state.step !== 'failed') return;
      const order = state.order;
      if (!order || order.expiresAt === null) return;
      const left = order.expiresAt - now();
      if (left > 0) {
        this.#expiryTimer = setTimeout(check, Math.min(left, 60_000));
        return;
      }
      this.#set({ step: 'expired', productId: state.productId, order });
    };
    check();
  }

  #clearExpiry(): void {
    clearTimeout(this.#expiryTimer);
    this.#expiryTimer = undefined;
  }

  #set(state: CheckoutState): void {
    this.#state.set(state);
  }
}

function lineOf(productId: string, request: { variantId: string; quantity: number }, product: Product | null, order: Order | null): CartLine {
  const variant = product?.variants.find((item) => item.id === request.variantId);
  return {
    productId,
    variantId: request.variantId,
    quantity: request.quantity,
    unitPrice: order?.unitPrice ?? variant?.price ?? 0,
    currency: order?.currency ?? product?.currency ?? 'CNY',
    ...(order?.saleId ? { saleId: order.saleId } : {}),
    ...(order ? { orderId: order.id } : {}),
  };
}

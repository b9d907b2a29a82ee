import { OrderCheckoutSchema, validate, type Customer, type Order, type Product, type ReserveRequest } from '@live-shop/protocol';
import { LiveShopError, toLiveShopError } from '../errors.js';
import type { CartLine } from './cart-bridge.js';
import { askCart } from './cart-refusal.js';
import { clearExpiry, type CheckoutRun, type CheckoutState, type ConfirmOptions } from './checkout-state.js';
import { HandoffError, type HandoffResult, type PaymentHandoff } from './handoff/types.js';
import type { OrderInput } from './order-input.js';

// The steps of a checkout that come after its first answer: the merchant's cart, the reservation's answer and
// expiry, the confirmation and the payment handoff. They load after the initial bundle, with the client's deferred
// module (signaling/deferred.ts, fetched while the socket opens), so the initial bundle carries only what a sheet
// needs to open; each function takes over where the class left it, with the state the class shares with it
// (CheckoutRun), and behaves as the class's own methods did.

/** Reserves after `reserving` is shown: the merchant's cart first, then `order.reserve`; ends `reserved` or `failed`. */
export async function reserveFlow(run: CheckoutRun, productId: string, request: ReserveRequest, generation: number): Promise<Order | null> {
  const { deps } = run;
  const reserve = deps.reserve;
  try {
    if (!reserve) throw new LiveShopError('invalid', 'this client cannot reserve');
    const product = deps.productOf?.(productId) ?? null;
    const cart = deps.cart?.() ?? null;
    const line = lineOf(productId, request, product, null);
    // The merchant's cart first: a refusal there (its own stock, its limits) holds nothing here.
    if (cart) await askCart(run.previousLine ? cart.updateCart?.bind(cart) : cart.addToCart?.bind(cart), line);
    const order = await reserve(request);
    if (generation !== run.generation) return order;
    run.previousLine = true;
    if (run.hold) run.hold.order = order;
    run.state.set({ step: 'reserved', productId, order });
    watchExpiry(run);
    return order;
  } catch (error) {
    if (generation !== run.generation) return null;
    run.state.set({ step: 'failed', productId, stage: 'reserve', error: toLiveShopError(error, 'internal', 'reserving failed') });
    return null;
  } finally {
    if (generation === run.generation) run.inflight = null;
  }
}

/** The step and the request under way when the buyer tapped (confirm() hands them over before anything waits). */
export interface ConfirmTap {
  state: CheckoutState;
  inflight: Promise<Order | null> | null;
}

/**
 * Confirms once the order is held (reserving `options.line` first when it is not what is held): checks the customer
 * before anything is sent (a bad field fails with its name, the hold stays), then `order.checkout` and the payment
 * handoff, already prepared in the tap. `reserve` is the checkout's own reserve().
 */
export function confirmFlow(
  run: CheckoutRun,
  tap: ConfirmTap,
  customer: Customer,
  options: ConfirmOptions,
  handoff: PaymentHandoff | null,
  reserve: (line: { variantId: string; quantity: number }) => Promise<Order | null>,
): Promise<Order | null> {
  return ensureHeld(run, tap, options.line, reserve).then((held) => {
    const now = run.state.get();
    if (!held || now.step === 'closed') {
      handoff?.abandon?.();
      if (!held && now.step === 'open' && run.hold === null && !options.line) {
        return Promise.reject(new LiveShopError('invalid', 'checkout: nothing is reserved; reserve() first or use place()'));
      }
      return null;
    }
    // The customer is checked here, before anything is sent: a bad field fails with its name, the hold stays.
    const checked = validate(OrderCheckoutSchema, { t: 'order.checkout', id: 'check', orderId: held.id, customer });
    if (!checked.ok) {
      handoff?.abandon?.();
      run.state.set({ step: 'failed', productId: now.productId, stage: 'checkout', error: new LiveShopError('invalid', checked.error.message), order: held });
      return null;
    }
    const alreadyConfirmed = now.step === 'failed' && now.stage === 'payment';
    const generation = ++run.generation;
    return confirmAndPay(run, now.productId, held, checked.value.customer, handoff, alreadyConfirmed, generation);
  });
}

/** The held order, reserving `line` first when it is not what is held (the buyer changed it just before paying). */
async function ensureHeld(
  run: CheckoutRun,
  { state, inflight }: ConfirmTap,
  line: { variantId: string; quantity: number } | undefined,
  reserve: (line: { variantId: string; quantity: number }) => Promise<Order | null>,
): Promise<Order | null> {
  const held = state.step === 'reserved' || state.step === 'failed' ? (state.order ?? null) : null;
  const matches = (order: Order) => !line || (order.variantId === line.variantId && order.quantity === line.quantity);
  if (held && matches(held)) return held;
  if (state.step === 'reserving' && inflight) {
    const order = await inflight;
    if (order && matches(order)) return order;
  }
  const wanted = line ?? (run.hold ? { variantId: run.hold.request.variantId, quantity: run.hold.request.quantity } : null);
  if (!wanted) return null;
  if (run.state.get().step === 'expired') return null;
  return reserve(wanted);
}

async function confirmAndPay(
  run: CheckoutRun,
  productId: string,
  held: Order,
  customer: Customer,
  handoff: PaymentHandoff | null,
  alreadyConfirmed: boolean,
  generation: number,
): Promise<Order | null> {
  const { deps } = run;
  const current = () => generation === run.generation;
  let order = held;
  try {
    if (!alreadyConfirmed) {
      run.state.set({ step: 'placing', productId, order: held });
      const confirm = deps.confirm;
      if (!confirm) throw new LiveShopError('invalid', 'this client cannot confirm orders');
      const cart = deps.cart?.() ?? null;
      if (cart) await askCart(cart.checkout?.bind(cart), lineOf(productId, run.hold?.request ?? held, deps.productOf?.(productId) ?? null, held));
      order = await confirm(held.id, customer, run.coupon);
      if (!current()) return order;
      if (run.hold) run.hold.order = order;
    }
  } catch (error) {
    handoff?.abandon?.();
    if (current()) {
      run.inflight = null;
      run.state.set({ step: 'failed', productId, stage: 'checkout', error: toLiveShopError(error, 'internal', 'confirming the order failed'), order: held });
    }
    return null;
  }
  if (!handoff) {
    run.inflight = null;
    clearExpiry(run);
    run.state.set({ step: 'placed', productId, order });
    return order;
  }
  run.state.set({ step: 'paying', productId, order, handoff: handoff.kind });
  const controller = new AbortController();
  run.payment = controller;
  let result: HandoffResult;
  try {
    result = await handoff.pay({
      order,
      product: deps.productOf?.(productId) ?? null,
      variant: deps.productOf?.(productId)?.variants.find((variant) => variant.id === order.variantId) ?? null,
      customer,
      coupon: run.coupon,
      roomId: deps.roomId ?? order.roomId,
      signal: controller.signal,
      ...(deps.orderUpdates ? { orderUpdates: (listener: (next: Order) => void) => deps.orderUpdates!(order.id, listener) } : {}),
    });
  } catch (error) {
    if (current()) {
      run.inflight = null;
      run.state.set({ step: 'failed', productId, stage: 'payment', error: toLiveShopError(error, 'internal', 'the payment failed'), order });
    }
    return null;
  } finally {
    if (run.payment === controller) run.payment = null;
  }
  if (!current()) return order;
  run.inflight = null;
  if (result.status === 'cancelled') {
    run.state.set({ step: 'failed', productId, stage: 'payment', error: new HandoffError('cancelled', 'the payment was cancelled'), order });
    return null;
  }
  clearExpiry(run);
  const reference = result.reference === undefined ? {} : { reference: result.reference };
  run.state.set({ step: result.status === 'paid' ? 'paid' : 'placed', productId, order, ...reference });
  return order;
}

/** The one-step order after `placing` is shown (`order.place`, hold and confirm together): `placed` or `failed`. */
export async function placeFlow(run: CheckoutRun, productId: string, key: string, input: OrderInput, generation: number): Promise<Order | null> {
  let outcome: CheckoutState;
  let order: Order | null = null;
  try {
    order = await run.deps.placeOrder({ ...input, idempotencyKey: key });
    outcome = { step: 'placed', productId, order };
  } catch (error) {
    outcome = { step: 'failed', productId, stage: 'checkout', error: toLiveShopError(error, 'internal', 'placing the order failed') };
  }
  // A close() or open() while the request was under way started something else: leave it alone.
  if (generation !== run.generation || run.key !== key) return order;
  run.inflight = null;
  run.state.set(outcome);
  return outcome.step === 'placed' ? order : null;
}

/**
 * Moves a hold that ran out to `expired`. It reads the order of the current state each time (the payment
 * window of a confirmed order is longer than the hold), and checks again at least once a minute, since
 * timers drift and the clock offset moves.
 */
function watchExpiry(run: CheckoutRun): void {
  if (run.expiryTimer !== undefined) return;
  const now = run.deps.now ?? Date.now;
  const check = (): void => {
    run.expiryTimer = undefined;
    const state = run.state.get();
    if (state.step === 'placing' || state.step === 'paying' || state.step === 'reserving') {
      run.expiryTimer = setTimeout(check, 1_000);
      return;
    }
    if (state.step !== 'reserved' && state.step !== 'failed') return;
    const order = state.order;
    if (!order || order.expiresAt === null) return;
    const left = order.expiresAt - now();
    if (left > 0) {
      run.expiryTimer = setTimeout(check, Math.min(left, 60_000));
      return;
    }
    run.state.set({ step: 'expired', productId: state.productId, order });
  };
  check();
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

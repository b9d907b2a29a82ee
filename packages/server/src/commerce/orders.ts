import { createHash, randomBytes } from 'node:crypto';
import { FLASH_SALE_EARLY_TOLERANCE_MS, type Customer, type Order, type OrderRequest, type ReserveRequest } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import { announcePurchase } from '../rooms/notices.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import type { NewOrder, OrderActor, ReserveResult, TransitionResult } from '../store/commerce.js';
import { orderOf } from './admission.js';
import { frozenLatency, type LatencyHistory } from './fair-latency.js';
import { IllegalTransitionError } from './order-state.js';
import { commerceOf } from './service.js';

/**
 * A coupon is part of what was asked: the same key with another coupon (or none) is another order. Appended only
 * when there is one, so the digest of a request without a coupon is the one stored before coupons existed.
 */
const withCoupon = (parts: unknown[], couponId: string | undefined): unknown[] => (couponId === undefined ? parts : [...parts, { couponId }]);

/** Digest of what makes two `order.place` requests "the same order", to recognise retries of an idempotency key. */
export function orderFingerprint(request: OrderRequest): string {
  const { variantId, quantity, customer } = request;
  return createHash('sha256')
    .update(JSON.stringify(withCoupon([variantId, quantity, customer.name, customer.phone, customer.address], request.couponId)))
    .digest('base64url');
}

/** Digest of an `order.reserve` request (no customer yet; a sale id and a coupon are part of what was asked). */
export function reserveFingerprint(request: ReserveRequest): string {
  return createHash('sha256')
    .update(JSON.stringify(withCoupon(['reserve', request.variantId, request.quantity, request.saleId ?? null], request.couponId)))
    .digest('base64url');
}

const newOrderId = () => `ord_${randomBytes(12).toString('base64url')}`;

/**
 * Reserves units for the viewer: status `reserved`, `expiresAt` = now + the reservation TTL; the expiry sweeper
 * returns them to stock if nobody checks out in time.
 *
 * While a flash sale of the variant is live (or when `saleId` names one) the attempt goes through the sale's fair
 * admission (see {@link SaleAdmission}) at the sale price, and resolves when ranked. During a sale's countdown the
 * variant cannot be reserved at all (`sale_not_started`), so its stock is there when the sale opens.
 *
 * With `couponId` the store checks the coupon against the order's subtotal and holds it for the order in the same
 * transaction (see {@link checkoutOrder} for the rules); the order carries `subtotal`, `discount` and `total`.
 *
 * Idempotent per (room, viewer, key): a retry — also concurrent, also from another socket — returns the same order;
 * the same key with another body (another coupon included) fails `conflict`. Errors: `not_found`, `sold_out`,
 * `insufficient_stock`, `limit_reached`, `sale_not_started`, `sale_ended`, `coupon_invalid`, `rate_limited`
 * (another attempt of this viewer is being ranked).
 */
export async function reserveOrder(
  ctx: DomainContext,
  roomId: string,
  actor: Pick<Actor, 'subject'>,
  request: ReserveRequest,
  session: LatencyHistory | null = null,
): Promise<Order> {
  const commerce = commerceOf(ctx);
  const receivedAt = ctx.now();
  const fingerprint = reserveFingerprint(request);
  const order: NewOrder = {
    id: newOrderId(),
    roomId,
    subject: actor.subject,
    variantId: request.variantId,
    quantity: request.quantity,
    idempotencyKey: request.idempotencyKey,
    fingerprint,
    createdAt: receivedAt,
    status: 'reserved',
    expiresAt: receivedAt + commerce.settings.reservationTtlMs,
    ...(request.couponId === undefined ? {} : { couponId: request.couponId }),
  };
  const sale = await saleFor(ctx, roomId, request, receivedAt);
  if (sale === null) return finish(ctx, roomId, await ctx.store.reserve(order), request.quantity);

  // A retry of an attempt already decided answers at once, whatever the sale's state now.
  const previous = await ctx.store.findByIdempotencyKey(roomId, actor.subject, request.idempotencyKey);
  if (previous) {
    if (previous.fingerprint !== fingerprint) throw new LiveShopServerError('conflict', 'this idempotency key was already used for a different order');
    return previous.order;
  }
  const early = commerce.admissionTimings.earlyToleranceMs ?? FLASH_SALE_EARLY_TOLERANCE_MS;
  if (sale.status === 'scheduled' && receivedAt < sale.startsAt - early) {
    throw new LiveShopServerError('sale_not_started', `the flash sale starts in ${sale.startsAt - receivedAt} ms`);
  }
  if (sale.status === 'ended') throw new LiveShopServerError('sale_ended', 'the flash sale is over');
  const admission = commerce.admission(roomId, sale);
  // The order is stamped no earlier than the start, so the store sees the sale live for an attempt within tolerance.
  const createdAt = Math.max(receivedAt, sale.startsAt);
  const outcome = await admission.attempt(
    {
      order: { ...order, saleId: sale.id, createdAt, expiresAt: createdAt + commerce.settings.reservationTtlMs },
      receivedAt,
      latencyMs: frozenLatency(session, sale.startsAt),
    },
    fingerprint,
  );
  return orderOf(outcome, request.quantity);
}

/**
 * Places an order in one step (reserve + checkout): status `pending_payment` with the customer encrypted,
 * `expiresAt` = now + the payment TTL. Kept for simple flows; a live flash sale admits it like `order.reserve`
 * would (ranked), then adds the customer. Same idempotency and errors as {@link reserveOrder}.
 *
 * `actor` defaults to an anonymous one-off subject (callers from before per-viewer keys).
 */
export async function placeOrder(
  ctx: DomainContext,
  roomId: string,
  request: OrderRequest,
  actor: Pick<Actor, 'subject'> & Partial<Pick<Actor, 'name'>> = { subject: `anon-${randomBytes(6).toString('base64url')}` },
  session: LatencyHistory | null = null,
): Promise<Order> {
  const commerce = commerceOf(ctx);
  const now = ctx.now();
  const sale = await saleFor(ctx, roomId, { variantId: request.variantId }, now);
  if (sale !== null) {
    const reserved = await reserveOrder(ctx, roomId, actor, {
      variantId: request.variantId,
      quantity: request.quantity,
      idempotencyKey: request.idempotencyKey,
      ...(request.couponId === undefined ? {} : { couponId: request.couponId }),
    }, session);
    return checkoutOrder(ctx, actor, reserved.id, request.customer);
  }
  const result = await ctx.store.reserve({
    id: newOrderId(),
    roomId,
    subject: actor.subject,
    variantId: request.variantId,
    quantity: request.quantity,
    idempotencyKey: request.idempotencyKey,
    fingerprint: orderFingerprint(request),
    createdAt: now,
    status: 'pending_payment',
    expiresAt: now + commerce.settings.paymentTtlMs,
    customer: request.customer,
    ...(request.couponId === undefined ? {} : { couponId: request.couponId }),
  });
  const order = await finish(ctx, roomId, result, request.quantity);
  if (result.kind === 'created') await announceSale(ctx, order, actor);
  return order;
}

/**
 * Adds the customer to the viewer's own reserved order: `pending_payment`, `expiresAt` moved to the payment window.
 * A repeat with the same customer (and coupon) answers the same order. Errors: `not_found`, `forbidden`, `expired`,
 * `conflict`, `coupon_invalid` (the order stays reserved, without the new coupon).
 *
 * `couponId` (undefined: keep the order's, null: none) must be the buyer's own or a room coupon of this room,
 * unexpired, not held by another open order nor used by a paid one of this buyer, the subtotal at least its minimum
 * spend, an amount coupon in the order's currency. The order then holds it: written in the same transaction as
 * the order (a coupon-and-buyer primary key), so of two concurrent orders naming one coupon exactly one gets it,
 * and before the buyer pays — holding it only at payment would let both be paid at the discounted price. A
 * cancelled or expired order frees it; a paid one keeps it used (a refund does not give it back).
 */
export async function checkoutOrder(
  ctx: DomainContext,
  actor: Pick<Actor, 'subject'> & Partial<Pick<Actor, 'name'>>,
  orderId: string,
  customer: Customer,
  couponId?: string | null,
): Promise<Order> {
  const now = ctx.now();
  const result = await ctx.store.checkout(orderId, actor.subject, customer, now, now + commerceOf(ctx).settings.paymentTtlMs, couponId);
  const order = await afterTransition(ctx, result, orderId);
  if (result.kind === 'changed') await announceSale(ctx, order, actor);
  return order;
}

/**
 * "X just bought Y" for the room (masked name, aggregated per second by the notices), once per order: when it
 * is checked out, not on a replayed request. Best effort: a missing product or name only skips the notice.
 */
async function announceSale(ctx: DomainContext, order: Order, actor: Partial<Pick<Actor, 'name'>>): Promise<void> {
  if (order.status !== 'pending_payment' || !actor.name) return;
  const product = await ctx.store.getProduct(order.roomId, order.productId);
  if (product) announcePurchase(ctx, order.roomId, actor.name, product.name, order.quantity);
}

/**
 * Cancels the viewer's own reserved or pending order (or any, for the merchant): units back to stock, `stock.changed`
 * sent. A repeat answers the same order. Errors: `not_found`, `forbidden`, `expired`, `conflict` (paid already).
 */
export async function cancelOrder(ctx: DomainContext, actor: OrderActor, orderId: string, reason = 'cancelled'): Promise<Order> {
  const result = await ctx.store.transition(orderId, 'cancelled', actor, ctx.now(), `${reason} by ${actor.kind}`);
  return afterTransition(ctx, result, orderId);
}

/** Merchant: a paid order was shipped. Errors: `not_found`, `conflict` (not paid). */
export async function fulfilOrder(ctx: DomainContext, orderId: string): Promise<Order> {
  const result = await ctx.store.transition(orderId, 'fulfilled', { kind: 'merchant' }, ctx.now(), 'fulfilled by merchant');
  return afterTransition(ctx, result, orderId);
}

/** Merchant: a paid (or fulfilled) order was refunded; its units stay sold (restock is explicit). Errors: `not_found`, `conflict`. */
export async function refundOrder(ctx: DomainContext, orderId: string): Promise<Order> {
  const result = await ctx.store.transition(orderId, 'refunded', { kind: 'merchant' }, ctx.now(), 'refunded by merchant');
  return afterTransition(ctx, result, orderId);
}

/** The room's scheduled/live sale that covers this request, or null for a regular purchase. */
async function saleFor(ctx: DomainContext, roomId: string, request: Pick<ReserveRequest, 'variantId' | 'saleId'>, now: number) {
  if (request.saleId === undefined) {
    const sale = await commerceOf(ctx).roomSale(roomId, now);
    return sale && sale.variantId === request.variantId ? sale : null;
  }
  const sale = await ctx.store.getFlashSale(request.saleId, now);
  const current = await commerceOf(ctx).roomSale(roomId, now);
  // A sale of another room is "not found" here; an ended one of this room still answers sale_ended.
  if (!sale || sale.variantId !== request.variantId || (sale.status !== 'ended' && current?.id !== sale.id)) {
    throw new LiveShopServerError('not_found', `no flash sale "${request.saleId}" of this variant in this room`);
  }
  return sale;
}

/** Publishes what a created order changed and answers it, or throws the typed error of a refusal. */
async function finish(ctx: DomainContext, roomId: string, result: ReserveResult, quantity: number): Promise<Order> {
  if (result.kind === 'created') {
    const commerce = commerceOf(ctx);
    await commerce.events.stockChanged(roomId, result.order.variantId);
    if (result.sale) commerce.events.saleChanged(roomId, result.sale.id);
  }
  return orderOf(result, quantity);
}

async function afterTransition(ctx: DomainContext, result: TransitionResult, orderId: string): Promise<Order> {
  switch (result.kind) {
    case 'changed':
      if (result.available !== null) await commerceOf(ctx).announce([{ order: result.order, sale: result.sale }]);
      return result.order;
    case 'unchanged':
      return result.order;
    case 'expired':
      if (result.available !== null) await commerceOf(ctx).announce([{ order: result.order, sale: result.sale }]);
      throw new LiveShopServerError('expired', `order ${orderId} expired; its units went back to stock`);
    case 'not_found':
      throw new LiveShopServerError('not_found', `no order ${orderId}`);
    case 'forbidden':
      throw new LiveShopServerError('forbidden', 'this is not your order');
    case 'illegal':
      throw new IllegalTransitionError(result.from, result.to);
    case 'coupon_invalid':
      throw new LiveShopServerError('coupon_invalid', result.message);
  }
}

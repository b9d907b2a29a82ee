import type { Coupon, CouponDiscount, CouponIssue } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { newId, requireHost, requireRoom } from './host.js';

/** What a coupon does to one order: the discount and the total after it, in minor units of `currency`. */
export interface CouponQuote {
  coupon: Coupon;
  subtotal: number;
  discount: number;
  total: number;
  currency: string;
}

/** An order a coupon is to be applied to, as the commerce domain knows it. */
export interface CouponUse {
  roomId: string;
  /** The buyer (token subject / anonymous connection id): a personal coupon applies only to its owner. */
  subject: string;
  couponId: string;
  /** Order amount before the coupon, minor units of `currency`. */
  subtotal: number;
  currency: string;
}

/**
 * Host only: issues a coupon to the whole room (`coupon.issued`, in every snapshot until it expires) or to one
 * viewer, by token subject or by a lottery entrant id (to reward a winner; not broadcast: the viewer finds it in
 * `engagement.mine`).
 */
export async function issueCoupon(ctx: DomainContext, roomId: string, actor: Actor, request: Omit<CouponIssue, 't' | 'id'>): Promise<Coupon> {
  requireHost(actor, 'issue a coupon');
  await requireRoom(ctx, roomId);
  let owner: string | null = null;
  if (request.to?.kind === 'subject') owner = request.to.subject;
  if (request.to?.kind === 'entrant') {
    owner = await ctx.store.subjectOfEntrant(request.to.lotteryId, request.to.entrantId);
    if (owner === null) throw new LiveShopServerError('not_found', 'no such entrant in that lottery');
  }
  const issuedAt = ctx.now();
  const coupon = await ctx.store.issueCoupon({
    id: newId('k'),
    roomId,
    owner,
    discount: request.discount,
    minSpend: request.minSpend ?? 0,
    expiresAt: issuedAt + request.validMs,
    source: request.to?.kind === 'entrant' ? 'lottery' : 'host',
    label: request.label ?? '',
    issuedAt,
  });
  if (owner === null) await ctx.log.append(roomId, () => ({ t: 'coupon.issued', coupon }));
  return coupon;
}

/**
 * The discount of `discount` on `subtotal` (pure): an amount coupon takes off its amount (never more than the
 * subtotal) and must be in the order's currency; a percent coupon takes off `floor(subtotal * percent / 100)`.
 * Throws `invalid` on a currency mismatch.
 */
export function discountOf(discount: CouponDiscount, subtotal: number, currency: string): number {
  if (discount.kind === 'percent') return Math.floor((subtotal * discount.percent) / 100);
  if (discount.currency !== currency) throw new LiveShopServerError('invalid', `the coupon is in ${discount.currency}, the order in ${currency}`);
  return Math.min(discount.amount, subtotal);
}

/**
 * What `use.couponId` would take off the order, without using it. For the commerce domain (order placement,
 * checkout price breakdown). Throws `LiveShopServerError`: `not_found` (no such coupon in the room, or someone
 * else's), `ended` (expired), `already_done` (this buyer used it already), `invalid` (below its minimum spend, or
 * another currency).
 */
export async function quoteCoupon(ctx: DomainContext, use: CouponUse): Promise<CouponQuote> {
  const record = await ctx.store.getCoupon(use.roomId, use.couponId, use.subject);
  if (!record || (record.owner !== null && record.owner !== use.subject)) throw new LiveShopServerError('not_found', 'no such coupon');
  if (record.redeemedBy !== null) throw new LiveShopServerError('already_done', 'this coupon was used already');
  return quoteOf(ctx, record.coupon, use);
}

/**
 * Uses the coupon for `orderId`, once per buyer, and returns what it took off. Idempotent per order: the same
 * order again returns the same quote (a retried order placement), another order gets `already_done`. Same
 * refusals as {@link quoteCoupon}. The caller records the discount with its order; this marks the coupon used.
 */
export async function redeemCoupon(ctx: DomainContext, use: CouponUse & { orderId: string }): Promise<CouponQuote> {
  const record = await ctx.store.getCoupon(use.roomId, use.couponId, use.subject);
  if (!record || (record.owner !== null && record.owner !== use.subject)) throw new LiveShopServerError('not_found', 'no such coupon');
  if (record.redeemedBy !== null && record.redeemedBy !== use.orderId) throw new LiveShopServerError('already_done', 'this coupon was used already');
  const quote = quoteOf(ctx, record.coupon, use);
  const result = await ctx.store.redeemCoupon(use.couponId, use.subject, use.orderId, ctx.now());
  if (result.kind === 'used') throw new LiveShopServerError('already_done', 'this coupon was used already');
  return quote;
}

function quoteOf(ctx: DomainContext, coupon: Coupon, use: CouponUse): CouponQuote {
  if (coupon.expiresAt <= ctx.now()) throw new LiveShopServerError('ended', 'this coupon has expired');
  if (use.subtotal < coupon.minSpend) throw new LiveShopServerError('invalid', `this coupon needs a subtotal of at least ${coupon.minSpend}`);
  const discount = discountOf(coupon.discount, use.subtotal, use.currency);
  return { coupon, subtotal: use.subtotal, discount, total: use.subtotal - discount, currency: use.currency };
}

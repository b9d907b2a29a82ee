import type { CouponDiscount } from '@live-shop/protocol';

/** A coupon as an order sees it: its terms, its owner, and which order of the buyer holds it (if any). */
export interface OrderCouponTerms {
  discount: CouponDiscount;
  minSpend: number;
  expiresAt: number;
  /** The viewer's subject for a personal coupon; null for a room coupon. */
  owner: string | null;
  /** The order of this buyer that holds (or used) it; null when it is free for the buyer. */
  heldBy: string | null;
}

/** An order line a coupon is to be applied to. */
export interface OrderCouponUse {
  orderId: string;
  subject: string;
  /** Units × unit price, minor units of `currency`. */
  subtotal: number;
  currency: string;
  /** Server ms. */
  now: number;
}

/** What applying a coupon to an order gives: the discount, or why it cannot apply (the wire code `coupon_invalid`). */
export type OrderCouponCheck = { ok: true; discount: number } | { ok: false; message: string };

/**
 * The rules of a coupon on an order, as a pure function so the store applies them inside the transaction that
 * writes the order (a check made before the transaction could be stale by the time the order is written).
 *
 * Refused: unknown or someone else's coupon (`terms` null or owned by another subject: the same words, so a
 * coupon id cannot be probed), expired (`expiresAt` <= now), held or used by another order of the buyer, subtotal
 * below `minSpend`, or an amount coupon in another currency. Otherwise the discount: an amount coupon takes its
 * amount, a percent coupon `floor(subtotal × percent / 100)`, never more than the subtotal.
 */
export function checkOrderCoupon(terms: OrderCouponTerms | null, use: OrderCouponUse): OrderCouponCheck {
  if (!terms || (terms.owner !== null && terms.owner !== use.subject)) return { ok: false, message: 'no such coupon for this viewer in this room' };
  if (terms.expiresAt <= use.now) return { ok: false, message: 'this coupon has expired' };
  if (terms.heldBy !== null && terms.heldBy !== use.orderId) return { ok: false, message: 'this coupon is used by another order' };
  if (use.subtotal < terms.minSpend) return { ok: false, message: `this coupon needs a subtotal of at least ${terms.minSpend}` };
  const { discount } = terms;
  if (discount.kind === 'amount' && discount.currency !== use.currency) {
    return { ok: false, message: `this coupon is in ${discount.currency}, the order in ${use.currency}` };
  }
  const off = discount.kind === 'amount' ? discount.amount : Math.floor((use.subtotal * discount.percent) / 100);
  return { ok: true, discount: Math.min(off, use.subtotal) };
}

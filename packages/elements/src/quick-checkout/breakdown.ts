import type { Coupon, Order } from '@live-shop/protocol';

/** The price lines of the sheet, all in minor units. */
export interface Breakdown {
  /** Price of one unit the buyer pays (the sale price in a flash sale). */
  unitPrice: number;
  /** The usual unit price, when a sale price is lower. */
  regularPrice: number | null;
  quantity: number;
  subtotal: number;
  /** What the chosen coupon takes off (0 without one). */
  discount: number;
  total: number;
  /**
   * `server`: the figures of the order the server holds or confirmed for this line and coupon (what the buyer
   * pays); `estimate`: worked out here from the catalogue and the coupon's terms, until the server has answered.
   */
  source: 'server' | 'estimate';
}

/** Whether `coupon` can be used on `subtotal` of `currency` at server time `now`. */
export function couponApplies(coupon: Coupon, subtotal: number, currency: string, now: number): boolean {
  if (coupon.expiresAt <= now || subtotal < coupon.minSpend) return false;
  return coupon.discount.kind === 'percent' || coupon.discount.currency === currency;
}

/** What `coupon` takes off `subtotal` (never more than the subtotal). */
export function couponDiscount(coupon: Coupon | null, subtotal: number): number {
  if (!coupon) return 0;
  const off = coupon.discount.kind === 'amount' ? coupon.discount.amount : Math.floor((subtotal * coupon.discount.percent) / 100);
  return Math.min(off, subtotal);
}

/** The breakdown of `quantity` units at `unitPrice` (with the regular price when it is higher) and a coupon. */
export function breakdownOf(unitPrice: number, regularPrice: number, quantity: number, coupon: Coupon | null): Breakdown {
  const subtotal = unitPrice * quantity;
  const discount = couponDiscount(coupon, subtotal);
  return { unitPrice, regularPrice: regularPrice > unitPrice ? regularPrice : null, quantity, subtotal, discount, total: subtotal - discount, source: 'estimate' };
}

/**
 * The breakdown of an order as the server priced it, when it is the line on screen with the coupon chosen
 * (`couponId`, '' for none); null otherwise, and the sheet shows its estimate. A server from before coupons on
 * orders sends no subtotal or discount: its total is the subtotal then.
 */
export function serverBreakdown(order: Order | null, line: { variantId: string; quantity: number; couponId: string }, regularPrice: number): Breakdown | null {
  if (!order || order.variantId !== line.variantId || order.quantity !== line.quantity || (order.couponId ?? '') !== line.couponId) return null;
  const discount = order.discount ?? 0;
  const subtotal = order.subtotal ?? order.total + discount;
  const { unitPrice, quantity, total } = order;
  return { unitPrice, regularPrice: regularPrice > unitPrice ? regularPrice : null, quantity, subtotal, discount, total, source: 'server' };
}

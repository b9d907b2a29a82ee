import type { Coupon } from '@live-shop/protocol';

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
  return { unitPrice, regularPrice: regularPrice > unitPrice ? regularPrice : null, quantity, subtotal, discount, total: subtotal - discount };
}

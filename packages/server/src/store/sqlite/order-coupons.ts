import type Database from 'better-sqlite3';
import type { CouponDiscount } from '@live-shop/protocol';
import { checkOrderCoupon, type OrderCouponCheck, type OrderCouponUse } from '../../commerce/order-coupon.js';

/**
 * The coupon part of the SQLite commerce store: reads a coupon's terms and holds or frees it for an order. Every
 * method runs inside the caller's transaction (the one that writes the order), never one of its own, so an order
 * and the hold of its coupon are written or rolled back together.
 *
 * The hold is a `coupon_redemptions` row (primary key: coupon + buyer). Two orders of the same buyer naming the
 * same coupon are serialised by the write lock (BEGIN IMMEDIATE) and, across processes, by that key: the second
 * sees the first's row and is refused.
 */
export class SqliteOrderCoupons {
  readonly #q;

  constructor(db: Database.Database) {
    this.#q = {
      coupon: db.prepare<[string, string], { discount: string; min_spend: number; expires_at: number; owner: string | null }>(
        'SELECT discount, min_spend, expires_at, owner FROM coupons WHERE room_id = ? AND id = ?',
      ),
      holder: db.prepare<[string, string], { order_id: string }>('SELECT order_id FROM coupon_redemptions WHERE coupon_id = ? AND subject = ?'),
      hold: db.prepare<[string, string, string, number]>('INSERT INTO coupon_redemptions (coupon_id, subject, order_id, at) VALUES (?, ?, ?, ?)'),
      free: db.prepare<[string]>('DELETE FROM coupon_redemptions WHERE order_id = ?'),
    };
  }

  /** Whether `couponId` of `roomId` applies to the order described by `use`, and its discount. Writes nothing. */
  check(roomId: string, couponId: string, use: OrderCouponUse): OrderCouponCheck {
    const row = this.#q.coupon.get(roomId, couponId);
    const terms = row
      ? {
          discount: JSON.parse(row.discount) as CouponDiscount,
          minSpend: row.min_spend,
          expiresAt: row.expires_at,
          owner: row.owner,
          heldBy: this.#q.holder.get(couponId, use.subject)?.order_id ?? null,
        }
      : null;
    return checkOrderCoupon(terms, use);
  }

  /** Holds the coupon for the order (after {@link check} said it applies); a hold it already has is kept. */
  hold(couponId: string, subject: string, orderId: string, at: number): void {
    const holder = this.#q.holder.get(couponId, subject);
    if (holder?.order_id === orderId) return;
    if (holder) throw new Error(`coupon ${couponId} is held by order ${holder.order_id}, not ${orderId}`);
    this.#q.hold.run(couponId, subject, orderId, at);
  }

  /** Frees whatever coupon the order holds (it was cancelled or expired, or it changes coupon). */
  free(orderId: string): void {
    this.#q.free.run(orderId);
  }
}

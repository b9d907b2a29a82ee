import * as v from 'valibot';
import { MAX_ADDRESS_LENGTH, MAX_NAME_LENGTH, MAX_ORDER_QUANTITY } from './limits.js';
import { CurrencySchema, IdSchema, MinorUnitsSchema } from './model.js';
import { validate, type Parsed } from './validate.js';

// Orders: what a buyer sends (the customer, the order request) and gets back (the order and its status), apart from
// the room in model.ts: a client parses the room from its first frame on but meets orders only once it buys, so a
// bundle can load these later (the core does).

const trimmed = (max: number, field: string) =>
  v.pipe(
    v.string(`${field} must be text`),
    v.trim(),
    v.minLength(1, `${field} is required`),
    v.maxLength(max, `${field} must be at most ${max} characters`),
  );

/** Who receives the parcel. Stored encrypted later; never logged. */
export const CustomerSchema = v.object({
  name: trimmed(MAX_NAME_LENGTH, 'name'),
  phone: v.pipe(
    v.string('phone must be text'),
    v.trim(),
    v.regex(/^\+?[0-9][0-9 -]{5,19}$/, 'phone must be 6-20 digits, optionally starting with +'),
  ),
  address: trimmed(MAX_ADDRESS_LENGTH, 'address'),
});
/** Who receives the parcel. */
export type Customer = v.InferOutput<typeof CustomerSchema>;

/** What the viewer asks to buy. */
export const OrderRequestSchema = v.object({
  variantId: IdSchema,
  quantity: v.pipe(
    v.number('quantity must be a number'),
    v.integer('quantity must be a whole number'),
    v.minValue(1, 'quantity must be at least 1'),
    v.maxValue(MAX_ORDER_QUANTITY, `quantity must be at most ${MAX_ORDER_QUANTITY}`),
  ),
  customer: CustomerSchema,
  /** Chosen by the client once per checkout; a retry with the same key returns the same order. */
  idempotencyKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'idempotencyKey must be 8-64 URL-safe characters')),
  /** A coupon of this viewer (or of the room) to apply; refused with `coupon_invalid` when it cannot be. */
  couponId: v.optional(IdSchema),
});
/** What the viewer asks to buy. */
export type OrderRequest = v.InferOutput<typeof OrderRequestSchema>;

/**
 * Where an order is in its life: `reserved` -> `pending_payment` -> `paid` -> `fulfilled` | `refunded`;
 * `reserved` | `pending_payment` -> `cancelled` (viewer or merchant) | `expired` (its TTL ran out).
 * Reserved and pending units are `held`; paid, fulfilled and refunded units are `sold`.
 */
export const OrderStatusSchema = v.picklist([
  'reserved',
  'pending_payment',
  'paid',
  'fulfilled',
  'refunded',
  'cancelled',
  'expired',
]);
/** Where an order is in its life; see {@link OrderStatusSchema}. */
export type OrderStatus = v.InferOutput<typeof OrderStatusSchema>;

/** A placed order as the buyer sees it (no customer data: that stays on the server). */
export const OrderSchema = v.object({
  id: IdSchema,
  roomId: IdSchema,
  productId: IdSchema,
  variantId: IdSchema,
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Total in minor units of `currency`: `subtotal` − `discount`, what the buyer pays. */
  total: MinorUnitsSchema,
  /**
   * Units × unit price before the coupon, minor units. Always sent by this server; absent from servers before
   * coupons on orders (then it equals `total`).
   */
  subtotal: v.optional(MinorUnitsSchema),
  /** What the order's coupon takes off the subtotal, minor units (0 without one; absent as for `subtotal`). */
  discount: v.optional(MinorUnitsSchema),
  /** The coupon the server applied (and holds for this order until it is paid, cancelled or expired). */
  couponId: v.optional(IdSchema),
  currency: CurrencySchema,
  status: OrderStatusSchema,
  createdAt: v.number(),
  /** Price of one unit in minor units (the sale price for a flash-sale order). */
  unitPrice: MinorUnitsSchema,
  /** Server ms at which an unpaid order lapses (while `reserved` or `pending_payment`); null otherwise. */
  expiresAt: v.nullable(v.number()),
  /** The flash sale it was bought in, if any. */
  saleId: v.optional(IdSchema),
});
/** A placed order as the buyer sees it. */
export type Order = v.InferOutput<typeof OrderSchema>;

/** Validates the `data` of an `order.place` ack. */
export function parseOrder(data: unknown): Parsed<Order> {
  return validate(OrderSchema, data);
}

/**
 * Commerce frames: reservations with a time-to-live, checkout, cancel, and flash sales (秒杀).
 *
 * Lifecycle of an order ({@link OrderStatusSchema}): `order.reserve` takes units from `stock` into `held`
 * (status `reserved`, `expiresAt` = now + `RESERVATION_TTL_MS`); `order.checkout` adds the customer
 * (status `pending_payment`, `expiresAt` = now + `PAYMENT_TTL_MS`); the merchant's payment result makes it
 * `paid` (units `held` -> `sold`); `order.cancel` or the expiry sweeper return the units to `stock`. Per variant,
 * at every instant: stock + held + sold = initial.
 *
 * @module
 */
import * as v from 'valibot';
import {
  MAX_FLASH_SALE_DURATION_MS,
  MAX_FLASH_SALE_QUOTA,
  MAX_FLASH_SALE_START_DELAY_MS,
  MAX_ORDER_QUANTITY,
} from './limits.js';
import { FlashSaleSchema, IdSchema, MinorUnitsSchema } from './model.js';
import { CustomerSchema, OrderStatusSchema } from './order.js';

// Re-exported so the commerce contract reads from one module (the flash sale lives in model.ts because the snapshot
// uses it, the order status in order.ts with the order).
export { FlashSaleSchema, OrderStatusSchema };
export type { FlashSale } from './model.js';
export type { OrderStatus } from './order.js';

/** Every client command carries an id the server echoes in its `ack` (same rule as client-frames.ts). */
const CommandId = v.pipe(v.string('id must be a string'), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'id must be 1-40 URL-safe characters'));

/** Chosen by the client once per purchase; scoped to the viewer (token subject) and the room. */
export const IdempotencyKeySchema = v.pipe(
  v.string('idempotencyKey must be a string'),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'idempotencyKey must be 8-64 URL-safe characters'),
);

const Quantity = v.pipe(
  v.number('quantity must be a number'),
  v.integer('quantity must be a whole number'),
  v.minValue(1, 'quantity must be at least 1'),
  v.maxValue(MAX_ORDER_QUANTITY, `quantity must be at most ${MAX_ORDER_QUANTITY}`),
);

/** What a viewer asks to hold. */
export const ReserveRequestSchema = v.strictObject({
  variantId: IdSchema,
  quantity: Quantity,
  /** A retry with the same key (also on another socket, also concurrently) returns the same order. */
  idempotencyKey: IdempotencyKeySchema,
  /**
   * Buy in this flash sale (`sale_ended` once it is over, `not_found` if it is not this room's). Optional: while a
   * sale of the variant is live, a reserve without it goes through the sale anyway.
   */
  saleId: v.optional(IdSchema),
  /**
   * A coupon of this viewer (or of the room) to apply: the server checks it and holds it for this order (see
   * {@link OrderCheckoutSchema}). Part of the order's content: the same key with another coupon is `conflict`.
   */
  couponId: v.optional(IdSchema),
});
/** What a viewer asks to hold. */
export type ReserveRequest = v.InferOutput<typeof ReserveRequestSchema>;

/**
 * Holds units for the viewer (taken when the checkout sheet opens). Ack `data`: the {@link Order}, status
 * `reserved`, with `expiresAt`. Errors: `not_found`, `sold_out`, `insufficient_stock`, `limit_reached`,
 * `conflict` (key reused with other content), `sale_not_started`, `sale_ended`, `rate_limited` (another attempt of
 * this viewer is still being ranked). While a flash sale of the variant is live the attempt goes through the sale's
 * fair admission and the ack may come a few seconds later (ranking window).
 */
export const OrderReserveSchema = v.strictObject({
  t: v.literal('order.reserve'),
  id: CommandId,
  reserve: ReserveRequestSchema,
});
/** Holds units for the viewer. */
export type OrderReserve = v.InferOutput<typeof OrderReserveSchema>;

/**
 * Adds who receives the parcel to the viewer's own reserved order. Ack `data`: the {@link Order}, status
 * `pending_payment`, `expiresAt` moved to the payment window, with the server's `subtotal`, `discount` and `total`.
 * Repeating it with the same customer and coupon answers the same order. Errors: `not_found`, `forbidden` (not this
 * viewer's order), `expired`, `conflict` (order not reserved), `coupon_invalid` (the order stays reserved).
 *
 * Coupons: `couponId` applies that coupon (replacing one given at reserve), `null` removes it, absent keeps what
 * the order has. The server checks it is this viewer's (or the room's), unexpired, not used or held by another
 * open order, that the subtotal meets its minimum spend and that an amount coupon is in the order's currency; then
 * the order holds it, in the same transaction, until it is paid (the coupon is then used for good) or cancelled or
 * expired (the coupon is free again).
 */
export const OrderCheckoutSchema = v.strictObject({
  t: v.literal('order.checkout'),
  id: CommandId,
  orderId: IdSchema,
  customer: CustomerSchema,
  couponId: v.optional(v.nullable(IdSchema)),
});
/** Adds the customer to a reserved order. */
export type OrderCheckout = v.InferOutput<typeof OrderCheckoutSchema>;

/**
 * Gives up the viewer's own reserved or pending order: units back to stock. Ack `data`: the {@link Order}, status
 * `cancelled` (a repeat answers the same). Errors: `not_found`, `forbidden`, `expired`, `conflict` (already paid).
 */
export const OrderCancelSchema = v.strictObject({
  t: v.literal('order.cancel'),
  id: CommandId,
  orderId: IdSchema,
});
/** Gives up a reserved or pending order. */
export type OrderCancel = v.InferOutput<typeof OrderCancelSchema>;

/** What the host asks for when starting a flash sale. */
export const FlashSaleRequestSchema = v.strictObject({
  variantId: IdSchema,
  /** Sale price of one unit, minor units. */
  price: MinorUnitsSchema,
  quota: v.pipe(v.number(), v.integer(), v.minValue(1, 'quota must be at least 1'), v.maxValue(MAX_FLASH_SALE_QUOTA)),
  perViewerLimit: v.pipe(v.number(), v.integer(), v.minValue(1, 'perViewerLimit must be at least 1'), v.maxValue(MAX_ORDER_QUANTITY)),
  /** Countdown length: the sale opens this many ms after the server receives the command (0: now). */
  startsInMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_FLASH_SALE_START_DELAY_MS)),
  /** How long the sale stays open once started, ms. */
  durationMs: v.pipe(v.number(), v.integer(), v.minValue(1_000, 'durationMs must be at least 1000'), v.maxValue(MAX_FLASH_SALE_DURATION_MS)),
});
/** What the host asks for when starting a flash sale. */
export type FlashSaleRequest = v.InferOutput<typeof FlashSaleRequestSchema>;

/**
 * Host only: schedules a flash sale (one scheduled or live sale per room at a time). Ack `data`: the
 * {@link FlashSale}. Errors: `forbidden`, `not_found` (variant), `conflict` (a sale is already scheduled or live).
 */
export const FlashSaleStartSchema = v.strictObject({
  t: v.literal('flashsale.start'),
  id: CommandId,
  sale: FlashSaleRequestSchema,
});
/** Host only: schedules a flash sale. */
export type FlashSaleStart = v.InferOutput<typeof FlashSaleStartSchema>;

/** Host only: ends a scheduled or live sale now. Ack `data`: the {@link FlashSale}, status `ended`. */
export const FlashSaleStopSchema = v.strictObject({
  t: v.literal('flashsale.stop'),
  id: CommandId,
  saleId: IdSchema,
});
/** Host only: ends a sale now. */
export type FlashSaleStop = v.InferOutput<typeof FlashSaleStopSchema>;

/** Statuses in which an order still holds units and may lapse. */
export const OPEN_ORDER_STATUSES = ['reserved', 'pending_payment'] as const satisfies readonly v.InferOutput<typeof OrderStatusSchema>[];

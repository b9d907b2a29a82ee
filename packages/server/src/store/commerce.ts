import type { Customer, FlashSale, Order, OrderStatus } from '@live-shop/protocol';

/** An order the domain wants to open: everything decided except whether stock, quota and limits allow it. */
export interface NewOrder {
  id: string;
  roomId: string;
  /** Who buys: the token subject (or the per-connection id of an anonymous viewer). */
  subject: string;
  variantId: string;
  quantity: number;
  /** Scoped to (room, subject): the same key from another viewer is another order. */
  idempotencyKey: string;
  /** Digest of the request body, to tell a retry from a different order reusing the key. */
  fingerprint: string;
  createdAt: number;
  /** `reserved` (order.reserve) or `pending_payment` (order.place: reserve + checkout in one step). */
  status: 'reserved' | 'pending_payment';
  /** When the hold lapses. */
  expiresAt: number;
  /** Required for `pending_payment`. */
  customer?: Customer;
  /** Buy through this flash sale (sale price, quota, per-viewer limit); absent: the regular price. */
  saleId?: string;
  /** Apply this coupon (checked against the order's subtotal and held by the order in the same transaction). */
  couponId?: string;
}

/** What happened to an attempt to open an order. Only `created` changed anything. */
export type ReserveResult =
  | { kind: 'created'; order: Order; available: number; sale: FlashSale | null }
  | { kind: 'replayed'; order: Order }
  | { kind: 'conflict' }
  | { kind: 'not_found' }
  | { kind: 'sold_out' }
  | { kind: 'insufficient_stock'; available: number }
  | { kind: 'limit_reached'; limit: number; owned: number }
  | { kind: 'sale_not_started' }
  | { kind: 'sale_ended' }
  /** The order's coupon cannot apply (see `checkOrderCoupon`); nothing was written. */
  | { kind: 'coupon_invalid'; message: string };

/** Who asks for an order change: the buyer (checked against the order's viewer) or the merchant/system. */
export type OrderActor = { kind: 'viewer'; subject: string } | { kind: 'merchant' } | { kind: 'system' };

/** What a status change did. Only `changed` wrote anything. */
export type TransitionResult =
  | {
      kind: 'changed';
      order: Order;
      /** Units left of the order's variant when the change moved stock (cancel, expire); else null. */
      available: number | null;
      /** The order's flash sale after the change when its `remaining` moved; else null. */
      sale: FlashSale | null;
    }
  /** The order already was in the asked state (a repeat): nothing written. */
  | { kind: 'unchanged'; order: Order }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  /** The order lapsed (now, or earlier): its units are back in stock. */
  | { kind: 'expired'; order: Order; available: number | null; sale: FlashSale | null }
  /** The state machine has no such edge (e.g. cancel a paid order). */
  | { kind: 'illegal'; from: OrderStatus; to: OrderStatus }
  /** Checkout only: the coupon asked for cannot apply; nothing was written (the order stays reserved). */
  | { kind: 'coupon_invalid'; message: string };

/** An order the sweeper expired: what to tell the room. */
export interface ExpiredOrder {
  order: Order;
  available: number;
  sale: FlashSale | null;
}

/** A payment result the merchant's backend reported for an order (already signature-checked). */
export interface PaymentEvent {
  /** The merchant's event id: the same id twice is one event. */
  id: string;
  type: 'payment.succeeded' | 'payment.failed';
  orderId: string;
  /** Amount paid, in minor units; must equal the order total. */
  amount: number;
  currency: string;
  receivedAt: number;
}

/** What a payment event did. Only `applied` changed anything. */
export type PaymentResult =
  | {
      kind: 'applied';
      order: Order;
      /** Units left of the order's variant after a failed payment returned its stock; else null. */
      restocked: number | null;
      /** The order's flash sale when a failed payment gave units back to its quota; else null. */
      sale?: FlashSale | null;
    }
  | { kind: 'duplicate'; order: Order }
  | { kind: 'conflict'; message: string }
  | { kind: 'not_found' }
  | { kind: 'mismatch'; message: string };

/** A flash sale the host asked for, validated, with its times fixed. */
export interface NewFlashSale {
  id: string;
  roomId: string;
  variantId: string;
  price: number;
  quota: number;
  perViewerLimit: number;
  startsAt: number;
  endsAt: number;
  createdAt: number;
}

/** What scheduling a flash sale did. */
export type CreateSaleResult = { kind: 'created'; sale: FlashSale } | { kind: 'not_found' } | { kind: 'conflict'; sale: FlashSale };

/** One variant's inventory buckets; stock + held + sold = initial. */
export interface Inventory {
  stock: number;
  held: number;
  sold: number;
  initial: number;
}

/** The order-and-inventory part of the {@link Store}: every method is one atomic transaction. */
export interface CommerceStore {
  /**
   * Opens an order atomically: idempotency key (per room and subject), variant, sale window and quota,
   * per-viewer limits (variant and sale, counted over the subject's reserved, pending, paid and fulfilled orders),
   * the coupon's terms (`coupon_invalid`), then moves the units from stock to held and holds the coupon. Never
   * leaves stock or a sale's remaining below zero, nor lets two orders of a buyer hold one coupon.
   */
  reserve(order: NewOrder): Promise<ReserveResult>;
  /** {@link reserve} for many attempts in one transaction, each atomic on its own, in the given order. */
  reserveMany(orders: readonly NewOrder[]): Promise<ReserveResult[]>;
  /** The order recorded under an idempotency key, with its fingerprint, or null. */
  findByIdempotencyKey(roomId: string, subject: string, key: string): Promise<{ order: Order; fingerprint: string } | null>;
  /**
   * `reserved` -> `pending_payment` with the customer (encrypted) and a new `expiresAt`. A repeat with the
   * same customer (and coupon) is `unchanged`. An order past its `expiresAt` is expired on the spot.
   *
   * `couponId`: undefined keeps the order's coupon, null removes it, an id applies that coupon instead (checked
   * and held in this transaction, the totals recomputed; `coupon_invalid` writes nothing).
   */
  checkout(orderId: string, subject: string, customer: Customer, at: number, expiresAt: number, couponId?: string | null): Promise<TransitionResult>;
  /**
   * Moves an order along the state machine (`cancelled`, `fulfilled`, `refunded`) with its stock effect and an
   * audit row, in one transaction. A viewer may only cancel their own order. Cancelling (and expiring, in
   * {@link expireDue} and on the spot) frees the order's coupon; a paid order keeps it used.
   */
  transition(orderId: string, to: 'cancelled' | 'fulfilled' | 'refunded', actor: OrderActor, at: number, reason: string): Promise<TransitionResult>;
  /** Expires at most `limit` open orders whose `expiresAt` <= `now`, returning their units; oldest first. */
  expireDue(now: number, limit: number): Promise<ExpiredOrder[]>;
  /** The order, or null. */
  getOrder(orderId: string): Promise<Order | null>;
  /** How many orders the room has. */
  countOrders(roomId: string): Promise<number>;
  /** A variant's inventory buckets, or null. */
  getInventory(variantId: string): Promise<Inventory | null>;
  /**
   * Applies a payment result once per event id, atomically: `payment.succeeded` moves a pending order to paid
   * (held -> sold); `payment.failed` cancels it and returns its units to stock. Every status change is recorded
   * in the order's audit trail.
   */
  applyPaymentEvent(event: PaymentEvent): Promise<PaymentResult>;
  /** Schedules a flash sale; `conflict` while another sale of the room is scheduled or live at `createdAt`. */
  createFlashSale(sale: NewFlashSale): Promise<CreateSaleResult>;
  /** The sale as of `now`, or null. */
  getFlashSale(saleId: string, now: number): Promise<FlashSale | null>;
  /** The room's live or next scheduled sale as of `now`, else its latest ended one, else null. */
  currentFlashSale(roomId: string, now: number): Promise<FlashSale | null>;
  /** Sales not ended as of `now` (any room), with their room: the server schedules their start and end events. */
  openFlashSales(now: number): Promise<{ roomId: string; sale: FlashSale }[]>;
  /** Ends a sale now (no-op if already ended); null when it does not exist. */
  stopFlashSale(saleId: string, at: number): Promise<FlashSale | null>;
  /** Per variant of the room, the `available` of its last `stock.changed` event (absent: never sent). */
  lastStockEvents(roomId: string): Promise<Map<string, number>>;
  /** Ids of every room. */
  listRoomIds(): Promise<string[]>;
}

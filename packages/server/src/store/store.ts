import type { Customer, Order, Pin, Product, RoomEvent, RoomEventBody, RoomInfo, Snapshot, Stock } from '@live-shop/protocol';

/** A room with its catalogue and starting stock, as the seed writes it. */
export interface RoomSeed {
  room: RoomInfo;
  products: readonly Product[];
  /** Starting units per variant id. Existing stock is never overwritten by a seed. */
  stock: Readonly<Stock>;
}

/** An order the domain wants to place, with everything decided except whether stock allows it. */
export interface NewOrder {
  id: string;
  roomId: string;
  variantId: string;
  quantity: number;
  customer: Customer;
  idempotencyKey: string;
  /** Digest of the request body, to tell a retry from a different order reusing the key. */
  fingerprint: string;
  createdAt: number;
}

/** What happened to an order attempt. Only `placed` changed anything. */
export type PlaceOrderResult =
  | { kind: 'placed'; order: Order; available: number }
  | { kind: 'replayed'; order: Order }
  | { kind: 'conflict' }
  | { kind: 'not_found' }
  | { kind: 'sold_out' }
  | { kind: 'insufficient_stock'; available: number };

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
    }
  | { kind: 'duplicate'; order: Order }
  | { kind: 'conflict'; message: string }
  | { kind: 'not_found' }
  | { kind: 'mismatch'; message: string };

/** Where a room's event log is: its epoch (a random id fixed when the log started) and its last seq. */
export interface LogPosition {
  epoch: string;
  seq: number;
}

/**
 * Durable state of rooms, catalogue, stock, orders and the room event log.
 *
 * Engine-neutral: every method is async even where SQLite answers synchronously, so a PostgreSQL
 * implementation fits the same shape. Each method is atomic on its own.
 */
export interface Store {
  /** Creates the room, products and variants that do not exist yet; existing rows are left alone. */
  seedRoom(seed: RoomSeed): Promise<void>;
  /** The room, or null. */
  getRoom(roomId: string): Promise<RoomInfo | null>;
  /** A product of the room, or null. */
  getProduct(roomId: string, productId: string): Promise<Product | null>;
  /** The room's products in catalogue order. */
  listProducts(roomId: string): Promise<Product[]>;
  /** The pinned product of the room, or null. */
  getPinned(roomId: string): Promise<Pin | null>;
  /** Units left of a variant, or null when it does not exist. */
  getVariantStock(variantId: string): Promise<number | null>;
  /** Units left per variant of the room. */
  getStock(roomId: string): Promise<Stock>;
  /** The whole room at one instant (one read transaction), or null when the room does not exist. */
  loadSnapshot(roomId: string, chatLimit: number): Promise<Snapshot | null>;
  /**
   * Gives the event the room's next seq, stores it and applies it to the room's state (the pin),
   * in one transaction. Throws `not_found` when the room does not exist.
   */
  appendEvent(roomId: string, at: number, body: RoomEventBody): Promise<RoomEvent>;
  /** The room log's epoch and last seq, or null when the room does not exist. */
  getLogPosition(roomId: string): Promise<LogPosition | null>;
  /** Events with seq greater than `afterSeq`, oldest first, at most `limit`. */
  eventsAfter(roomId: string, afterSeq: number, limit: number): Promise<RoomEvent[]>;
  /**
   * Places an order atomically: checks the idempotency key, reserves the stock only if enough is
   * left, writes the order and the key. Never leaves stock below zero.
   */
  placeOrder(order: NewOrder): Promise<PlaceOrderResult>;
  /** How many orders the room has. */
  countOrders(roomId: string): Promise<number>;
  /**
   * Applies a payment result once per event id, atomically: `payment.succeeded` moves a placed order to
   * paid; `payment.failed` cancels it and returns its units to stock. Every status change is recorded
   * in the order's audit trail.
   */
  applyPaymentEvent(event: PaymentEvent): Promise<PaymentResult>;
  /** Releases the database. Further calls fail. */
  close(): Promise<void>;
}

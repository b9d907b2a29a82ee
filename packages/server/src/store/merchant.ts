import type {
  CatalogImport,
  CatalogResult,
  ErasureReceipt,
  MerchantOrder,
  MerchantOrderPage,
  OrderStatus,
  StockUpdate,
} from '@live-shop/protocol';

/** Filter and page of a merchant order listing; orders come oldest first by `(createdAt, id)`. */
export interface MerchantOrderQuery {
  status?: OrderStatus;
  /** Only orders created at or after this server time (ms). */
  since?: number;
  limit: number;
  /** Keyset position: orders strictly after this `(createdAt, id)`. */
  after?: { createdAt: number; id: string };
}

/** What a stock update did: the units now sellable, or the variant ids the room does not have (nothing written). */
export type SetStockResult = { kind: 'set'; stock: Record<string, number> } | { kind: 'not_found'; variantIds: string[] };

/** One row of the order status history, the source of webhook events (the transactional outbox). */
export interface HistoryEntry {
  /** Position in the history; increases with every recorded change. */
  sequence: number;
  orderId: string;
  fromStatus: string | null;
  toStatus: string;
  at: number;
  reason: string;
}

/** A webhook event ready to be stored for delivery. */
export interface OutboxEvent {
  /** Stable id of the event: the same on every delivery attempt. */
  id: string;
  type: string;
  /** The exact JSON body to POST (signed afresh on every attempt). */
  body: string;
}

/** An order as webhooks carry it: no customer data. */
export type WebhookOrder = Omit<MerchantOrder, 'customer' | 'customerErased'>;

/** Turns a history entry and the order it belongs to into a webhook event (runs inside the store's transaction). */
export type OutboxBuilder = (entry: HistoryEntry, order: WebhookOrder) => OutboxEvent;

/** Where a webhook delivery is. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A webhook delivery and its log. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  sequence: number;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  /** Server ms of the next attempt while pending. */
  nextAttemptAt: number;
  /** HTTP status of the last attempt; null when it got no response (or none was made). */
  lastStatus: number | null;
  /** Why the last attempt failed (no personal data: a status line or a network error code). */
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

/** The result of one delivery attempt. */
export type AttemptOutcome =
  | { ok: true; status: number; at: number }
  | {
      ok: false;
      status: number | null;
      error: string;
      at: number;
      /** When to try again; null: the retry bound is reached, the delivery is `failed`. */
      retryAt: number | null;
    };

/**
 * The merchant side of the store: catalogue import, stock, the order listing with customer data,
 * delete-my-data, and the webhook outbox. Engine-neutral and async like {@link import('./store.js').Store}.
 */
export interface MerchantStore {
  /**
   * Upserts products and variants by id in one transaction, creating the room when it does not exist.
   * Throws `conflict` (nothing written) when an id belongs to another room or product.
   */
  importCatalog(roomId: string, catalog: CatalogImport, at: number): Promise<CatalogResult>;
  /** Sets sellable units, keeping stock + held + sold = initial by moving `initial`. All or nothing. */
  setStock(roomId: string, units: StockUpdate): Promise<SetStockResult>;
  /** A page of the room's orders with decrypted customer data. */
  listMerchantOrders(roomId: string, query: MerchantOrderQuery): Promise<MerchantOrderPage>;
  /**
   * Overwrites name, phone and address of every order of `viewerId` (amounts and status stay) and
   * records that it happened, without personal data. Returns how many orders were erased.
   */
  eraseCustomerData(viewerId: string, via: 'viewer' | 'merchant', at: number): Promise<ErasureReceipt>;
  /**
   * Moves up to `limit` new history entries into the outbox (built by `build`) and advances the cursor,
   * in one transaction: an entry is never skipped, and one seen twice is stored once. Returns how many.
   */
  enqueueWebhookEvents(limit: number, at: number, build: OutboxBuilder): Promise<number>;
  /**
   * Pending deliveries due at `now`, oldest first; each is leased until `now + leaseMs` so no other
   * worker takes it meanwhile (and it comes back if this process dies during the attempt).
   */
  claimWebhookDeliveries(now: number, limit: number, leaseMs: number): Promise<WebhookDelivery[]>;
  /** Records the outcome of one attempt. */
  recordWebhookAttempt(eventId: string, outcome: AttemptOutcome): Promise<void>;
  /** The delivery log, newest first. */
  listWebhookDeliveries(query: { status?: DeliveryStatus; limit: number }): Promise<WebhookDelivery[]>;
  /** Puts a failed (or delivered) delivery back in the queue, due at `at`. False when there is no such event. */
  requeueWebhookDelivery(eventId: string, at: number): Promise<boolean>;
}

/** Opaque keyset cursor of the order listing: `(createdAt, id)` of the last order of a page. */
export function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(`${createdAt}.${id}`, 'utf8').toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; null when it is not one. */
export function decodeCursor(cursor: string): { createdAt: number; id: string } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { createdAt: Number(match[1]), id: match[2] };
}

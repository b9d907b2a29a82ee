import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  CatalogImport,
  CatalogResult,
  ErasureReceipt,
  MerchantCustomer,
  MerchantOrderPage,
  StockUpdate,
} from '@live-shop/protocol';
import { LiveShopServerError } from '../../errors.js';
import type { FieldCipher } from '../../security/field-cipher.js';
import type {
  AttemptOutcome,
  DeliveryStatus,
  MerchantOrderQuery,
  MerchantStore,
  OutboxBuilder,
  SetStockResult,
  WebhookDelivery,
  WebhookOrder,
} from '../merchant.js';
import { encodeCursor } from '../merchant.js';
import { mediaColumn, toOrder, type OrderRow } from './rows.js';

/**
 * Migration 6: the webhook outbox (a cursor into `order_status_history` and the delivery log), the record
 * of delete-my-data requests (no personal data in it), and what the merchant's order listing needs.
 *
 * The cursor starts at the end of the history as it is when this runs: changes made before webhooks
 * existed are not sent.
 */
export const MERCHANT_MIGRATION_SQL = `
  CREATE TABLE webhook_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    history_seq INTEGER NOT NULL
  );
  INSERT INTO webhook_cursor (id, history_seq) SELECT 1, COALESCE(MAX(rowid), 0) FROM order_status_history;
  CREATE TABLE webhook_deliveries (
    event_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    history_seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE INDEX webhook_deliveries_seq ON webhook_deliveries (history_seq);
  CREATE TABLE privacy_erasures (
    id TEXT PRIMARY KEY,
    via TEXT NOT NULL CHECK (via IN ('viewer', 'merchant')),
    orders INTEGER NOT NULL,
    at INTEGER NOT NULL
  );
  ALTER TABLE orders ADD COLUMN customer_erased_at INTEGER;
  CREATE INDEX orders_room_created ON orders (room_id, created_at, id);
`;

/** The customer columns of `orders`, encrypted by the field cipher (AAD `orders.<column>:<order id>`). */
const CUSTOMER_COLUMNS = ['customer_name', 'customer_phone', 'customer_address'] as const;

interface MerchantOrderRow extends OrderRow {
  viewer_id: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  customer_address: string | null;
  customer_erased_at: number | null;
}

/** A history entry joined with its order, as the outbox reads it. */
interface HistoryRow extends MerchantOrderRow {
  seq: number;
  from_status: string | null;
  to_status: string;
  at: number;
  reason: string;
}

interface DeliveryRow {
  event_id: string;
  type: string;
  history_seq: number;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

/**
 * {@link MerchantStore} on better-sqlite3: catalogue import, stock, the merchant's order listing with
 * decrypted customer data, delete-my-data, and the webhook outbox fed by `order_status_history`.
 *
 * Every method is one synchronous SQLite transaction (BEGIN IMMEDIATE for writes).
 */
export class SqliteMerchantStore implements MerchantStore {
  readonly #db: Database.Database;
  readonly #cipher: FieldCipher;
  readonly #q;

  constructor(db: Database.Database, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
    // Freed bytes of rewritten rows are zeroed, so an erased (or superseded) ciphertext does not linger
    // in the free space of a page after delete-my-data.
    db.pragma('secure_delete = ON');
    this.#q = {
      room: db.prepare<[string], { id: string }>('SELECT id FROM rooms WHERE id = ?'),
      insertRoom: db.prepare<[string, string, string | null, number]>(
        `INSERT INTO rooms (id, title, status, hls, created_at, epoch)
         VALUES (?, ?, 'scheduled', ?, ?, lower(hex(randomblob(8))))`,
      ),
      product: db.prepare<[string], { room_id: string }>('SELECT room_id FROM products WHERE id = ?'),
      nextPosition: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM products WHERE room_id = ?'),
      insertProduct: db.prepare(
        `INSERT INTO products (id, room_id, name, description, image, currency, position, media)
         VALUES (@id, @roomId, @name, @description, @image, @currency, @position, @media)`,
      ),
      updateProduct: db.prepare(
        'UPDATE products SET name = @name, description = @description, image = @image, currency = @currency, media = @media WHERE id = @id',
      ),
      variant: db.prepare<[string], { product_id: string; stock: number }>('SELECT product_id, stock FROM variants WHERE id = ?'),
      variantInRoom: db.prepare<[string, string], { stock: number }>(
        'SELECT v.stock FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ? AND p.room_id = ?',
      ),
      insertVariant: db.prepare(
        `INSERT INTO variants (id, product_id, label, price, stock, initial, position, limit_per_viewer, compare_at_price, swatch, image)
         VALUES (@id, @productId, @label, @price, @stock, @stock, @position, @limit, @compareAtPrice, @swatch, @image)`,
      ),
      updateVariant: db.prepare(
        `UPDATE variants SET label = @label, price = @price, position = @position, limit_per_viewer = @limit,
           compare_at_price = @compareAtPrice, swatch = @swatch, image = @image WHERE id = @id`,
      ),
      // Moves `initial` with `stock`, so stock + held + sold = initial still holds (held and sold are never
      // touched here; the inventory triggers of migration 4 check it).
      setStock: db.prepare<{ id: string; stock: number }>('UPDATE variants SET initial = initial + (@stock - stock), stock = @stock WHERE id = @id'),
      orders: db.prepare<{ roomId: string; status: string | null; since: number; afterAt: number; afterId: string; limit: number }, MerchantOrderRow>(
        `SELECT * FROM orders
         WHERE room_id = @roomId
           AND (@status IS NULL OR status = @status)
           AND created_at >= @since
           AND (created_at, id) > (@afterAt, @afterId)
         ORDER BY created_at, id
         LIMIT @limit`,
      ),
      erase: db.prepare<[number, string]>(
        `UPDATE orders SET customer_name = NULL, customer_phone = NULL, customer_address = NULL, customer_erased_at = ?
         WHERE viewer_id = ? AND (customer_name IS NOT NULL OR customer_phone IS NOT NULL OR customer_address IS NOT NULL)`,
      ),
      // The idempotency fingerprint is a digest of name, phone and address: a phone number's digest can be
      // brute-forced, so it goes too (a retry of an erased order's key then answers `conflict`).
      forgetFingerprints: db.prepare<[string]>(
        "UPDATE idempotency_keys SET fingerprint = 'erased' WHERE order_id IN (SELECT id FROM orders WHERE viewer_id = ?)",
      ),
      recordErasure: db.prepare<[string, string, number, number]>('INSERT INTO privacy_erasures (id, via, orders, at) VALUES (?, ?, ?, ?)'),
      cursor: db.prepare<[], { history_seq: number }>('SELECT history_seq FROM webhook_cursor WHERE id = 1'),
      history: db.prepare<[number, number], HistoryRow>(
        `SELECT o.*, h.rowid AS seq, h.from_status, h.to_status, h.at, h.reason
         FROM order_status_history h JOIN orders o ON o.id = h.order_id
         WHERE h.rowid > ? ORDER BY h.rowid LIMIT ?`,
      ),
      enqueue: db.prepare<{ id: string; type: string; seq: number; body: string; at: number }>(
        `INSERT OR IGNORE INTO webhook_deliveries (event_id, type, history_seq, body, status, attempts, next_attempt_at, created_at)
         VALUES (@id, @type, @seq, @body, 'pending', 0, @at, @at)`,
      ),
      advance: db.prepare<[number]>('UPDATE webhook_cursor SET history_seq = ? WHERE id = 1'),
      due: db.prepare<[number, number], DeliveryRow>(
        `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
         ORDER BY next_attempt_at, history_seq LIMIT ?`,
      ),
      lease: db.prepare<[number, string]>('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE event_id = ?'),
      delivered: db.prepare<[number, number, string]>(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL,
           delivered_at = ? WHERE event_id = ?`,
      ),
      attemptFailed: db.prepare<[string, number | null, string, number, string]>(
        `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
           next_attempt_at = ? WHERE event_id = ?`,
      ),
      deliveries: db.prepare<{ status: string | null; limit: number }, DeliveryRow>(
        'SELECT * FROM webhook_deliveries WHERE (@status IS NULL OR status = @status) ORDER BY history_seq DESC LIMIT @limit',
      ),
      requeue: db.prepare<[number, string]>("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ? WHERE event_id = ?"),
    };
  }

  async importCatalog(roomId: string, catalog: CatalogImport, at: number): Promise<CatalogResult> {
    const q = this.#q;
    return this.#db
      .transaction((): CatalogResult => {
        const result: CatalogResult = {
          roomCreated: false,
          productsCreated: 0,
          productsUpdated: 0,
          variantsCreated: 0,
          variantsUpdated: 0,
          stock: {},
        };
        if (!q.room.get(roomId)) {
          q.insertRoom.run(roomId, catalog.room?.title ?? roomId, catalog.room?.hls ?? null, at);
          result.roomCreated = true;
        }
        let position = q.nextPosition.get(roomId)?.next ?? 0;
        for (const product of catalog.products) {
          const existing = q.product.get(product.id);
          const fields = {
            id: product.id,
            name: product.name,
            description: product.description,
            image: product.image,
            currency: product.currency,
            media: mediaColumn(product),
          };
          if (!existing) {
            q.insertProduct.run({ ...fields, roomId, position: position++ });
            result.productsCreated++;
          } else if (existing.room_id !== roomId) {
            throw new LiveShopServerError('conflict', `product "${product.id}" belongs to another room`);
          } else {
            q.updateProduct.run(fields);
            result.productsUpdated++;
          }
          product.variants.forEach((variant, index) => {
            const current = q.variant.get(variant.id);
            const row = {
              id: variant.id,
              label: variant.label,
              price: variant.price,
              position: index,
              limit: variant.limitPerViewer ?? null,
              compareAtPrice: variant.compareAtPrice ?? null,
              swatch: variant.swatch ?? null,
              image: variant.image ?? null,
            };
            if (!current) {
              const stock = variant.stock ?? 0;
              q.insertVariant.run({ ...row, productId: product.id, stock });
              result.variantsCreated++;
              result.stock[variant.id] = stock;
              return;
            }
            if (current.product_id !== product.id) {
              throw new LiveShopServerError('conflict', `variant "${variant.id}" belongs to product "${current.product_id}", not "${product.id}"`);
            }
            q.updateVariant.run(row);
            result.variantsUpdated++;
            if (variant.stock !== undefined && variant.stock !== current.stock) {
              q.setStock.run({ id: variant.id, stock: variant.stock });
              result.stock[variant.id] = variant.stock;
            }
          });
        }
        return result;
      })
      .immediate();
  }

  async setStock(roomId: string, units: StockUpdate): Promise<SetStockResult> {
    const q = this.#q;
    return this.#db
      .transaction((): SetStockResult => {
        const missing = Object.keys(units).filter((id) => !q.variantInRoom.get(id, roomId));
        if (missing.length > 0) return { kind: 'not_found', variantIds: missing };
        const stock: Record<string, number> = {};
        for (const [id, value] of Object.entries(units)) {
          if (q.variantInRoom.get(id, roomId)?.stock === value) continue;
          q.setStock.run({ id, stock: value });
          stock[id] = value;
        }
        return { kind: 'set', stock };
      })
      .immediate();
  }

  async listMerchantOrders(roomId: string, query: MerchantOrderQuery): Promise<MerchantOrderPage> {
    const rows = this.#q.orders.all({
      roomId,
      status: query.status ?? null,
      since: query.since ?? 0,
      afterAt: query.after?.createdAt ?? -1,
      afterId: query.after?.id ?? '',
      limit: query.limit + 1,
    });
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const last = page.at(-1);
    return {
      orders: page.map((row) => ({ ...this.#withoutCustomer(row), customer: this.#customer(row) })),
      nextCursor: more && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }

  /** The order as the merchant sees it, without decrypting anything (webhooks never carry customer data). */
  #withoutCustomer(row: MerchantOrderRow): WebhookOrder & { customerErased: boolean } {
    return { ...toOrder(row), viewerId: row.viewer_id, customerErased: row.customer_erased_at !== null };
  }

  #customer(row: MerchantOrderRow): MerchantCustomer | null {
    const [name, phone, address] = CUSTOMER_COLUMNS.map((column) => {
      const sealed = row[column];
      return sealed ? this.#cipher.decrypt(sealed, `orders.${column}:${row.id}`) : null;
    });
    return name && phone && address ? { name, phone, address } : null;
  }

  async eraseCustomerData(viewerId: string, via: 'viewer' | 'merchant', at: number): Promise<ErasureReceipt> {
    const q = this.#q;
    const receipt = this.#db
      .transaction((): ErasureReceipt => {
        const orders = q.erase.run(at, viewerId).changes;
        q.forgetFingerprints.run(viewerId);
        const id = `era_${randomBytes(12).toString('base64url')}`;
        q.recordErasure.run(id, via, orders, at);
        return { id, orders, at };
      })
      .immediate();
    this.#truncateWal();
    return receipt;
  }

  /**
   * Old page images in the WAL still hold erased ciphertext: copy the pages back and empty the WAL now
   * rather than at some later checkpoint. A reader of another process holding an old snapshot would make
   * the checkpoint wait; it waits at most 200 ms (not the connection's 5 s busy timeout, which would stall
   * the event loop), and when it cannot finish, SQLite's own checkpoints overwrite those frames later.
   */
  #truncateWal(): void {
    const db = this.#db;
    const previous = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 200');
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.pragma(`busy_timeout = ${Number(previous)}`);
    }
  }

  async enqueueWebhookEvents(limit: number, at: number, build: OutboxBuilder): Promise<number> {
    const q = this.#q;
    return this.#db
      .transaction((): number => {
        const rows = q.history.all(q.cursor.get()?.history_seq ?? 0, limit);
        for (const row of rows) {
          const { customerErased: _erased, ...order } = this.#withoutCustomer(row);
          const entry = { sequence: row.seq, orderId: row.id, fromStatus: row.from_status, toStatus: row.to_status, at: row.at, reason: row.reason };
          q.enqueue.run({ ...build(entry, order), seq: row.seq, at });
        }
        const last = rows.at(-1);
        if (last) q.advance.run(last.seq);
        return rows.length;
      })
      .immediate();
  }

  async claimWebhookDeliveries(now: number, limit: number, leaseMs: number): Promise<WebhookDelivery[]> {
    const q = this.#q;
    return this.#db
      .transaction((): WebhookDelivery[] => {
        const rows = q.due.all(now, limit);
        for (const row of rows) q.lease.run(now + leaseMs, row.event_id);
        return rows.map(toDelivery);
      })
      .immediate();
  }

  async recordWebhookAttempt(eventId: string, outcome: AttemptOutcome): Promise<void> {
    if (outcome.ok) {
      this.#q.delivered.run(outcome.status, outcome.at, eventId);
      return;
    }
    const status = outcome.retryAt === null ? 'failed' : 'pending';
    this.#q.attemptFailed.run(status, outcome.status, outcome.error.slice(0, 200), outcome.retryAt ?? outcome.at, eventId);
  }

  async listWebhookDeliveries(query: { status?: DeliveryStatus; limit: number }): Promise<WebhookDelivery[]> {
    return this.#q.deliveries.all({ status: query.status ?? null, limit: query.limit }).map(toDelivery);
  }

  async requeueWebhookDelivery(eventId: string, at: number): Promise<boolean> {
    return this.#q.requeue.run(at, eventId).changes === 1;
  }
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    eventId: row.event_id,
    type: row.type,
    sequence: row.history_seq,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

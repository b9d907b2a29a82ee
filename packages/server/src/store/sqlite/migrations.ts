import { MODERATION_MIGRATION_SQL } from './moderation.js';
import { ENGAGEMENT_MIGRATION_SQL } from './engagement.js';
import { MERCHANT_MIGRATION_SQL } from './merchant.js';
import { COMMERCE_MIGRATION_12, COMMERCE_MIGRATION_4, COMMERCE_MIGRATION_5 } from './commerce-migrations.js';

/** One schema step. Versions are applied in order, each once, inside a transaction. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The SQLite schema, as an append-only list: never edit a released step, add a new one.
 * Table and column names of `orders` and `variants` are read by the end-to-end test; keep them.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'rooms, catalogue, stock, orders, idempotency keys, room event log',
    sql: `
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'live', 'ended')),
        hls TEXT,
        seq INTEGER NOT NULL DEFAULT 0,
        pinned_product_id TEXT,
        pinned_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL REFERENCES rooms (id),
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        image TEXT NOT NULL,
        currency TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE INDEX products_room ON products (room_id, position);
      CREATE TABLE variants (
        id TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES products (id),
        label TEXT NOT NULL,
        price INTEGER NOT NULL CHECK (price >= 0),
        stock INTEGER NOT NULL CHECK (stock >= 0),
        position INTEGER NOT NULL
      );
      CREATE INDEX variants_product ON variants (product_id, position);
      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL REFERENCES rooms (id),
        product_id TEXT NOT NULL REFERENCES products (id),
        variant_id TEXT NOT NULL REFERENCES variants (id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        total INTEGER NOT NULL CHECK (total >= 0),
        currency TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('placed', 'paid', 'cancelled')),
        idempotency_key TEXT NOT NULL,
        customer_name TEXT NOT NULL,
        customer_phone TEXT NOT NULL,
        customer_address TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (room_id, idempotency_key)
      );
      CREATE TABLE idempotency_keys (
        room_id TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        order_id TEXT NOT NULL REFERENCES orders (id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (room_id, key)
      );
      CREATE TABLE room_events (
        room_id TEXT NOT NULL REFERENCES rooms (id),
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (room_id, seq)
      );
      CREATE INDEX room_events_type ON room_events (room_id, type, seq);
    `,
  },
  {
    version: 2,
    description: 'room log epoch: a random id per room log, so clients can tell a resumable log from a new one',
    // Rooms created from now on get their epoch in the INSERT; existing rooms get one here.
    sql: `
      ALTER TABLE rooms ADD COLUMN epoch TEXT;
      UPDATE rooms SET epoch = lower(hex(randomblob(8))) WHERE epoch IS NULL;
    `,
  },
  {
    version: 3,
    description: 'payment results from the merchant (deduplicated by event id) and the audit trail of order status',
    sql: `
      CREATE TABLE payment_events (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (id),
        type TEXT NOT NULL CHECK (type IN ('payment.succeeded', 'payment.failed')),
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE TABLE order_status_history (
        order_id TEXT NOT NULL REFERENCES orders (id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        at INTEGER NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX order_status_history_order ON order_status_history (order_id, at);
    `,
  },
  {
    version: 4,
    description: 'order state machine (reserved .. expired), per-viewer idempotency keys, variants held/sold/initial with the inventory invariant',
    sql: COMMERCE_MIGRATION_4,
  },
  {
    version: 5,
    description: 'flash sales: quota, per-viewer limit, schedule',
    sql: COMMERCE_MIGRATION_5,
  },
  {
    version: 6,
    description: 'merchant API: webhook outbox cursor and delivery log, delete-my-data records, order listing index',
    sql: MERCHANT_MIGRATION_SQL,
  },
  {
    version: 7,
    description: 'chat moderation: opaque author ids, mutes and bans, room blocked words, pinned message, questions',
    sql: MODERATION_MIGRATION_SQL,
  },
  {
    version: 8,
    description: 'engagement: polls and votes, lotteries and entrants, red-envelope rains and grabs, coupons and redemptions, countdowns',
    sql: ENGAGEMENT_MIGRATION_SQL,
  },
  {
    version: 9,
    description: "a room's own allowed origins (JSON array; NULL: the server-wide list)",
    sql: 'ALTER TABLE rooms ADD COLUMN allowed_origins TEXT;',
  },
  {
    version: 10,
    description: 'product media (pictures with srcset, 360° frames, 3D model) and variant sale price, swatch and picture',
    // Media is a list of URLs the card shows, never queried by: one JSON column. Variant fields are plain columns.
    sql: `
      ALTER TABLE products ADD COLUMN media TEXT;
      ALTER TABLE variants ADD COLUMN compare_at_price INTEGER CHECK (compare_at_price IS NULL OR compare_at_price >= 0);
      ALTER TABLE variants ADD COLUMN swatch TEXT;
      ALTER TABLE variants ADD COLUMN image TEXT;
    `,
  },
  {
    version: 11,
    description: "a room's own WHEP endpoint (an external media backend); NULL: the dev relay's while a host publishes",
    sql: 'ALTER TABLE rooms ADD COLUMN whep TEXT;',
  },
  {
    version: 12,
    description: 'coupons on orders: subtotal, discount and coupon per order (total = subtotal - discount); the order holds its coupon',
    sql: COMMERCE_MIGRATION_12,
  },
];

import { PAYMENT_TTL_MS } from '@live-shop/protocol';

const OPEN = `'reserved', 'pending_payment'`;
const STATUSES = `'reserved', 'pending_payment', 'paid', 'fulfilled', 'refunded', 'cancelled', 'expired'`;

/**
 * Migration 4: the order state machine and the inventory invariant.
 *
 * - `variants` gains `held` (units of reserved/pending orders), `sold` (paid, fulfilled, refunded) and an explicit
 *   `initial` (all units the merchant ever put on sale), so stock + held + sold = initial is checkable by SQL at
 *   any instant; triggers refuse any write that breaks it. An INSERT that leaves `initial` at its default 0 gets
 *   initial = stock + held + sold (so seeds and catalogue imports need not know the column); the merchant
 *   adding stock moves `stock` and `initial` together. Also `limit_per_viewer` (NULL: none).
 * - `orders` is rebuilt (SQLite cannot change a CHECK in place): statuses of the state machine, old 'placed' ->
 *   'pending_payment' with a fresh payment window, `viewer_id` (token subject; NULL for orders from before this
 *   step), `sale_id`, `unit_price`, `expires_at`, `updated_at`, customer columns nullable (a reserved order has
 *   none yet; they stay AES-GCM ciphertext bound to row and column).
 * - `idempotency_keys` is scoped per viewer: primary key (room, subject, key); old keys get subject ''.
 *
 * The tables that reference `orders` are rebuilt with it, because with foreign keys on (they are, and a
 * migration runs inside a transaction where that pragma cannot change) an `orders` table cannot be dropped while
 * rows refer to it: their rows are parked in plain copies, the tables dropped children first, then recreated
 * parent first and refilled.
 */
export const COMMERCE_MIGRATION_4 = `
  ALTER TABLE variants ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0);
  ALTER TABLE variants ADD COLUMN sold INTEGER NOT NULL DEFAULT 0 CHECK (sold >= 0);
  ALTER TABLE variants ADD COLUMN initial INTEGER NOT NULL DEFAULT 0 CHECK (initial >= 0);
  ALTER TABLE variants ADD COLUMN limit_per_viewer INTEGER CHECK (limit_per_viewer IS NULL OR limit_per_viewer >= 1);
  UPDATE variants SET
    held = (SELECT COALESCE(SUM(o.quantity), 0) FROM orders o WHERE o.variant_id = variants.id AND o.status = 'placed'),
    sold = (SELECT COALESCE(SUM(o.quantity), 0) FROM orders o WHERE o.variant_id = variants.id AND o.status = 'paid');
  UPDATE variants SET initial = stock + held + sold;
  CREATE TRIGGER variants_inventory_insert BEFORE INSERT ON variants
    WHEN NEW.initial <> 0 AND NEW.stock + NEW.held + NEW.sold <> NEW.initial
    BEGIN SELECT RAISE(ABORT, 'inventory invariant: stock + held + sold must equal initial'); END;
  CREATE TRIGGER variants_inventory_initial AFTER INSERT ON variants
    WHEN NEW.initial = 0
    BEGIN UPDATE variants SET initial = NEW.stock + NEW.held + NEW.sold WHERE id = NEW.id; END;
  CREATE TRIGGER variants_inventory_update BEFORE UPDATE OF stock, held, sold, initial ON variants
    WHEN NEW.stock + NEW.held + NEW.sold <> NEW.initial
    BEGIN SELECT RAISE(ABORT, 'inventory invariant: stock + held + sold must equal initial'); END;

  CREATE TABLE commerce_v4_orders AS SELECT * FROM orders;
  CREATE TABLE commerce_v4_keys AS SELECT * FROM idempotency_keys;
  CREATE TABLE commerce_v4_payments AS SELECT * FROM payment_events;
  CREATE TABLE commerce_v4_history AS SELECT rowid AS old_rowid, * FROM order_status_history;
  DROP TABLE order_status_history;
  DROP TABLE payment_events;
  DROP TABLE idempotency_keys;
  DROP TABLE orders;

  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    product_id TEXT NOT NULL REFERENCES products (id),
    variant_id TEXT NOT NULL REFERENCES variants (id),
    viewer_id TEXT,
    sale_id TEXT,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    total INTEGER NOT NULL CHECK (total >= 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN (${STATUSES})),
    expires_at INTEGER,
    idempotency_key TEXT NOT NULL,
    customer_name TEXT,
    customer_phone TEXT,
    customer_address TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((status IN (${OPEN})) = (expires_at IS NOT NULL))
  );
  INSERT INTO orders (id, room_id, product_id, variant_id, viewer_id, sale_id, quantity, unit_price, total, currency, status,
      expires_at, idempotency_key, customer_name, customer_phone, customer_address, created_at, updated_at)
    SELECT id, room_id, product_id, variant_id, NULL, NULL, quantity, total / quantity, total, currency,
      CASE status WHEN 'placed' THEN 'pending_payment' ELSE status END,
      CASE status WHEN 'placed' THEN CAST(strftime('%s', 'now') AS INTEGER) * 1000 + ${PAYMENT_TTL_MS} ELSE NULL END,
      idempotency_key, customer_name, customer_phone, customer_address, created_at, created_at
    FROM commerce_v4_orders;
  CREATE UNIQUE INDEX orders_idempotency ON orders (room_id, viewer_id, idempotency_key);
  CREATE INDEX orders_expiry ON orders (expires_at) WHERE expires_at IS NOT NULL;
  CREATE INDEX orders_viewer_variant ON orders (viewer_id, variant_id);
  CREATE INDEX orders_sale_viewer ON orders (sale_id, viewer_id) WHERE sale_id IS NOT NULL;

  CREATE TABLE idempotency_keys (
    room_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES orders (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (room_id, subject, key)
  );
  CREATE INDEX idempotency_keys_order ON idempotency_keys (order_id);
  INSERT INTO idempotency_keys (room_id, subject, key, fingerprint, order_id, created_at)
    SELECT room_id, '', key, fingerprint, order_id, created_at FROM commerce_v4_keys;

  CREATE TABLE payment_events (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders (id),
    type TEXT NOT NULL CHECK (type IN ('payment.succeeded', 'payment.failed')),
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    received_at INTEGER NOT NULL
  );
  INSERT INTO payment_events SELECT id, order_id, type, amount, currency, received_at FROM commerce_v4_payments;

  CREATE TABLE order_status_history (
    order_id TEXT NOT NULL REFERENCES orders (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    at INTEGER NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX order_status_history_order ON order_status_history (order_id, at);
  -- Same rowids, so anything that keeps a cursor over the trail (webhooks) stays valid.
  INSERT INTO order_status_history (rowid, order_id, from_status, to_status, at, reason)
    SELECT old_rowid, order_id, from_status, to_status, at, reason FROM commerce_v4_history ORDER BY old_rowid;
  INSERT INTO order_status_history (order_id, from_status, to_status, at, reason)
    SELECT id, 'placed', 'pending_payment', CAST(strftime('%s', 'now') AS INTEGER) * 1000, 'migration 4: placed is now pending_payment'
    FROM commerce_v4_orders WHERE status = 'placed';

  DROP TABLE commerce_v4_history;
  DROP TABLE commerce_v4_payments;
  DROP TABLE commerce_v4_keys;
  DROP TABLE commerce_v4_orders;
`;

/**
 * Migration 5: flash sales. `taken` counts the units held or sold through the sale (a cancelled or expired
 * order gives them back), guarded by a CHECK so the quota cannot be exceeded even by a faulty caller.
 * A sale's status is derived from the clock: scheduled before `starts_at`, live until `ends_at` or
 * `stopped_at`, ended after.
 */
export const COMMERCE_MIGRATION_5 = `
  CREATE TABLE flash_sales (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    product_id TEXT NOT NULL REFERENCES products (id),
    variant_id TEXT NOT NULL REFERENCES variants (id),
    price INTEGER NOT NULL CHECK (price >= 0),
    original_price INTEGER NOT NULL CHECK (original_price >= 0),
    quota INTEGER NOT NULL CHECK (quota > 0),
    taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= quota),
    per_viewer_limit INTEGER NOT NULL CHECK (per_viewer_limit > 0),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
    stopped_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX flash_sales_room ON flash_sales (room_id, starts_at);
`;

/**
 * Migration 12: coupons on orders.
 *
 * - `orders` gains `subtotal` (units × unit price), `discount` (what its coupon took off) and `coupon_id`; rows from
 *   before get subtotal = total and no discount. Triggers refuse a row where total <> subtotal − discount.
 * - A coupon an order applies is held through a `coupon_redemptions` row (primary key coupon + buyer, from
 *   migration 8) written in the same transaction as the order: the key lets one open or paid order of a buyer hold
 *   a coupon, whoever asks concurrently. Cancelling or expiring the order deletes the row (the index on `order_id`
 *   finds it); paying keeps it for good.
 */
export const COMMERCE_MIGRATION_12 = `
  ALTER TABLE orders ADD COLUMN subtotal INTEGER NOT NULL DEFAULT 0 CHECK (subtotal >= 0);
  ALTER TABLE orders ADD COLUMN discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0);
  ALTER TABLE orders ADD COLUMN coupon_id TEXT REFERENCES coupons (id);
  UPDATE orders SET subtotal = total;
  CREATE TRIGGER orders_totals_insert BEFORE INSERT ON orders
    WHEN NEW.total <> NEW.subtotal - NEW.discount
    BEGIN SELECT RAISE(ABORT, 'order totals: total must equal subtotal - discount'); END;
  CREATE TRIGGER orders_totals_update BEFORE UPDATE OF total, subtotal, discount ON orders
    WHEN NEW.total <> NEW.subtotal - NEW.discount
    BEGIN SELECT RAISE(ABORT, 'order totals: total must equal subtotal - discount'); END;
  CREATE INDEX coupon_redemptions_order ON coupon_redemptions (order_id);
`;

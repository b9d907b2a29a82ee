import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import { openDatabase } from '../store/sqlite/open.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { FieldCipher, generateDataKey } from '../security/field-cipher.js';
import { seed } from '../demo/seed.js';
import { tempDir } from '../test/helpers.js';

const cipher = new FieldCipher([generateDataKey('test')]);

describe('migration 4: orders from before the state machine', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
  });
  after(() => removeDir());

  it('maps placed to pending_payment, fills held/sold/initial, keeps keys, payments and the trail', async () => {
    // A database as the released steps 1-3 left it, with a placed and a paid order.
    const old = openDatabase(dir, MIGRATIONS.filter((m) => m.version <= 3));
    old.exec(`
      INSERT INTO rooms (id, title, status, hls, created_at, epoch) VALUES ('r', 'Room', 'live', NULL, 1, 'abcdefgh');
      INSERT INTO products (id, room_id, name, description, image, currency, position) VALUES ('p', 'r', 'P', '', '', 'CNY', 0);
      INSERT INTO variants (id, product_id, label, price, stock, position) VALUES ('v', 'p', 'V', 100, 7, 0);
      INSERT INTO orders (id, room_id, product_id, variant_id, quantity, total, currency, status, idempotency_key,
        customer_name, customer_phone, customer_address, created_at)
        VALUES ('o1', 'r', 'p', 'v', 2, 200, 'CNY', 'placed', 'key-one-1', 'n', 'p', 'a', 10),
               ('o2', 'r', 'p', 'v', 1, 100, 'CNY', 'paid', 'key-two-2', 'n', 'p', 'a', 11);
      INSERT INTO idempotency_keys (room_id, key, fingerprint, order_id, created_at) VALUES ('r', 'key-one-1', 'f1', 'o1', 10), ('r', 'key-two-2', 'f2', 'o2', 11);
      INSERT INTO payment_events (id, order_id, type, amount, currency, received_at) VALUES ('evt', 'o2', 'payment.succeeded', 100, 'CNY', 12);
      INSERT INTO order_status_history (order_id, from_status, to_status, at, reason) VALUES
        ('o1', NULL, 'placed', 10, 'order placed'), ('o2', NULL, 'placed', 11, 'order placed'), ('o2', 'placed', 'paid', 12, 'payment');
    `);
    old.close();

    const before = Date.now();
    const db = openDatabase(dir);
    try {
      const orders = db.prepare('SELECT id, status, viewer_id, unit_price, expires_at, sale_id FROM orders ORDER BY id').all() as {
        id: string; status: string; viewer_id: null; unit_price: number; expires_at: number | null; sale_id: null;
      }[];
      assert.equal(orders[0]?.status, 'pending_payment');
      assert.ok(orders[0]!.expires_at! >= before, 'a migrated pending order gets a fresh payment window');
      assert.deepEqual(orders[1], { id: 'o2', status: 'paid', viewer_id: null, unit_price: 100, expires_at: null, sale_id: null });
      assert.deepEqual(db.prepare("SELECT stock, held, sold, initial FROM variants WHERE id = 'v'").get(), { stock: 7, held: 2, sold: 1, initial: 10 });
      assert.deepEqual(db.prepare('SELECT subject, key, order_id FROM idempotency_keys ORDER BY key').all(), [
        { subject: '', key: 'key-one-1', order_id: 'o1' },
        { subject: '', key: 'key-two-2', order_id: 'o2' },
      ]);
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM payment_events').get() as { n: number }).n, 1);
      const trail = db.prepare("SELECT rowid, from_status, to_status FROM order_status_history WHERE order_id = 'o1' ORDER BY rowid").all();
      assert.deepEqual(trail, [
        { rowid: 1, from_status: null, to_status: 'placed' },
        { rowid: 4, from_status: 'placed', to_status: 'pending_payment' },
      ]);
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      // The invariant is enforced by the database itself.
      assert.throws(() => db.prepare("UPDATE variants SET stock = stock - 1 WHERE id = 'v'").run(), /inventory invariant/);
      assert.throws(() => db.prepare("INSERT INTO variants (id, product_id, label, price, stock, position, initial) VALUES ('w', 'p', 'W', 1, 5, 1, 9)").run(), /inventory invariant/);
      db.prepare("INSERT INTO variants (id, product_id, label, price, stock, position) VALUES ('x', 'p', 'X', 1, 5, 2)").run();
      assert.deepEqual(db.prepare("SELECT stock, held, sold, initial FROM variants WHERE id = 'x'").get(), { stock: 5, held: 0, sold: 0, initial: 5 });
      assert.throws(() => db.prepare("UPDATE orders SET status = 'placed' WHERE id = 'o2'").run(), /CHECK/);
    } finally {
      db.close();
    }
  });

  it('seeds a fresh database with initial = stock', async () => {
    const store = openSqliteStore(join(dir, 'fresh'), cipher);
    try {
      await seed(store, 'demo');
      const inventory = await store.getInventory('tea-set-4');
      assert.ok(inventory && inventory.stock > 0);
      assert.deepEqual(inventory, { stock: inventory.stock, held: 0, sold: 0, initial: inventory.stock });
    } finally {
      await store.close();
    }
  });
});

describe('migration 12: coupons on orders', () => {
  it('gives orders from before subtotal = total and no discount, and refuses totals that do not add up', async () => {
    const { dir, remove } = await tempDir();
    try {
      const old = openDatabase(dir, MIGRATIONS.filter((m) => m.version <= 11));
      old.exec(`
        INSERT INTO rooms (id, title, status, hls, created_at, epoch) VALUES ('r', 'Room', 'live', NULL, 1, 'abcdefgh');
        INSERT INTO products (id, room_id, name, description, image, currency, position) VALUES ('p', 'r', 'P', '', '', 'CNY', 0);
        INSERT INTO variants (id, product_id, label, price, stock, position) VALUES ('v', 'p', 'V', 100, 7, 0);
        INSERT INTO orders (id, room_id, product_id, variant_id, quantity, unit_price, total, currency, status, idempotency_key, created_at, updated_at)
          VALUES ('o1', 'r', 'p', 'v', 3, 100, 300, 'CNY', 'paid', 'key-one-1', 10, 10);
      `);
      old.close();
      const db = openDatabase(dir);
      try {
        assert.deepEqual(db.prepare("SELECT subtotal, discount, total, coupon_id FROM orders WHERE id = 'o1'").get(), { subtotal: 300, discount: 0, total: 300, coupon_id: null });
        assert.throws(() => db.prepare("UPDATE orders SET discount = 50 WHERE id = 'o1'").run(), /total must equal subtotal - discount/);
        db.prepare("UPDATE orders SET discount = 50, total = 250 WHERE id = 'o1'").run();
      } finally {
        db.close();
      }
    } finally {
      await remove();
    }
  });
});

import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseOrder, type Order, type ServerFrame } from '@live-shop/protocol';
import type { TestClient as Client } from '../test/helpers.js';

// Short windows so expiry can be watched: set before the server reads them.
process.env['LIVE_SHOP_RESERVATION_TTL_MS'] = '1500';
process.env['LIVE_SHOP_PAYMENT_TTL_MS'] = '2500';
process.env['LIVE_SHOP_SWEEP_INTERVAL_MS'] = '100';

const { signToken } = await import('../auth/tokens.js');
const { DATABASE_FILE } = await import('../store/sqlite/open.js');
const { nextId, startServer, tempDir, TEST_SECRET, TestClient } = await import('../test/helpers.js');
type Server = Awaited<ReturnType<typeof startServer>>;

const customer = { name: '李四', phone: '+86 139 0000 0000', address: '杭州市西湖区文三路 2 号' };

describe('reservations, checkout, cancel and expiry over the websocket', () => {
  let server: Server;
  let dir: string;
  let removeDir: () => Promise<void>;
  const clients: Client[] = [];

  const as = async (sub: string) => {
    const token = await signToken(TEST_SECRET, { role: 'viewer', room: 'demo', sub });
    const { client } = await TestClient.join(server, { token });
    clients.push(client);
    return client;
  };
  const db = <T>(read: (db: Database.Database) => T, readonly = true): T => {
    const handle = new Database(join(dir, DATABASE_FILE), { readonly });
    try {
      return read(handle);
    } finally {
      handle.close();
    }
  };
  const inventory = (variantId: string) =>
    db((d) => d.prepare('SELECT stock, held, sold, initial FROM variants WHERE id = ?').get(variantId) as { stock: number; held: number; sold: number; initial: number });
  const ok = (frame: ServerFrame): Order => {
    assert.ok(frame.t === 'ack' && frame.ok, JSON.stringify(frame));
    const parsed = parseOrder(frame.data);
    assert.ok(parsed.ok, 'ack data is an Order');
    return parsed.value;
  };
  const code = (frame: ServerFrame) => (frame.t === 'ack' && !frame.ok ? frame.error?.code : `ok:${JSON.stringify(frame)}`);
  const key = () => `key-${nextId()}-${Math.random().toString(36).slice(2, 10)}`;

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    server = await startServer({ dataDir: dir });
  });
  afterEach(() => {
    const broken = db((d) => d.prepare('SELECT id FROM variants WHERE stock + held + sold <> initial OR stock < 0 OR held < 0 OR sold < 0').all());
    assert.deepEqual(broken, [], 'stock + held + sold = initial for every variant');
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.close();
    await removeDir?.();
  });

  it('reserves, checks out and cancels: stock, held and the audit trail move together', async () => {
    const buyer = await as('viewer-a');
    const start = inventory('tea-set-6');
    const reserved = ok(await buyer.request({ t: 'order.reserve', reserve: { variantId: 'tea-set-6', quantity: 2, idempotencyKey: key() } }));
    assert.equal(reserved.status, 'reserved');
    assert.equal(reserved.unitPrice, 72800);
    assert.equal(reserved.total, 2 * 72800);
    assert.ok(reserved.expiresAt !== null && reserved.expiresAt > reserved.createdAt && reserved.expiresAt <= reserved.createdAt + 1500);
    assert.deepEqual(inventory('tea-set-6'), { ...start, stock: start.stock - 2, held: start.held + 2 });
    await buyer.waitFor((f) => f.t === 'stock.changed' && f.variantId === 'tea-set-6' && f.available === start.stock - 2, 'stock.changed after reserve');

    const pending = ok(await buyer.request({ t: 'order.checkout', orderId: reserved.id, customer }));
    assert.equal(pending.status, 'pending_payment');
    assert.ok(pending.expiresAt !== null && pending.expiresAt > reserved.expiresAt!, 'the payment window replaces the hold');
    const again = ok(await buyer.request({ t: 'order.checkout', orderId: reserved.id, customer }));
    assert.deepEqual(again, pending, 'a repeated checkout answers the same order');
    assert.equal(code(await buyer.request({ t: 'order.checkout', orderId: reserved.id, customer: { ...customer, name: '王五' } })), 'conflict');

    const cancelled = ok(await buyer.request({ t: 'order.cancel', orderId: reserved.id }));
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.expiresAt, null);
    assert.deepEqual(inventory('tea-set-6'), start);
    await buyer.waitFor((f) => f.t === 'stock.changed' && f.variantId === 'tea-set-6' && f.available === start.stock, 'stock.changed after cancel');
    const trail = db((d) => d.prepare('SELECT from_status, to_status FROM order_status_history WHERE order_id = ? ORDER BY rowid').all(reserved.id));
    assert.deepEqual(trail, [
      { from_status: null, to_status: 'reserved' },
      { from_status: 'reserved', to_status: 'pending_payment' },
      { from_status: 'pending_payment', to_status: 'cancelled' },
    ]);
    // The customer is stored, and only as ciphertext.
    const row = db((d) => d.prepare('SELECT customer_name, customer_phone, customer_address FROM orders WHERE id = ?').get(reserved.id)) as Record<string, string>;
    for (const value of Object.values(row)) assert.match(value, /^v1\./);
    assert.equal(code(await buyer.request({ t: 'order.checkout', orderId: reserved.id, customer })), 'conflict', 'a cancelled order cannot be checked out');
  });

  it('returns the units of a hold nobody checks out when its TTL runs out, and tells the room', async () => {
    const buyer = await as('viewer-b');
    const watcher = await as('watcher-b');
    const start = inventory('velvet-lipstick-520');
    const order = ok(await buyer.request({ t: 'order.reserve', reserve: { variantId: 'velvet-lipstick-520', quantity: 3, idempotencyKey: key() } }));
    assert.equal(inventory('velvet-lipstick-520').held, start.held + 3);
    await watcher.waitFor(
      (f) => f.t === 'stock.changed' && f.variantId === 'velvet-lipstick-520' && f.available === start.stock && f.seq > 0 && Date.now() >= order.expiresAt!,
      'stock back after expiry',
      6000,
    );
    assert.deepEqual(inventory('velvet-lipstick-520'), start);
    const status = db((d) => (d.prepare('SELECT status, expires_at FROM orders WHERE id = ?').get(order.id) as { status: string; expires_at: number | null }));
    assert.deepEqual(status, { status: 'expired', expires_at: null });
    assert.equal(code(await buyer.request({ t: 'order.checkout', orderId: order.id, customer })), 'expired');
    assert.equal(code(await buyer.request({ t: 'order.cancel', orderId: order.id })), 'expired');
  });

  it('refuses a payment for an order whose payment window ran out (the merchant refunds), leaving stock alone', async () => {
    const buyer = await as('viewer-late-payer');
    const start = inventory('silk-scarf-peony');
    const order = ok(await buyer.request({ t: 'order.place', order: { variantId: 'silk-scarf-peony', quantity: 1, customer, idempotencyKey: key() } }));
    assert.equal(order.status, 'pending_payment');
    await buyer.waitFor((f) => f.t === 'stock.changed' && f.variantId === 'silk-scarf-peony' && f.available === start.stock && Date.now() >= order.expiresAt!, 'expired', 8000);
    const late = await server.store.applyPaymentEvent({ id: `evt-late-${nextId()}`, type: 'payment.succeeded', orderId: order.id, amount: order.total, currency: order.currency, receivedAt: Date.now() });
    assert.equal(late.kind, 'conflict');
    assert.match(late.kind === 'conflict' ? late.message : '', /expired.*refund/);
    assert.deepEqual(inventory('silk-scarf-peony'), start);
    assert.equal((await server.store.getOrder(order.id))?.status, 'expired');
  });

  it('lets only the buyer check out or cancel an order', async () => {
    const buyer = await as('viewer-c');
    const other = await as('viewer-c-other');
    const order = ok(await buyer.request({ t: 'order.reserve', reserve: { variantId: 'silk-scarf-wave', quantity: 1, idempotencyKey: key() } }));
    assert.equal(code(await other.request({ t: 'order.checkout', orderId: order.id, customer })), 'forbidden');
    assert.equal(code(await other.request({ t: 'order.cancel', orderId: order.id })), 'forbidden');
    assert.equal(code(await other.request({ t: 'order.cancel', orderId: 'ord_missing' })), 'not_found');
    ok(await buyer.request({ t: 'order.cancel', orderId: order.id }));
  });

  it('keeps one viewer within the variant limit when 12 reserves race over 2 sockets', async () => {
    db((d) => d.prepare("UPDATE variants SET limit_per_viewer = 3 WHERE id = 'canvas-sneakers-43'").run(), false);
    const first = await as('limited');
    const second = await as('limited');
    const frames = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? first : second).request({ t: 'order.reserve', reserve: { variantId: 'canvas-sneakers-43', quantity: 1, idempotencyKey: key() } })),
    );
    const won = frames.filter((f) => f.t === 'ack' && f.ok);
    assert.equal(won.length, 3);
    assert.deepEqual([...new Set(frames.filter((f) => f.t === 'ack' && !f.ok).map(code))], ['limit_reached']);
    const owned = db((d) => d.prepare("SELECT SUM(quantity) AS n FROM orders WHERE viewer_id = 'limited' AND variant_id = 'canvas-sneakers-43' AND status IN ('reserved', 'pending_payment', 'paid', 'fulfilled')").get()) as { n: number };
    assert.equal(owned.n, 3);
    // Another viewer is not affected, and a cancel gives the allowance back.
    const other = await as('unlimited');
    ok(await other.request({ t: 'order.reserve', reserve: { variantId: 'canvas-sneakers-43', quantity: 2, idempotencyKey: key() } }));
    ok(await first.request({ t: 'order.cancel', orderId: ok(won[0]!).id }));
    ok(await second.request({ t: 'order.reserve', reserve: { variantId: 'canvas-sneakers-43', quantity: 1, idempotencyKey: key() } }));
    assert.equal(code(await second.request({ t: 'order.reserve', reserve: { variantId: 'canvas-sneakers-43', quantity: 1, idempotencyKey: key() } })), 'limit_reached');
    // Direct purchases count too.
    assert.equal(code(await first.request({ t: 'order.place', order: { variantId: 'canvas-sneakers-43', quantity: 1, customer, idempotencyKey: key() } })), 'limit_reached');
  });

  it('answers the same key sent on two sockets at once with one order and identical acks', async () => {
    const left = await as('twin');
    const right = await as('twin');
    const stranger = await as('not-twin');
    const ordersBefore = await server.store.countOrders('demo');
    for (let round = 0; round < 4; round++) {
      const reserve = { variantId: 'wool-coat-m-black', quantity: 1, idempotencyKey: key() };
      const ids = [`l${round}-${nextId()}`, `r${round}-${nextId()}`];
      left.send({ t: 'order.reserve', id: ids[0], reserve });
      right.send({ t: 'order.reserve', id: ids[1], reserve });
      const [a, b] = await Promise.all([
        left.waitFor((f) => f.t === 'ack' && f.id === ids[0], 'left ack'),
        right.waitFor((f) => f.t === 'ack' && f.id === ids[1], 'right ack'),
      ]);
      assert.deepEqual(ok(a), ok(b));
      // The same key from another viewer is another order (keys are scoped per viewer).
      assert.notEqual(ok(await stranger.request({ t: 'order.reserve', reserve })).id, ok(a).id);
      assert.equal(code(await left.request({ t: 'order.reserve', reserve: { ...reserve, quantity: 2 } })), 'conflict');
    }
    assert.equal(await server.store.countOrders('demo'), ordersBefore + 8);
    const orphans = db((d) => d.prepare('SELECT COUNT(*) AS n FROM orders o LEFT JOIN idempotency_keys k ON k.order_id = o.id WHERE k.order_id IS NULL').get()) as { n: number };
    assert.equal(orphans.n, 0, 'every order has its idempotency record');
  });

  it('moves paid units to sold and refuses illegal changes with conflict', async () => {
    const buyer = await as('payer');
    const start = inventory('tea-set-4');
    const order = ok(await buyer.request({ t: 'order.place', order: { variantId: 'tea-set-4', quantity: 2, customer, idempotencyKey: key() } }));
    assert.equal(order.status, 'pending_payment');
    const paid = await server.store.applyPaymentEvent({ id: `evt-${nextId()}`, type: 'payment.succeeded', orderId: order.id, amount: order.total, currency: order.currency, receivedAt: Date.now() });
    assert.equal(paid.kind, 'applied');
    assert.deepEqual(inventory('tea-set-4'), { ...start, stock: start.stock - 2, sold: start.sold + 2 });
    assert.equal(code(await buyer.request({ t: 'order.cancel', orderId: order.id })), 'conflict');
    const at = Date.now();
    const fulfilled = await server.store.transition(order.id, 'fulfilled', { kind: 'merchant' }, at, 'shipped');
    assert.equal(fulfilled.kind === 'changed' && fulfilled.order.status, 'fulfilled');
    assert.deepEqual(await server.store.transition(order.id, 'cancelled', { kind: 'merchant' }, at, 'too late'), { kind: 'illegal', from: 'fulfilled', to: 'cancelled' });
    const refunded = await server.store.transition(order.id, 'refunded', { kind: 'merchant' }, at, 'returned');
    assert.equal(refunded.kind === 'changed' && refunded.order.status, 'refunded');
    assert.equal((await server.store.transition(order.id, 'refunded', { kind: 'merchant' }, at, 'again')).kind, 'unchanged');
    // Refunded units stay sold: the merchant restocks explicitly.
    assert.deepEqual(inventory('tea-set-4'), { ...start, stock: start.stock - 2, sold: start.sold + 2 });
    const trail = db((d) => d.prepare('SELECT to_status FROM order_status_history WHERE order_id = ? ORDER BY rowid').all(order.id)).map((r) => (r as { to_status: string }).to_status);
    assert.deepEqual(trail, ['pending_payment', 'paid', 'fulfilled', 'refunded']);
  });
});

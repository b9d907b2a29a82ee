import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Order } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { signBody } from '../security/hmac-signature.js';
import { DATABASE_FILE } from '../store/sqlite/open.js';
import { orderRequest, startServer, tempDir, TestClient } from '../test/helpers.js';

const MERCHANT_SECRET = 'whsec_payments_test_0123456789';

describe('POST /api/payments: signed payment results from the merchant', () => {
  let server: LiveShopServer;
  let dir: string;
  let removeDir: () => Promise<void>;
  let buyer: TestClient;

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    server = await startServer({ dataDir: dir, merchantSecret: MERCHANT_SECRET });
    ({ client: buyer } = await TestClient.join(server));
  });

  after(async () => {
    await buyer?.close();
    await server?.close();
    await removeDir?.();
  });

  async function placeOrder(variantId = 'tea-set-4', quantity = 1): Promise<Order> {
    const ack = await buyer.request({ t: 'order.place', order: orderRequest(variantId, { quantity }) });
    assert.ok(ack.t === 'ack' && ack.ok, JSON.stringify(ack));
    return ack.data as Order;
  }

  function post(body: string, signature: string | null, contentType = 'application/json') {
    return fetch(`${server.url}/api/payments`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...(signature === null ? {} : { 'live-shop-signature': signature }) },
      body,
    });
  }

  function readDb<T>(read: (db: Database.Database) => T): T {
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  const statusOf = (orderId: string) =>
    readDb((db) => (db.prepare('SELECT status FROM orders WHERE id = ?').get(orderId) as { status: string }).status);

  it('marks the order paid, once, and keeps the audit trail', async () => {
    const order = await placeOrder();
    const body = JSON.stringify({ id: 'evt_paid_1', type: 'payment.succeeded', orderId: order.id, amount: order.total, currency: order.currency });
    const response = await post(body, signBody(MERCHANT_SECRET, body));
    assert.equal(response.status, 200);
    const answer = (await response.json()) as { order: Order; duplicate: boolean };
    assert.equal(answer.order.status, 'paid');
    assert.equal(answer.duplicate, false);
    assert.equal(statusOf(order.id), 'paid');
    const trail = readDb((db) =>
      db.prepare('SELECT from_status, to_status FROM order_status_history WHERE order_id = ? ORDER BY rowid').all(order.id),
    );
    assert.deepEqual(trail, [
      { from_status: null, to_status: 'pending_payment' },
      { from_status: 'pending_payment', to_status: 'paid' },
    ]);
  });

  it('refuses a bad signature, a mutated body and a stale timestamp, and changes nothing', async () => {
    const order = await placeOrder();
    const body = JSON.stringify({ id: 'evt_forged', type: 'payment.succeeded', orderId: order.id, amount: order.total, currency: order.currency });
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      post(body, null),
      post(body, signBody('not-the-merchant-secret', body)),
      post(body.replace(String(order.total), '1'), signBody(MERCHANT_SECRET, body)),
      post(body, signBody(MERCHANT_SECRET, body, now - 3600)),
      post(body, signBody(MERCHANT_SECRET, body, now + 3600)),
    ];
    for (const response of await Promise.all(attempts)) {
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'forbidden');
    }
    assert.equal(statusOf(order.id), 'pending_payment');
    assert.equal(readDb((db) => (db.prepare('SELECT COUNT(*) AS n FROM payment_events WHERE order_id = ?').get(order.id) as { n: number }).n), 0);
  });

  it('applies the same event delivered ten times concurrently exactly once', async () => {
    const order = await placeOrder();
    const body = JSON.stringify({ id: 'evt_retry', type: 'payment.succeeded', orderId: order.id, amount: order.total, currency: order.currency });
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(body, signBody(MERCHANT_SECRET, body))));
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, ...((await r.json()) as { order: Order; duplicate: boolean }) })));
    assert.ok(answers.every((a) => a.status === 200 && a.order.status === 'paid'));
    assert.equal(answers.filter((a) => !a.duplicate).length, 1, 'exactly one delivery applied');
    assert.equal(readDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM payment_events WHERE id = 'evt_retry'").get() as { n: number }).n), 1);
    // The same id with another body is not a retry.
    const other = JSON.stringify({ id: 'evt_retry', type: 'payment.failed', orderId: order.id, amount: order.total, currency: order.currency });
    assert.equal((await post(other, signBody(MERCHANT_SECRET, other))).status, 409);
  });

  it('cancels the order on a failed payment and returns its units to stock for every viewer', async () => {
    const before = ((await (await fetch(`${server.url}/api/rooms/demo`)).json()) as { stock: Record<string, number> }).stock['tea-set-4']!;
    const order = await placeOrder('tea-set-4', 2);
    const body = JSON.stringify({ id: 'evt_failed', type: 'payment.failed', orderId: order.id, amount: order.total, currency: order.currency });
    assert.equal((await post(body, signBody(MERCHANT_SECRET, body))).status, 200);
    assert.equal(statusOf(order.id), 'cancelled');
    await buyer.waitFor((f) => f.t === 'stock.changed' && f.variantId === 'tea-set-4' && f.available === before, 'stock back');
    const after = ((await (await fetch(`${server.url}/api/rooms/demo`)).json()) as { stock: Record<string, number> }).stock['tea-set-4'];
    assert.equal(after, before);
  });

  it('refuses a wrong amount, an unknown order, bad JSON and a wrong content type with clear errors', async () => {
    const order = await placeOrder();
    const cases: [string, number, string?][] = [
      [JSON.stringify({ id: 'evt_amount', type: 'payment.succeeded', orderId: order.id, amount: order.total - 1, currency: order.currency }), 409],
      [JSON.stringify({ id: 'evt_nobody', type: 'payment.succeeded', orderId: 'ord_missing', amount: 1, currency: 'CNY' }), 404],
      [JSON.stringify({ id: 'evt_extra', type: 'payment.succeeded', orderId: order.id, amount: order.total, currency: order.currency, admin: true }), 400],
      ['{not json', 400],
      ['a=1', 415, 'application/x-www-form-urlencoded'],
    ];
    for (const [body, status, contentType] of cases) {
      const response = await post(body, signBody(MERCHANT_SECRET, body), contentType);
      assert.equal(response.status, status, body);
      assert.ok(((await response.json()) as { error: { message: string } }).error.message.length > 0);
    }
    assert.equal(statusOf(order.id), 'pending_payment');
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErasureReceipt, MerchantOrderPage, Order } from '@live-shop/protocol';
import type { Logger } from '../logger.js';
import type { LiveShopServer } from '../server.js';
import { closeAll, merchantFetch, readDb, TEST_API_KEY, viewer, viewerToken } from '../test/merchant.js';
import { DATABASE_FILE } from '../store/sqlite/open.js';
import { startServer, tempDir } from '../test/helpers.js';
import { DELETE_MY_DATA_PATH } from './privacy.js';

/** A logger that keeps every line with all its fields, to prove what never reaches the logs. */
function recordingLogger(): Logger & { text: () => string } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: Readonly<Record<string, unknown>>) => {
    lines.push(JSON.stringify({ level, message, fields }, (_key, value: unknown) => (value instanceof Error ? { message: value.message, stack: value.stack } : value)));
  };
  return { info: keep('info'), warn: keep('warn'), error: keep('error'), text: () => lines.join('\n') };
}

interface CustomerColumns {
  id: string;
  customer_name: string | null;
  customer_phone: string | null;
  customer_address: string | null;
  customer_erased_at: number | null;
  total: number;
  status: string;
}

const ALICE = { name: 'Alice Erasable', phone: '+86 139 1111 2222', address: '北京市 朝阳区 Erase Road 7' };
const BOB = { name: 'Bob Keeps', phone: '+86 137 3333 4444', address: '广州市 天河区 Keep Lane 9' };

describe('delete-my-data', () => {
  let server: LiveShopServer;
  let dir: string;
  let removeDir: () => Promise<void>;
  const logger = recordingLogger();
  let aliceOrders: Order[] = [];
  let bobOrder: Order;

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    server = await startServer({ dataDir: dir, merchantApiKey: TEST_API_KEY, logger });
    const alice = await viewer(server, 'viewer-alice');
    const bob = await viewer(server, 'viewer-bob');
    try {
      aliceOrders = [await alice.buy('tea-set-4', ALICE), await alice.buy('tea-set-6', { ...ALICE, address: `${ALICE.address} (office)` })];
      bobOrder = await bob.buy('tea-set-4', BOB);
    } finally {
      await alice.close();
      await bob.close();
    }
  });

  after(async () => {
    await closeAll(server);
    await removeDir?.();
  });

  const rows = (ids: string[]) =>
    readDb(dir, (db) =>
      ids.map((id) => db.prepare('SELECT id, customer_name, customer_phone, customer_address, customer_erased_at, total, status FROM orders WHERE id = ?').get(id) as CustomerColumns),
    );
  /** Every byte SQLite keeps for this database: the file, its WAL and its shared-memory index. */
  const fileBytes = () =>
    Buffer.concat(['', '-wal', '-shm'].map((suffix) => join(dir, `${DATABASE_FILE}${suffix}`)).filter(existsSync).map((file) => readFileSync(file)));
  /** The ciphertext parts of a sealed value (`v1.<key>.<iv>.<ciphertext>.<tag>`). */
  const secretParts = (sealed: string) => sealed.split('.').slice(2);

  function post(headers: Record<string, string>, query = ''): Promise<Response> {
    return fetch(`${server.url}${DELETE_MY_DATA_PATH}${query}`, { method: 'POST', headers });
  }

  it('refuses anonymous, forged and URL-borne tokens', async () => {
    const none = await post({});
    assert.equal(none.status, 401);
    assert.match(((await none.json()) as { error: { message: string } }).error.message, /anonymous viewer has no data/);
    assert.equal((await post({ Authorization: 'Bearer not-a-token' })).status, 403);
    const forged = (await viewerToken('viewer-alice')).slice(0, -4) + 'AAAA';
    assert.equal((await post({ Authorization: `Bearer ${forged}` })).status, 403);
    assert.equal((await post({}, `?token=${await viewerToken('viewer-alice')}`)).status, 400);
    assert.equal((await fetch(`${server.url}${DELETE_MY_DATA_PATH}`)).status, 405);
    assert.ok(rows(aliceOrders.map((o) => o.id)).every((row) => row.customer_name !== null), 'nothing erased');
  });

  it("erases the viewer's name, phone and address from the database file, keeps amounts and status, and says how many", async () => {
    const before = rows(aliceOrders.map((o) => o.id));
    const [bobBefore] = rows([bobOrder.id]);
    const aliceSecrets = before.flatMap((row) => [row.customer_name!, row.customer_phone!, row.customer_address!].flatMap(secretParts));
    const bobSecrets = [bobBefore!.customer_name!, bobBefore!.customer_address!].flatMap(secretParts);
    assert.ok(aliceSecrets.every((part) => fileBytes().includes(part)), 'the scan finds ciphertext while it is there');

    const response = await post({ Authorization: `Bearer ${await viewerToken('viewer-alice')}` });
    assert.equal(response.status, 200);
    const receipt = (await response.json()) as ErasureReceipt;
    assert.equal(receipt.orders, 2);
    assert.match(receipt.id, /^era_/);

    const afterRows = rows(aliceOrders.map((o) => o.id));
    for (const [index, row] of afterRows.entries()) {
      assert.equal(row.customer_name, null);
      assert.equal(row.customer_phone, null);
      assert.equal(row.customer_address, null);
      assert.equal(row.customer_erased_at, receipt.at);
      assert.equal(row.total, before[index]!.total, 'the amount stays for the accounts');
      assert.equal(row.status, before[index]!.status);
    }
    const bytes = fileBytes();
    const left = aliceSecrets.filter((part) => bytes.includes(part));
    assert.deepEqual(left, [], 'no byte of the erased ciphertext is left in the database, its WAL or free pages');
    assert.ok(bobSecrets.every((part) => bytes.includes(part)), "another viewer's data stays");

    const record = readDb(dir, (db) => db.prepare('SELECT * FROM privacy_erasures').all());
    assert.deepEqual(record, [{ id: receipt.id, via: 'viewer', orders: 2, at: receipt.at }]);
    assert.ok(!bytes.includes(Buffer.from(ALICE.name)) && !bytes.includes(Buffer.from(ALICE.phone)));
    const fingerprints = readDb(dir, (db) =>
      (db.prepare('SELECT fingerprint FROM idempotency_keys WHERE order_id IN (?, ?)').all(aliceOrders[0]!.id, aliceOrders[1]!.id) as { fingerprint: string }[]).map((r) => r.fingerprint),
    );
    assert.deepEqual(fingerprints, ['erased', 'erased'], 'the digest of name, phone and address goes too');
  });

  it('shows the merchant the erased orders without customer data, and erases nothing twice', async () => {
    const page = (await (await merchantFetch(server, 'rooms/demo/orders?limit=100')).json()) as MerchantOrderPage;
    const alice = page.orders.filter((o) => o.viewerId === 'viewer-alice');
    assert.equal(alice.length, 2);
    assert.ok(alice.every((o) => o.customer === null && o.customerErased));
    assert.deepEqual(page.orders.find((o) => o.id === bobOrder.id)?.customer, BOB);

    const again = (await (await post({ Authorization: `Bearer ${await viewerToken('viewer-alice')}` })).json()) as ErasureReceipt;
    assert.equal(again.orders, 0);
  });

  it('erases on the merchant API too (DELETE /api/merchant/customers/:viewerId)', async () => {
    assert.equal((await merchantFetch(server, 'customers/viewer-bob', { method: 'DELETE', headers: {} })).status, 401);
    const response = await merchantFetch(server, 'customers/viewer-bob', { method: 'DELETE' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as ErasureReceipt).orders, 1);
    assert.equal(rows([bobOrder.id])[0]?.customer_address, null);
    const via = readDb(dir, (db) => (db.prepare('SELECT via FROM privacy_erasures ORDER BY at, via').all() as { via: string }[]).map((r) => r.via));
    assert.ok(via.includes('merchant'));
  });

  it('lets an allowed merchant page call it cross-origin, and no other', async () => {
    const preflight = await fetch(`${server.url}${DELETE_MY_DATA_PATH}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    const foreign = await fetch(`${server.url}${DELETE_MY_DATA_PATH}`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${await viewerToken('viewer-alice')}` },
    });
    assert.equal(foreign.status, 403);
  });

  it('never wrote customer data to the logs', () => {
    const logs = logger.text();
    for (const value of [...Object.values(ALICE), ...Object.values(BOB)]) assert.ok(!logs.includes(value), `"${value}" is in the logs`);
  });
});

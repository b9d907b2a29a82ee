import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { placeOrder } from '../../commerce/orders.js';
import { createMemoryBus } from '../../bus/memory.js';
import { seed } from '../../demo/seed.js';
import { LiveShopServerError } from '../../errors.js';
import { postChat } from '../../rooms/chat.js';
import type { DomainContext } from '../../rooms/context.js';
import { pinProduct } from '../../rooms/pins.js';
import { RoomLog } from '../../rooms/room-log.js';
import { getSnapshot } from '../../rooms/snapshot.js';
import { memoryLogger, orderRequest, startServer, tempDir, TEST_SECRET, TestClient } from '../../test/helpers.js';
import { signToken } from '../../auth/tokens.js';
import { FieldCipher, generateDataKey } from '../../security/field-cipher.js';
import { openSqliteStore } from './sqlite-store.js';
import { DATABASE_FILE } from './open.js';

const host = { role: 'host', name: 'Host', subject: 'h' } as const;
const cipher = new FieldCipher([generateDataKey('test')]);

describe('sqlite store and the domain functions on it', () => {
  let dir: string;
  let removeDir: () => Promise<void>;

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
  });
  after(() => removeDir());

  function context(dataDir: string): DomainContext & { close: () => Promise<void> } {
    const store = openSqliteStore(dataDir, cipher);
    const bus = createMemoryBus(memoryLogger());
    const log = new RoomLog(store, bus, Date.now);
    return { store, log, now: Date.now, close: () => store.close() };
  }

  it('keeps its schema, the WAL journal and the table names the end-to-end test reads', async () => {
    const ctx = context(join(dir, 'schema'));
    await seed(ctx.store, 'demo');
    await ctx.close();
    const db = new Database(join(dir, 'schema', DATABASE_FILE), { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      for (const name of ['id', 'room_id', 'product_id', 'variant_id', 'quantity', 'total', 'currency', 'status', 'idempotency_key', 'created_at']) {
        assert.ok(columns('orders').includes(name), `orders.${name}`);
      }
      assert.deepEqual(columns('variants').slice(0, 5), ['id', 'product_id', 'label', 'price', 'stock']);
    } finally {
      db.close();
    }
  });

  it('places orders and pins through the domain functions alone, no sockets involved', async () => {
    const ctx = context(join(dir, 'domain'));
    try {
      await seed(ctx.store, 'demo');
      const order = await placeOrder(ctx, 'demo', orderRequest('tea-set-4', { quantity: 2 }));
      assert.equal(order.total, 2 * 58800);
      await pinProduct(ctx, 'demo', host, 'tea-set');
      await postChat(ctx, 'demo', host, '大家好 hello');
      const snapshot = await getSnapshot(ctx, 'demo');
      assert.equal(snapshot.pinned?.productId, 'tea-set');
      assert.equal(snapshot.chat.at(-1)?.text, '大家好 hello');
      assert.equal(snapshot.seq, 3, 'stock.changed, product.pinned, chat.message');
      const log = await ctx.store.eventsAfter('demo', 0, 10);
      assert.deepEqual(
        log.map((event) => [event.seq, event.t]),
        [[1, 'stock.changed'], [2, 'product.pinned'], [3, 'chat.message']],
      );
      await assert.rejects(
        placeOrder(ctx, 'other-room', orderRequest('tea-set-4')),
        (error) => error instanceof LiveShopServerError && error.code === 'not_found',
      );
      await assert.rejects(
        pinProduct(ctx, 'demo', { ...host, role: 'viewer' }, 'tea-set'),
        (error) => error instanceof LiveShopServerError && error.code === 'forbidden',
      );
    } finally {
      await ctx.close();
    }
  });

  it('writes the customer name, phone and address encrypted, readable only with the key and in their own row', async () => {
    const dataDir = join(dir, 'encrypted');
    const ctx = context(dataDir);
    const request = orderRequest('tea-set-4');
    let orderId: string;
    try {
      await seed(ctx.store, 'demo');
      orderId = (await placeOrder(ctx, 'demo', request)).id;
    } finally {
      await ctx.close();
    }
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const row = db
        .prepare('SELECT customer_name, customer_phone, customer_address FROM orders WHERE id = ?')
        .get(orderId) as { customer_name: string; customer_phone: string; customer_address: string };
      const { name, phone, address } = request.customer;
      for (const [column, plain] of [['customer_name', name], ['customer_phone', phone], ['customer_address', address]] as const) {
        const sealed = row[column];
        assert.ok(!sealed.includes(plain), `${column} is not stored in plain text`);
        assert.equal(cipher.decrypt(sealed, `orders.${column}:${orderId}`), plain);
      }
      // No plaintext anywhere in the database file either (WAL checkpointed on close).
      const raw = (await import('node:fs')).readFileSync(join(dataDir, DATABASE_FILE));
      assert.equal(raw.includes(Buffer.from(address)), false, 'the address is nowhere in the file');
    } finally {
      db.close();
    }
  });

  it('re-seeding keeps existing stock and orders', async () => {
    const ctx = context(join(dir, 'reseed'));
    try {
      await seed(ctx.store, 'demo');
      await placeOrder(ctx, 'demo', orderRequest('silk-scarf-crane', { quantity: 5 }));
      const stock = await ctx.store.getStock('demo');
      await seed(ctx.store, 'demo');
      assert.deepEqual(await ctx.store.getStock('demo'), stock);
      assert.equal(await ctx.store.countOrders('demo'), 1);
    } finally {
      await ctx.close();
    }
  });

  it('keeps orders, stock, the pin, chat and seq across a server restart', async () => {
    const dataDir = join(dir, 'restart');
    let server = await startServer({ dataDir });
    // One host identity across the restart: idempotency keys are scoped per viewer (token subject) and room.
    const token = await signToken(TEST_SECRET, { role: 'host', room: 'demo', name: 'Test Host', sub: 'host-restart' });
    const { client: host, welcome: first } = await TestClient.join(server, { token });
    const request = orderRequest('canvas-sneakers-41', { quantity: 4 });
    const placed = await host.request({ t: 'order.place', order: request });
    await host.request({ t: 'product.pin', productId: 'canvas-sneakers' });
    await host.request({ t: 'chat.send', text: '鞋子还有货' });
    assert.ok(placed.t === 'ack' && placed.ok);
    await host.close();
    const before = await server.store.loadSnapshot('demo', 50);
    await server.close();

    server = await startServer({ dataDir });
    try {
      const { client, welcome } = await TestClient.join(server, { token });
      // The welcome adds parts other domains read beside the store (flash sale, engagement); compare the store's.
      const stored = Object.fromEntries(Object.keys(before ?? {}).map((key) => [key, (welcome.snapshot as Record<string, unknown>)[key]]));
      assert.deepEqual(stored, before);
      assert.equal(welcome.snapshot.seq, first.snapshot.seq + 3);
      assert.equal(welcome.snapshot.pinned?.productId, 'canvas-sneakers');
      assert.equal(welcome.snapshot.chat.at(-1)?.text, '鞋子还有货');
      assert.equal(await server.store.countOrders('demo'), 1);
      const retry = await client.request({ t: 'order.place', order: request });
      assert.ok(retry.t === 'ack' && retry.ok);
      assert.deepEqual(retry.data, placed.data, 'the idempotency key survives the restart');
      assert.equal(await server.store.countOrders('demo'), 1);
      await client.request({ t: 'chat.send', text: 'after restart' });
      const event = await client.waitFor((f) => f.t === 'chat.message' && f.message.text === 'after restart', 'chat');
      assert.equal(event.t === 'chat.message' && event.seq, welcome.snapshot.seq + 1);
      await client.close();
    } finally {
      await server.close();
    }
  });
});

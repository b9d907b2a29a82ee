import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { CatalogResult, MerchantOrder, MerchantOrderPage, Order, RoomEvent, Snapshot } from '@live-shop/protocol';

type StockChanged = Extract<RoomEvent, { t: 'stock.changed' }>;
import type { LiveShopServer } from '../server.js';
import { signBody, SIGNATURE_HEADER } from '../security/hmac-signature.js';
import { closeAll, merchantFetch, readDb, TEST_API_KEY, TEST_MERCHANT_SECRET, viewer } from '../test/merchant.js';
import { startServer, tempDir, TestClient } from '../test/helpers.js';

interface Inventory {
  stock: number;
  held: number;
  sold: number;
  initial: number;
}

describe('merchant API', () => {
  let server: LiveShopServer;
  let dir: string;
  let removeDir: () => Promise<void>;

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    server = await startServer({
      dataDir: dir,
      merchantApiKey: TEST_API_KEY,
      merchantSecret: TEST_MERCHANT_SECRET,
      // The bulk export test buys 600 orders through three sockets.
      rateLimits: { frames: { perSecond: 10_000, burst: 10_000 }, commands: { 'order.place': { perSecond: 10_000, burst: 10_000 } } },
    });
  });

  after(async () => {
    await closeAll(server);
    await removeDir?.();
  });

  const inventory = (variantId: string) =>
    readDb(dir, (db) => db.prepare('SELECT stock, held, sold, initial FROM variants WHERE id = ?').get(variantId) as Inventory | undefined);
  const counts = () =>
    readDb(dir, (db) => ({
      rooms: (db.prepare('SELECT COUNT(*) AS n FROM rooms').get() as { n: number }).n,
      products: (db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n,
      variants: (db.prepare('SELECT COUNT(*) AS n FROM variants').get() as { n: number }).n,
    }));

  describe('authentication', () => {
    it('answers 401 without a key, 403 with a wrong one, and never reveals a route first', async () => {
      const none = await merchantFetch(server, 'rooms/demo/orders', { headers: {} });
      assert.equal(none.status, 401);
      assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'unauthorized');

      const basic = await merchantFetch(server, 'rooms/demo/orders', { headers: { Authorization: `Basic ${btoa(`x:${TEST_API_KEY}`)}` } });
      assert.equal(basic.status, 401);

      for (const wrong of [`${TEST_API_KEY}x`, TEST_API_KEY.slice(0, -1), 'short', 'lsk_'.padEnd(TEST_API_KEY.length, 'z')]) {
        const response = await merchantFetch(server, 'rooms/demo/orders', { headers: { Authorization: `Bearer ${wrong}` } });
        assert.equal(response.status, 403, wrong);
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'forbidden');
      }
      // Unknown paths answer 401 too without a key: the API's shape is not probed anonymously.
      assert.equal((await merchantFetch(server, 'nothing/here', { headers: {} })).status, 401);
      assert.equal((await merchantFetch(server, 'nothing/here')).status, 404);
    });

    it('refuses a key in the URL, even the right one, even with the header', async () => {
      for (const query of [`api_key=${TEST_API_KEY}`, `key=${TEST_API_KEY}`, `access_token=${TEST_API_KEY}`, 'Token=x']) {
        const withHeader = await merchantFetch(server, `rooms/demo/orders?${query}`);
        assert.equal(withHeader.status, 400, query);
        assert.match(((await withHeader.json()) as { error: { message: string } }).error.message, /never accepted in a URL/);
        assert.equal((await merchantFetch(server, `rooms/demo/orders?${query}`, { headers: {} })).status, 400);
      }
    });

    it('sends no CORS headers: a browser page never holds the key', async () => {
      const preflight = await fetch(`${server.url}/api/merchant/rooms/demo/orders`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      assert.notEqual(preflight.status, 204);
    });
  });

  describe('catalogue import', () => {
    it('creates a room from JSON, updates by id, and announces changed stock to viewers', async () => {
      const body = {
        room: { title: 'Autumn sale', hls: null },
        products: [
          {
            id: 'scarf',
            name: 'Silk scarf',
            description: 'Hangzhou silk',
            image: '/static/scarf.jpg',
            currency: 'CNY',
            variants: [
              { id: 'scarf-red', label: 'Red', price: 25900, stock: 10, limitPerViewer: 2 },
              { id: 'scarf-blue', label: 'Blue', price: 25900 },
            ],
          },
        ],
      };
      const created = await merchantFetch(server, 'rooms/autumn/catalog', { method: 'PUT', contentType: 'application/json', body: JSON.stringify(body) });
      assert.equal(created.status, 200);
      const result = (await created.json()) as CatalogResult;
      assert.deepEqual(result, { roomCreated: true, productsCreated: 1, productsUpdated: 0, variantsCreated: 2, variantsUpdated: 0, stock: { 'scarf-red': 10, 'scarf-blue': 0 } });
      assert.deepEqual(inventory('scarf-red'), { stock: 10, held: 0, sold: 0, initial: 10 });

      const snapshot = (await (await fetch(`${server.url}/api/rooms/autumn`)).json()) as Snapshot;
      assert.equal(snapshot.room.title, 'Autumn sale');
      assert.deepEqual(snapshot.products.map((p) => p.variants.map((v) => v.id)), [['scarf-red', 'scarf-blue']]);
      assert.equal(snapshot.products[0]?.variants[0]?.limitPerViewer, 2);

      const { client } = await TestClient.join(server, { room: 'autumn' });
      try {
        const update = structuredClone(body);
        update.products[0]!.name = 'Silk scarf (new)';
        update.products[0]!.variants[0]!.price = 19900;
        update.products[0]!.variants[1]!.stock = 5;
        const updated = await merchantFetch(server, 'rooms/autumn/catalog', { method: 'PUT', contentType: 'application/json; charset=utf-8', body: JSON.stringify(update) });
        assert.equal(updated.status, 200);
        assert.deepEqual(await updated.json(), { roomCreated: false, productsCreated: 0, productsUpdated: 1, variantsCreated: 0, variantsUpdated: 2, stock: { 'scarf-blue': 5 } });
        const event = (await client.waitFor((f) => f.t === 'stock.changed', 'stock.changed')) as StockChanged;
        assert.deepEqual([event.variantId, event.available], ['scarf-blue', 5]);
        const after = (await (await fetch(`${server.url}/api/rooms/autumn`)).json()) as Snapshot;
        assert.equal(after.products[0]?.name, 'Silk scarf (new)');
        assert.equal(after.products[0]?.variants[0]?.price, 19900);
        assert.equal(after.stock['scarf-red'], 10, 'stock left out of an update stays');
      } finally {
        await client.close();
      }
    });

    it('imports CSV with quoted fields', async () => {
      const csv = [
        'product_id,name,description,image,currency,variant_id,label,price,stock,limit_per_viewer',
        'teapot,"Teapot, ""Yixing""","Clay; holds\n300 ml",/static/teapot.jpg,CNY,teapot-s,"Small, 300 ml",38800,7,',
        'teapot,,,,,teapot-l,"Large, 500 ml",48800,3,1',
      ].join('\n');
      const response = await merchantFetch(server, 'rooms/autumn/catalog', { method: 'PUT', contentType: 'text/csv', body: csv });
      assert.equal(response.status, 200, await response.clone().text());
      assert.deepEqual(((await response.json()) as CatalogResult).stock, { 'teapot-s': 7, 'teapot-l': 3 });
      const snapshot = (await (await fetch(`${server.url}/api/rooms/autumn`)).json()) as Snapshot;
      const teapot = snapshot.products.find((p) => p.id === 'teapot');
      assert.equal(teapot?.name, 'Teapot, "Yixing"');
      assert.equal(teapot?.description, 'Clay; holds\n300 ml');
      assert.deepEqual(teapot?.variants.map((v) => v.label), ['Small, 300 ml', 'Large, 500 ml']);
    });

    it('refuses a bad row with 400 naming it, and writes nothing of the file', async () => {
      const before = counts();
      const csv = [
        'product_id,name,currency,variant_id,label,price,stock',
        'kettle,Kettle,CNY,kettle-1,One,19900,4',
        'teapot,Teapot,CNY,teapot-s,Small,38800,100',
        'kettle,,,kettle-2,Two,19.900,4',
      ].join('\n');
      const response = await merchantFetch(server, 'rooms/autumn/catalog', { method: 'PUT', contentType: 'text/csv', body: csv });
      assert.equal(response.status, 400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'invalid');
      assert.match(error.message, /^line 4, price:/);
      assert.deepEqual(counts(), before);
      assert.equal(inventory('teapot-s')?.stock, 7, 'the valid row before the bad one was not applied');
      assert.equal(inventory('kettle-1'), undefined);
    });

    it('rolls back the whole import when an id belongs to another room', async () => {
      const before = counts();
      const body = {
        products: [
          { id: 'new-thing', name: 'New', currency: 'CNY', variants: [{ id: 'new-thing-1', label: 'One', price: 1, stock: 1 }] },
          { id: 'tea-set', name: 'Stolen', currency: 'CNY', variants: [{ id: 'tea-set-4', label: 'x', price: 1 }] },
        ],
      };
      const response = await merchantFetch(server, 'rooms/autumn/catalog', { method: 'PUT', contentType: 'application/json', body: JSON.stringify(body) });
      assert.equal(response.status, 409);
      assert.match(((await response.json()) as { error: { message: string } }).error.message, /product "tea-set" belongs to another room/);
      assert.deepEqual(counts(), before);
    });

    it('refuses invalid JSON fields, duplicate ids, unknown fields and other media types', async () => {
      const put = (body: unknown, contentType = 'application/json') =>
        merchantFetch(server, 'rooms/autumn/catalog', { method: 'PUT', contentType, body: typeof body === 'string' ? body : JSON.stringify(body) });
      const product = { id: 'p', name: 'P', currency: 'CNY', variants: [{ id: 'p-1', label: 'One', price: 1 }] };
      const cases: [unknown, RegExp][] = [
        [{ products: [{ ...product, variants: [{ id: 'p-1', label: 'One', price: -1 }] }] }, /^products\.0\.variants\.0\.price:/],
        [{ products: [{ ...product, currency: 'yuan' }] }, /^products\.0\.currency:/],
        [{ products: [{ ...product, colour: 'red' }] }, /colour/],
        [{ products: [product, product] }, /product "p" appears twice/],
        [{ products: [] }, /needs at least one product/],
        ['{"products": [', /not valid JSON/],
      ];
      for (const [body, message] of cases) {
        const response = await put(body);
        assert.equal(response.status, 400, String(message));
        assert.match(((await response.json()) as { error: { message: string } }).error.message, message);
      }
      assert.equal((await put('x', 'text/plain')).status, 415);
      assert.equal(inventory('p-1'), undefined);
    });
  });

  describe('stock', () => {
    it('sets sellable units, keeps stock + held + sold = initial, and announces them', async () => {
      const buyer = await viewer(server, 'viewer-stock');
      const { client } = await TestClient.join(server);
      try {
        await buyer.buy('tea-set-6');
        const before = inventory('tea-set-6')!;
        assert.equal(before.held, 1);
        const response = await merchantFetch(server, 'rooms/demo/stock', { method: 'PUT', contentType: 'application/json', body: JSON.stringify({ 'tea-set-6': 40, 'tea-set-4': 0 }) });
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { stock: { 'tea-set-6': 40, 'tea-set-4': 0 } });
        const after = inventory('tea-set-6')!;
        assert.deepEqual(after, { stock: 40, held: before.held, sold: before.sold, initial: 40 + before.held + before.sold });
        const events = () => client.events().filter((e): e is StockChanged => e.t === 'stock.changed').map((e) => [e.variantId, e.available]);
        await client.waitFor((f) => f.t === 'stock.changed' && f.variantId === 'tea-set-4', 'stock.changed tea-set-4');
        assert.deepEqual(events().slice(-2), [['tea-set-6', 40], ['tea-set-4', 0]]);
      } finally {
        await buyer.close();
        await client.close();
      }
    });

    it('writes nothing when one variant is not in the room, or a value is bad', async () => {
      const before = inventory('tea-set-6');
      const unknown = await merchantFetch(server, 'rooms/demo/stock', { method: 'PUT', contentType: 'application/json', body: JSON.stringify({ 'tea-set-6': 1, 'scarf-red': 1 }) });
      assert.equal(unknown.status, 404);
      assert.match(((await unknown.json()) as { error: { message: string } }).error.message, /"scarf-red"/);
      const negative = await merchantFetch(server, 'rooms/demo/stock', { method: 'PUT', contentType: 'application/json', body: JSON.stringify({ 'tea-set-6': -3 }) });
      assert.equal(negative.status, 400);
      const missingRoom = await merchantFetch(server, 'rooms/nope/stock', { method: 'PUT', contentType: 'application/json', body: JSON.stringify({ x: 1 }) });
      assert.equal(missingRoom.status, 404);
      assert.deepEqual(inventory('tea-set-6'), before);
    });
  });

  describe('orders', () => {
    let placed: MerchantOrder[] = [];

    before(async () => {
      await merchantFetch(server, 'rooms/demo/stock', { method: 'PUT', contentType: 'application/json', body: JSON.stringify({ 'canvas-sneakers-41': 50 }) });
      const alice = await viewer(server, 'viewer-alice');
      const bob = await viewer(server, 'viewer-bob');
      try {
        for (let i = 0; i < 7; i++) {
          const buyer = i % 2 === 0 ? alice : bob;
          await buyer.buy('canvas-sneakers-41', { name: i === 3 ? '=HYPERLINK("http://evil")' : `买家 ${i}`, address: `上海市 ${i} 号, "Flat ${i}"` });
        }
      } finally {
        await alice.close();
        await bob.close();
      }
      const page = (await (await merchantFetch(server, 'rooms/demo/orders?limit=500')).json()) as MerchantOrderPage;
      placed = page.orders.filter((o) => o.variantId === 'canvas-sneakers-41');
    });

    it('lists orders with decrypted customer data and the viewer who placed them', async () => {
      assert.equal(placed.length, 7);
      const first = placed[0]!;
      assert.equal(first.customer?.name, '买家 0');
      assert.equal(first.customer?.address, '上海市 0 号, "Flat 0"');
      assert.equal(first.viewerId, 'viewer-alice');
      assert.equal(first.customerErased, false);
      const sealed = readDb(dir, (db) => db.prepare('SELECT customer_name FROM orders WHERE id = ?').get(first.id) as { customer_name: string });
      assert.match(sealed.customer_name, /^v1\./, 'stored encrypted');
    });

    it('pages with a keyset cursor: every order once, in order, under concurrent inserts', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      const latecomer = await viewer(server, 'viewer-late');
      try {
        do {
          const query: string = `rooms/demo/orders?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const page = (await (await merchantFetch(server, query)).json()) as MerchantOrderPage;
          assert.ok(page.orders.length <= 3);
          seen.push(...page.orders.map((o) => o.id));
          cursor = page.nextCursor;
          if (pages++ === 0) await latecomer.buy('canvas-sneakers-41');
        } while (cursor !== null);
      } finally {
        await latecomer.close();
      }
      const all = readDb(dir, (db) => (db.prepare("SELECT id FROM orders WHERE room_id = 'demo' ORDER BY created_at, id").all() as { id: string }[]).map((r) => r.id));
      assert.deepEqual(seen, all);
      assert.ok(pages >= 3);
    });

    it('filters by status and since, and refuses bad parameters', async () => {
      const page = (await (await merchantFetch(server, 'rooms/demo/orders?status=pending_payment&limit=500')).json()) as MerchantOrderPage;
      assert.ok(page.orders.length >= 7 && page.orders.every((o) => o.status === 'pending_payment'));
      assert.equal(((await (await merchantFetch(server, 'rooms/demo/orders?status=paid')).json()) as MerchantOrderPage).orders.length, 0);
      const since = placed[4]!.createdAt;
      const recent = (await (await merchantFetch(server, `rooms/demo/orders?since=${since}&limit=500`)).json()) as MerchantOrderPage;
      assert.ok(recent.orders.every((o) => o.createdAt >= since));
      assert.ok(recent.orders.some((o) => o.id === placed[6]!.id) && !recent.orders.some((o) => o.createdAt < since));
      for (const query of ['status=shipped', 'limit=0', 'limit=501', 'since=-1', 'cursor=bm9wZQ', 'limit=1.5']) {
        assert.equal((await merchantFetch(server, `rooms/demo/orders?${query}`)).status, 400, query);
      }
      assert.equal((await merchantFetch(server, 'rooms/nope/orders')).status, 404);
    });

    it('exports CSV (streamed, quoted, formula-safe) and JSON', async () => {
      const response = await merchantFetch(server, 'rooms/demo/orders/export?format=csv');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="orders-demo\.csv"/);
      const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
      const total = readDb(dir, (db) => (db.prepare("SELECT COUNT(*) AS n FROM orders WHERE room_id = 'demo'").get() as { n: number }).n);
      assert.equal(rows.length, total);
      const third = rows.find((r) => r['order_id'] === placed[3]!.id);
      assert.equal(third?.['customer_name'], `'=HYPERLINK("http://evil")`, 'a formula is neutralised');
      assert.equal(third?.['customer_address'], '上海市 3 号, "Flat 3"');
      assert.equal(third?.['viewer_id'], 'viewer-bob');

      const json = await merchantFetch(server, 'rooms/demo/orders/export?format=json&status=pending_payment');
      const orders = (await json.json()) as MerchantOrder[];
      assert.ok(orders.length >= 8 && orders.every((o) => o.status === 'pending_payment'));
      assert.equal(orders.find((o) => o.id === placed[0]!.id)?.customer?.name, '买家 0');
      assert.equal((await merchantFetch(server, 'rooms/demo/orders/export?format=xml')).status, 400);
    });

    it('fulfils, refunds and cancels orders through the order state machine', async () => {
      const buyer = await viewer(server, 'viewer-states');
      let shipped: Order;
      let dropped: Order;
      try {
        shipped = await buyer.buy('wool-coat-m-black');
        dropped = await buyer.buy('wool-coat-m-black');
      } finally {
        await buyer.close();
      }
      const act = async (id: string, action: string) => {
        const response = await merchantFetch(server, `orders/${id}/${action}`, { method: 'POST' });
        return { status: response.status, body: (await response.json()) as { order?: Order; error?: { code: string } } };
      };
      const early = await act(shipped.id, 'fulfil');
      assert.deepEqual([early.status, early.body.error?.code], [409, 'conflict'], 'an unpaid order cannot be fulfilled');

      const payment = JSON.stringify({ id: `evt_${shipped.id}`, type: 'payment.succeeded', orderId: shipped.id, amount: shipped.total, currency: shipped.currency });
      const paid = await fetch(`${server.url}/api/payments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(TEST_MERCHANT_SECRET, payment) },
        body: payment,
      });
      assert.equal(paid.status, 200);
      assert.deepEqual([(await act(shipped.id, 'fulfil')).body.order?.status, (await act(shipped.id, 'refund')).body.order?.status], ['fulfilled', 'refunded']);

      const held = inventory('wool-coat-m-black')!;
      const cancelled = await act(dropped.id, 'cancel');
      assert.equal(cancelled.body.order?.status, 'cancelled');
      assert.equal(inventory('wool-coat-m-black')!.stock, held.stock + dropped.quantity, 'units back to stock');
      assert.equal((await act('ord_nope', 'refund')).status, 404);
      assert.equal((await merchantFetch(server, `orders/${dropped.id}/ship`, { method: 'POST' })).status, 404);
      assert.equal((await merchantFetch(server, `orders/${dropped.id}/fulfil`)).status, 405);
    });

    it('exports more orders than one page without holding them all', async () => {
      // 600 orders > one export page (500): the stream crosses a page boundary.
      const response = await merchantFetch(server, 'rooms/demo/stock', { method: 'PUT', contentType: 'application/json', body: JSON.stringify({ 'velvet-lipstick-520': 700 }) });
      assert.equal(response.status, 200);
      const buyers = await Promise.all([0, 1, 2].map((i) => viewer(server, `viewer-bulk-${i}`)));
      try {
        await Promise.all(buyers.map(async (buyer) => { for (let i = 0; i < 200; i++) await buyer.buy('velvet-lipstick-520'); }));
      } finally {
        await Promise.all(buyers.map((b) => b.close()));
      }
      const csv = await (await merchantFetch(server, 'rooms/demo/orders/export?format=csv')).text();
      const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
      const total = readDb(dir, (db) => (db.prepare("SELECT COUNT(*) AS n FROM orders WHERE room_id = 'demo'").get() as { n: number }).n);
      assert.ok(total > 600);
      assert.equal(rows.length, total);
      assert.equal(new Set(rows.map((r) => r['order_id'])).size, total);
    });
  });
});

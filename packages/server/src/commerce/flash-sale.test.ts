import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { FLASH_SALE_LATENCY_CAP_MS, FLASH_SALE_RANKING_WINDOW_MS, parseOrder, type FlashSale, type Order, type ServerFrame } from '@live-shop/protocol';
import { signToken } from '../auth/tokens.js';
import { DATABASE_FILE } from '../store/sqlite/open.js';
import type { LiveShopServer } from '../server.js';
import { nextId, startServer, tempDir, TEST_SECRET, TestClient } from '../test/helpers.js';

describe('flash sales: schedule, fair admission, quota and limits', () => {
  let server: LiveShopServer;
  let dir: string;
  let removeDir: () => Promise<void>;
  const clients: TestClient[] = [];

  const as = async (sub: string, role: 'viewer' | 'host' = 'viewer') => {
    const token = await signToken(TEST_SECRET, { role, room: 'demo', sub });
    const { client } = await TestClient.join(server, { token });
    clients.push(client);
    return client;
  };
  const db = <T>(read: (db: Database.Database) => T): T => {
    const handle = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      return read(handle);
    } finally {
      handle.close();
    }
  };
  const code = (frame: ServerFrame) => (frame.t === 'ack' && !frame.ok ? frame.error?.code : 'ok');
  const orderOf = (frame: ServerFrame): Order => {
    assert.ok(frame.t === 'ack' && frame.ok, JSON.stringify(frame));
    const parsed = parseOrder(frame.data);
    assert.ok(parsed.ok);
    return parsed.value;
  };
  const key = () => `k-${nextId()}-${Math.random().toString(36).slice(2, 10)}`;
  /** Sends a reserve and waits for its ack long enough for the ranking window (a ranked ack comes seconds later). */
  const request = (client: TestClient, frame: object): Promise<ServerFrame> => {
    const id = nextId();
    client.send({ ...frame, id });
    return client.waitFor((f) => f.t === 'ack' && f.id === id, `ack ${id}`, FLASH_SALE_LATENCY_CAP_MS + FLASH_SALE_RANKING_WINDOW_MS + 5000);
  };
  const reserve = (client: TestClient, variantId: string, extra: object = {}) =>
    request(client, { t: 'order.reserve', reserve: { variantId, quantity: 1, idempotencyKey: key(), ...extra } });
  const untilServerTime = (at: number) => sleep(Math.max(0, at - Date.now()));
  let host: TestClient;

  async function startSale(sale: { variantId: string; price: number; quota: number; perViewerLimit: number; startsInMs: number; durationMs: number }): Promise<FlashSale> {
    const ack = await host.request({ t: 'flashsale.start', sale });
    assert.ok(ack.t === 'ack' && ack.ok, JSON.stringify(ack));
    return ack.data as FlashSale;
  }
  async function stopSale(sale: FlashSale): Promise<void> {
    const ack = await host.request({ t: 'flashsale.stop', saleId: sale.id });
    assert.ok(ack.t === 'ack' && ack.ok && (ack.data as FlashSale).status === 'ended', JSON.stringify(ack));
  }

  before(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    server = await startServer({ dataDir: dir });
    host = await as('host-1', 'host');
  });
  afterEach(async () => {
    const open = await server.store.currentFlashSale('demo', Date.now());
    if (open && open.status !== 'ended') await host.request({ t: 'flashsale.stop', saleId: open.id });
    const broken = db((d) => d.prepare('SELECT id FROM variants WHERE stock + held + sold <> initial').all());
    assert.deepEqual(broken, []);
    const over = db((d) => d.prepare('SELECT id FROM flash_sales WHERE taken > quota OR taken <> (SELECT COALESCE(SUM(quantity), 0) FROM orders o WHERE o.sale_id = flash_sales.id AND o.status NOT IN (\'cancelled\', \'expired\'))').all());
    assert.deepEqual(over, [], 'a sale has taken exactly the units of its live orders, never more than its quota');
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.close();
    await removeDir?.();
  });

  it('lets only the host schedule one sale at a time, shows it in the snapshot and announces every state', async () => {
    const viewer = await as('viewer-sched');
    const request = { variantId: 'silk-scarf-peony', price: 9900, quota: 5, perViewerLimit: 1, startsInMs: 800, durationMs: 1500 };
    assert.equal(code(await viewer.request({ t: 'flashsale.start', sale: request })), 'forbidden');
    assert.equal(code(await host.request({ t: 'flashsale.start', sale: { ...request, variantId: 'nope' } })), 'not_found');
    const sale = await startSale(request);
    assert.equal(sale.status, 'scheduled');
    assert.equal(sale.originalPrice, 45900);
    assert.equal(sale.remaining, 5);
    assert.equal(code(await host.request({ t: 'flashsale.start', sale: request })), 'conflict');
    const { welcome } = await TestClient.join(server);
    clients.push((await TestClient.join(server)).client);
    assert.equal(welcome.snapshot.flashSale?.id, sale.id);
    assert.equal(code(await reserve(viewer, 'silk-scarf-peony')), 'sale_not_started', 'the variant is kept for the sale during the countdown');
    const live = await viewer.waitFor((f) => f.t === 'flashsale.changed' && f.sale.id === sale.id && f.sale.status === 'live', 'live', 3000);
    const ended = await viewer.waitFor((f) => f.t === 'flashsale.changed' && f.sale.id === sale.id && f.sale.status === 'ended', 'ended', 4000);
    assert.ok(live.t === 'flashsale.changed' && ended.t === 'flashsale.changed' && ended.seq > live.seq);
    assert.equal(code(await reserve(viewer, 'silk-scarf-peony', { saleId: sale.id })), 'sale_ended');
    // After the sale the variant sells again at its regular price.
    assert.equal(orderOf(await reserve(viewer, 'silk-scarf-peony')).unitPrice, 45900);
  });

  it('ranks by reaction time after each viewer\'s own zero, not by arrival: an HLS viewer is not beaten by latency', async () => {
    const webrtc = await as('viewer-webrtc');
    const hls = await as('viewer-hls');
    const late = await as('viewer-lies-late');
    webrtc.send({ t: 'latency.report', id: nextId(), latencyMs: 300 });
    hls.send({ t: 'latency.report', id: nextId(), latencyMs: 4000 });
    late.send({ t: 'latency.report', id: nextId(), latencyMs: 0 });
    const sale = await startSale({ variantId: 'velvet-lipstick-999', price: 100, quota: 1, perViewerLimit: 1, startsInMs: 600, durationMs: 20_000 });
    await sleep(50);
    // A report after the start must not count: this viewer claims the cap right after zero.
    await untilServerTime(sale.startsAt + 20);
    late.send({ t: 'latency.report', id: nextId(), latencyMs: FLASH_SALE_LATENCY_CAP_MS });

    // Too early for the HLS viewer: its picture shows zero 4 s after startsAt.
    await untilServerTime(sale.startsAt + 1000);
    assert.equal(code(await reserve(hls, 'velvet-lipstick-999')), 'sale_not_started');
    // The WebRTC viewer reacts 400 ms after its zero and arrives first; the HLS viewer reacts in 200 ms and
    // arrives 3.5 s later. The late-reporting viewer arrives at 5.2 s; with its frozen latency of 0 it reacted in 5.2 s.
    const attempts: Promise<ServerFrame>[] = [];
    await untilServerTime(sale.startsAt + 300 + 400);
    const first = Date.now();
    attempts.push(reserve(webrtc, 'velvet-lipstick-999'));
    await untilServerTime(sale.startsAt + 4000 + 200);
    attempts.push(reserve(hls, 'velvet-lipstick-999'));
    await untilServerTime(sale.startsAt + 5200);
    attempts.push(reserve(late, 'velvet-lipstick-999'));
    const [a, b, c] = await Promise.all(attempts);
    assert.equal(code(b!), 'ok', 'the HLS viewer reacted fastest and wins the only unit');
    assert.equal(code(a!), 'sold_out');
    assert.equal(code(c!), 'sold_out');
    assert.equal(orderOf(b!).unitPrice, 100);
    assert.equal(orderOf(b!).saleId, sale.id);
    // Decided once nobody could still arrive with a smaller reaction time, inside the ranking window.
    assert.ok(Date.now() - first < FLASH_SALE_LATENCY_CAP_MS + FLASH_SALE_RANKING_WINDOW_MS + 1000);
    await stopSale(sale);
  });

  it('admits many attempts up to the quota and no further, each viewer within its limit, at the sale price', async () => {
    // 12 viewers, each on three sockets (a phone and two tabs): frames of one socket are answered in order, so
    // concurrency per viewer needs several sockets.
    const viewers = await Promise.all(Array.from({ length: 12 }, (_, i) => Promise.all([as(`crowd-${i}`), as(`crowd-${i}`), as(`crowd-${i}`)])));
    const start = db((d) => d.prepare("SELECT stock FROM variants WHERE id = 'wool-coat-s-camel'").get()) as { stock: number };
    const sale = await startSale({ variantId: 'wool-coat-s-camel', price: 5000, quota: 7, perViewerLimit: 1, startsInMs: 300, durationMs: 30_000 });
    await untilServerTime(sale.startsAt + 10);
    // Each viewer: one attempt on two sockets with the same key (one attempt, one answer), then a second key on
    // the third socket while the first is still being ranked (refused: one attempt at a time).
    const attempt = (client: TestClient, idempotencyKey: string) =>
      request(client, { t: 'order.reserve', reserve: { variantId: 'wool-coat-s-camel', quantity: 1, idempotencyKey } });
    const keys = viewers.map(() => key());
    const pairs = viewers.map(([a, b], i) => Promise.all([attempt(a, keys[i]!), attempt(b, keys[i]!)]));
    await sleep(100);
    const others = viewers.map(([, , c]) => attempt(c, key()));
    const answered = await Promise.all(pairs);
    for (const other of await Promise.all(others)) assert.equal(code(other), 'rate_limited');
    for (const [one, same] of answered) assert.deepEqual({ ...one, id: '' }, { ...same, id: '' }, 'the same key answers the same on both sockets');
    const won = answered.map(([one]) => one).filter((f) => code(f) === 'ok');
    const orders = new Map(won.map((f) => [orderOf(f).id, orderOf(f)]));
    assert.equal(orders.size, 7, 'exactly the quota');
    for (const [one] of answered) if (code(one) !== 'ok') assert.equal(code(one), 'sold_out');
    for (const order of orders.values()) assert.equal(order.total, 5000);
    assert.equal(db((d) => d.prepare("SELECT stock FROM variants WHERE id = 'wool-coat-s-camel'").get() as { stock: number }).stock, start.stock - 7);
    const perViewer = db((d) => d.prepare('SELECT viewer_id, SUM(quantity) AS n FROM orders WHERE sale_id = ? GROUP BY viewer_id HAVING n > 1').all(sale.id));
    assert.deepEqual(perViewer, []);
    const event = await host.waitFor((f) => f.t === 'flashsale.changed' && f.sale.id === sale.id && f.sale.remaining === 0, 'remaining 0', 5000);
    assert.ok(event);
    // A cancel gives the unit back to the sale.
    const winnerAt = answered.findIndex(([one]) => code(one) === 'ok');
    const holderAt = answered.findIndex(([one], i) => i !== winnerAt && code(one) === 'ok');
    const loserAt = answered.findIndex(([one]) => code(one) !== 'ok');
    const owner = viewers[winnerAt]![0];
    assert.equal(code(await request(owner, { t: 'order.cancel', orderId: orderOf(answered[winnerAt]![0]).id })), 'ok');
    await host.waitFor((f) => f.t === 'flashsale.changed' && f.sale.id === sale.id && f.sale.remaining === 1, 'remaining 1', 5000);
    // After the window, first come first served: a holder is at its limit, the owner got its allowance back.
    await untilServerTime(sale.startsAt + FLASH_SALE_LATENCY_CAP_MS + FLASH_SALE_RANKING_WINDOW_MS + 50);
    assert.equal(code(await reserve(viewers[holderAt]![0], 'wool-coat-s-camel')), 'limit_reached');
    assert.equal(code(await reserve(owner, 'wool-coat-s-camel')), 'ok');
    assert.equal(code(await reserve(viewers[loserAt]![0], 'wool-coat-s-camel')), 'sold_out');
    await stopSale(sale);
  });
});

// The crash proof: SIGKILL the server (a child process) five times during a flash sale while buyers keep
// reserving, checking out and cancelling, reconnecting after each crash. After every restart: the database passes
// its integrity check, stock + held + sold = initial (and held/sold match the orders), every order has its
// idempotency record, no sale is over its quota, and holds that ran out while the server was down have been
// expired with their units back in stock before the server took its first connection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { SignJWT } from 'jose';

// Holds short enough to run out while the server is down (a restart takes a few seconds).
process.env['LIVE_SHOP_RESERVATION_TTL_MS'] = '1200';
process.env['LIVE_SHOP_PAYMENT_TTL_MS'] = '2500';
process.env['LIVE_SHOP_SWEEP_INTERVAL_MS'] = '200';

const { startTestServer, TEST_SECRET } = await import('../test-server.mjs');
const { addStock, invariantViolations, isClean, openHost, readDatabase } = await import('./crowd.mjs');
type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const KILLS = 5;
const BUYERS = 24;
const VARIANT = 'tea-set-6';
const OTHER = 'silk-scarf-crane';

/** A buyer that keeps buying until stopped, reconnecting whenever the server goes away. Every wait is bounded. */
class Buyer {
  readonly subject: string;
  #socket: WebSocket | null = null;
  #waiting = new Map<string, (frame: { ok: boolean; data?: { id: string }; error?: { code: string } }) => void>();
  #n = 0;
  stopped = false;
  acks = 0;

  constructor(readonly url: string, readonly index: number, readonly saleId: () => string) {
    this.subject = `crash-buyer-${index}`;
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.#connect();
        while (!this.stopped && this.#socket?.readyState === WebSocket.OPEN) await this.#shop();
      } catch {
        // The server is down or restarting: try again shortly.
      }
      this.#socket?.terminate();
      this.#socket = null;
      for (const wake of this.#waiting.values()) wake({ ok: false, error: { code: 'disconnected' } });
      this.#waiting.clear();
      if (!this.stopped) await sleep(100 + Math.random() * 200);
    }
  }

  async #connect(): Promise<void> {
    const socket = new WebSocket(`${this.url.replace(/^http/, 'ws')}/ws`);
    this.#socket = socket;
    socket.on('error', () => {});
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { t: string; id?: string; ok: boolean };
      const wake = frame.id === undefined ? undefined : this.#waiting.get(frame.id);
      if (wake && frame.id !== undefined) {
        this.#waiting.delete(frame.id);
        wake(frame);
      }
    });
    socket.on('close', () => {
      for (const wake of this.#waiting.values()) wake({ ok: false, error: { code: 'disconnected' } });
      this.#waiting.clear();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('open timeout')), 3000);
      socket.once('open', () => (clearTimeout(timer), resolve()));
      socket.once('error', (error) => (clearTimeout(timer), reject(error)));
    });
    const token = await new SignJWT({ role: 'viewer', room: 'demo' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(this.subject)
      .setAudience('live-shop')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_SECRET));
    const welcome = (await this.#request({ t: 'hello', room: 'demo', token })) as { t?: string };
    if (welcome.t !== 'welcome') throw new Error(`hello refused: ${JSON.stringify(welcome)}`);
  }

  #request(frame: object): Promise<{ ok: boolean; data?: { id: string }; error?: { code: string } }> {
    const id = `c${this.index}-${this.#n++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        resolve({ ok: false, error: { code: 'timeout' } });
      }, 10_000);
      this.#waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.#socket?.send(JSON.stringify({ ...frame, id }));
    });
  }

  /** One shopping step: a sale attempt or a regular reserve, then sometimes checkout, sometimes cancel. */
  async #shop(): Promise<void> {
    const key = `${this.subject}-${this.#n}-${Math.random().toString(36).slice(2, 10)}`;
    const inSale = Math.random() < 0.5;
    const reserve = inSale
      ? { variantId: VARIANT, quantity: 1, idempotencyKey: key, saleId: this.saleId() }
      : { variantId: OTHER, quantity: 1 + Math.floor(Math.random() * 2), idempotencyKey: key };
    const reserved = await this.#request({ t: 'order.reserve', reserve });
    this.acks += 1;
    // Retry the same key once: it must answer the same (or the same refusal).
    if (Math.random() < 0.3) await this.#request({ t: 'order.reserve', reserve });
    if (reserved.ok && reserved.data) {
      const roll = Math.random();
      if (roll < 0.4) {
        await this.#request({ t: 'order.checkout', orderId: reserved.data.id, customer: { name: '赵六', phone: '+86 137 0000 0000', address: '深圳市南山区 3 号' } });
      } else if (roll < 0.6) {
        await this.#request({ t: 'order.cancel', orderId: reserved.data.id });
      }
      // else: leave the hold to expire.
    }
    await sleep(20 + Math.random() * 60);
  }
}

describe('SIGKILL during a flash sale', () => {
  let server: TestServer;
  const buyers: Buyer[] = [];
  let running: Promise<void>[] = [];

  before(async () => {
    server = await startTestServer();
    addStock(server.dataDir, VARIANT, 5000);
  });

  after(async () => {
    for (const buyer of buyers) buyer.stopped = true;
    await Promise.all(running);
    await server?.stop();
  });

  it('keeps the invariants, the integrity and every idempotency record across five kills, and returns holds that expired while down', async () => {
    const host = await openHost(server.url);
    const sale = await host.startSale({ variantId: VARIANT, price: 990, quota: 400, perViewerLimit: 3, startsInMs: 0, durationMs: 10 * 60_000 });
    host.close();
    for (let i = 0; i < BUYERS; i++) buyers.push(new Buyer(server.url, i, () => sale.id));
    running = buyers.map((buyer) => buyer.run());

    let expiredWhileDown = 0;
    for (let round = 1; round <= KILLS; round++) {
      // Let the buyers work (the first round also waits out the sale's ranking window).
      const acksBefore = buyers.reduce((n, b) => n + b.acks, 0);
      await sleep(round === 1 ? 9000 : 1500 + Math.random() * 1000);
      assert.ok(buyers.reduce((n, b) => n + b.acks, 0) > acksBefore, `round ${round}: buyers were active before the kill`);
      const killedAt = Date.now();
      await server.restart('SIGKILL');
      const restartedAt = Date.now();

      const check = readDatabase(server.dataDir, (db) => ({
        integrity: db.pragma('integrity_check', { simple: true }),
        violations: invariantViolations(db),
        // Holds due before the kill must be expired by the startup sweep (it runs before the server listens).
        stale: (db.prepare("SELECT COUNT(*) AS n FROM orders WHERE status IN ('reserved', 'pending_payment') AND expires_at <= ?").get(killedAt) as { n: number }).n,
        expiredAtStartup: (db.prepare("SELECT COUNT(*) AS n FROM order_status_history WHERE to_status = 'expired' AND at >= ? AND at <= ?").get(killedAt, restartedAt) as { n: number }).n,
      }));
      assert.equal(check.integrity, 'ok', `round ${round}: integrity_check`);
      assert.ok(isClean(check.violations), `round ${round}: ${JSON.stringify(check.violations)}`);
      assert.equal(check.stale, 0, `round ${round}: holds that expired while down are expired`);
      expiredWhileDown += check.expiredAtStartup;
    }
    assert.ok(expiredWhileDown > 0, 'some holds ran out while the server was down and were returned at startup');

    // Quiesce, crash once more right away, and check the room's events caught up with the stock at startup.
    for (const buyer of buyers) buyer.stopped = true;
    await Promise.all(running);
    await server.restart('SIGKILL');
    const final = readDatabase(server.dataDir, (db) => {
      const stale = db
        .prepare(
          `SELECT v.id, v.stock, (SELECT json_extract(body, '$.available') FROM room_events e
             WHERE e.type = 'stock.changed' AND json_extract(e.body, '$.variantId') = v.id ORDER BY seq DESC LIMIT 1) AS announced
           FROM variants v WHERE v.stock <> v.initial`,
        )
        .all() as { id: string; stock: number; announced: number | null }[];
      return { events: stale.filter((row) => row.announced !== row.stock), violations: invariantViolations(db), integrity: db.pragma('integrity_check', { simple: true }) };
    });
    assert.equal(final.integrity, 'ok');
    assert.ok(isClean(final.violations), JSON.stringify(final.violations));
    assert.deepEqual(final.events, [], 'every variant\'s last stock.changed matches its stock after a restart');
    const totals = readDatabase(server.dataDir, (db) => db.prepare('SELECT status, COUNT(*) AS n FROM orders GROUP BY status ORDER BY status').all());
    console.log(`# after ${KILLS + 1} kills: ${JSON.stringify(totals)}; expired while down: ${expiredWhileDown}`);
  });
});

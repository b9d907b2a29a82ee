// The must-show proof of the flash sale: a real server process, four buyer processes with 500 sockets each (two
// sockets per viewer), every socket sending five attempts back to back at its own zero: 10,000 buy attempts on a
// sale of 100 units with a per-viewer limit of 2. Exactly 100 units are reserved, nobody holds more than 2, and the
// invariants are polled from the SQLite file (read-only) the whole time.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestServer, type TestServer } from '../test-server.mjs';
import { addStock, invariantViolations, isClean, openHost, readDatabase, startBuyers, type Buyers, type Host, type Outcome, type Violations } from './crowd.mjs';

const PROCESSES = 4;
const SOCKETS = 500;
const ATTEMPTS = 5;
const QUOTA = 100;
const LIMIT = 2;
const VARIANT = 'tea-set-4';

describe('flash sale under 10,000 concurrent buy attempts from 4 processes', () => {
  let server: TestServer;
  let host: Host;
  const crowds: Buyers[] = [];

  before(async () => {
    server = await startTestServer();
    // More stock than the quota, so the quota (not the stock) is what must hold.
    addStock(server.dataDir, VARIANT, 1000);
    host = await openHost(server.url);
  });

  after(async () => {
    host?.close();
    await Promise.all(crowds.map((crowd) => crowd.kill()));
    await server?.stop();
  });

  it('sells exactly the quota, keeps every viewer within its limit, and the invariants hold throughout', async () => {
    crowds.push(
      ...(await Promise.all(
        Array.from({ length: PROCESSES }, (_, p) =>
          startBuyers({
            url: server.url,
            name: `p${p}`,
            sockets: SOCKETS,
            socketsPerSubject: 2,
            attemptsPerSocket: ATTEMPTS,
            // HLS-like and WebRTC-like viewers mixed: each socket reports a latency in [0, 4000] ms.
            maxLatencyMs: 4000,
            reactionMs: [0, 500],
            seed: p + 1,
          }),
        ),
      )),
    );
    const before = readDatabase(server.dataDir, (db) => db.prepare('SELECT stock, held, sold, initial FROM variants WHERE id = ?').get(VARIANT)) as { stock: number; held: number };

    // Poll the invariants from the file while the sale runs.
    let polls = 0;
    const violations: Violations[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const found = readDatabase(server.dataDir, invariantViolations);
        polls += 1;
        if (!isClean(found)) violations.push(found);
        await sleep(50);
      }
    })();

    const sale = await host.startSale({ variantId: VARIANT, price: 100, quota: QUOTA, perViewerLimit: LIMIT, startsInMs: 1500, durationMs: 60_000 });
    const startedAt = Date.now();
    for (const crowd of crowds) crowd.go({ saleId: sale.id, startsAt: sale.startsAt, variantId: VARIANT });
    const outcomes: Outcome[] = (await Promise.all(crowds.map((crowd) => crowd.result()))).flat();
    const elapsed = Date.now() - startedAt;
    polling = false;
    await poller;

    assert.equal(outcomes.length, PROCESSES * SOCKETS * ATTEMPTS, 'every attempt answered');
    const won = outcomes.filter((o) => o.ok);
    const orders = new Map(won.map((o) => [o.order!.id, o]));
    const units = [...orders.values()].reduce((sum, o) => sum + o.order!.quantity, 0);
    assert.equal(units, QUOTA, 'exactly the quota is reserved');
    for (const o of orders.values()) assert.equal(o.order!.saleId, sale.id);
    const perSubject = new Map<string, number>();
    for (const o of orders.values()) perSubject.set(o.subject, (perSubject.get(o.subject) ?? 0) + o.order!.quantity);
    assert.ok(Math.max(...perSubject.values()) <= LIMIT, 'no viewer over its limit (acks)');
    const codes = new Map<string, number>();
    for (const o of outcomes) codes.set(o.code, (codes.get(o.code) ?? 0) + 1);
    for (const code of codes.keys()) assert.ok(['ok', 'sold_out', 'limit_reached', 'rate_limited'].includes(code), `unexpected outcome ${code}`);

    const after = readDatabase(server.dataDir, (db) => ({
      variant: db.prepare('SELECT stock, held, sold, initial FROM variants WHERE id = ?').get(VARIANT) as { stock: number; held: number },
      saleUnits: (db.prepare("SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE sale_id = ? AND status = 'reserved'").get(sale.id) as { n: number }).n,
      maxPerViewer: (db.prepare('SELECT COALESCE(MAX(n), 0) AS m FROM (SELECT SUM(quantity) AS n FROM orders WHERE sale_id = ? GROUP BY viewer_id)').get(sale.id) as { m: number }).m,
      violations: invariantViolations(db),
    }));
    assert.equal(after.saleUnits, QUOTA, 'the database holds exactly the quota');
    assert.ok(after.maxPerViewer <= LIMIT, 'no viewer over its limit (database)');
    assert.equal(after.variant.stock, before.stock - QUOTA);
    assert.equal(after.variant.held, before.held + QUOTA);
    assert.ok(isClean(after.violations), JSON.stringify(after.violations));
    assert.ok(polls >= 10, `the invariants were polled throughout (${polls} polls)`);
    assert.deepEqual(violations, [], 'no poll ever saw an invariant broken');
    console.log(`# ${outcomes.length} attempts in ${elapsed} ms: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}; ${polls} invariant polls`);
    await host.stopSale(sale.id);
  });
});

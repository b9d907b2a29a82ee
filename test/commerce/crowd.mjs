// Helpers for the multi-process commerce tests and bench/flashsale: buyer processes (buyers.mjs), a host socket
// that runs flash sales, and read-only checks of the server's SQLite file. Every wait is bounded.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { signTestToken, TEST_SECRET } from '../test-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Starts one buyer process. Resolves once its sockets are joined; `go(sale)` starts the attempts and `result`
 * resolves with every outcome the process saw.
 * @param {Record<string, unknown>} config options of buyers.mjs (url and secret are required)
 */
export async function startBuyers(config) {
  const child = spawn(process.execPath, [join(here, 'buyers.mjs'), JSON.stringify({ secret: TEST_SECRET, ...config })], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const messages = [];
  const waiters = [];
  lines.on('line', (line) => {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    messages.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => {
    for (const wake of waiters.splice(0)) wake();
  });
  const next = (predicate, ms, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`buyers: timed out after ${ms} ms waiting for ${what}\n${stderr}`)), ms);
      const check = () => {
        const found = messages.find(predicate);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`buyers exited (${child.exitCode}) before ${what}\n${stderr}`));
        } else waiters.push(check);
      };
      check();
    });
  await next((m) => m.ready, 300_000, 'ready');
  return {
    /** Starts the attempts of every socket of this process. */
    go(sale) {
      child.stdin.write(`${JSON.stringify(sale)}\n`);
      child.stdin.end();
    },
    /** Every outcome (resolves when the process reports). */
    result: () => next((m) => m.done, 120_000, 'done').then((m) => m.outcomes),
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A host socket on the demo room that starts and stops flash sales. */
export async function openHost(url, room = 'demo') {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  const waiting = new Map();
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (waiting.has(frame.id)) {
      waiting.get(frame.id)(frame);
      waiting.delete(frame.id);
    }
  });
  socket.on('error', () => {});
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let n = 0;
  const request = (frame, ms = 10_000) => {
    const id = `h${n++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host: no answer to ${frame.t} in ${ms} ms`)), ms);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      socket.send(JSON.stringify({ ...frame, id }));
    });
  };
  const welcome = await request({ t: 'hello', room, token: await signTestToken({ role: 'host', room }) });
  if (welcome.t !== 'welcome') throw new Error(`host hello refused: ${JSON.stringify(welcome)}`);
  return {
    /** Starts a sale; resolves with the FlashSale. */
    async startSale(sale) {
      const ack = await request({ t: 'flashsale.start', sale });
      if (!ack.ok) throw new Error(`flashsale.start refused: ${JSON.stringify(ack)}`);
      return ack.data;
    },
    async stopSale(saleId) {
      const ack = await request({ t: 'flashsale.stop', saleId });
      if (!ack.ok) throw new Error(`flashsale.stop refused: ${JSON.stringify(ack)}`);
      return ack.data;
    },
    close() {
      socket.terminate();
    },
  };
}

/** Opens the server's database read-only (as an operator would), runs `read`, closes it. */
export function readDatabase(dataDir, read) {
  const db = new Database(join(dataDir, 'live-shop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * The commerce invariants at one instant (one read transaction): variants whose stock + held + sold differs from
 * initial (or negative), sales over their quota or whose `taken` differs from their live orders, viewers over a
 * sale's per-viewer limit, orders without their idempotency record.
 */
export function invariantViolations(db) {
  return db.transaction(() => ({
    variants: db.prepare('SELECT id, stock, held, sold, initial FROM variants WHERE stock + held + sold <> initial OR stock < 0 OR held < 0 OR sold < 0').all(),
    sales: db
      .prepare(
        `SELECT s.id, s.quota, s.taken, COALESCE(SUM(o.quantity), 0) AS live FROM flash_sales s
         LEFT JOIN orders o ON o.sale_id = s.id AND o.status NOT IN ('cancelled', 'expired')
         GROUP BY s.id HAVING s.taken > s.quota OR live > s.quota OR live <> s.taken`,
      )
      .all(),
    viewers: db
      .prepare(
        `SELECT o.sale_id, o.viewer_id, SUM(o.quantity) AS n, s.per_viewer_limit FROM orders o JOIN flash_sales s ON s.id = o.sale_id
         WHERE o.status IN ('reserved', 'pending_payment', 'paid', 'fulfilled')
         GROUP BY o.sale_id, o.viewer_id HAVING n > s.per_viewer_limit`,
      )
      .all(),
    orphans: db.prepare('SELECT o.id FROM orders o LEFT JOIN idempotency_keys k ON k.order_id = o.id WHERE k.order_id IS NULL').all(),
    // held and sold are exactly the units of the orders in those states (orders from before migration 4 included).
    buckets: db
      .prepare(
        `SELECT v.id, v.held, v.sold,
           (SELECT COALESCE(SUM(quantity), 0) FROM orders o WHERE o.variant_id = v.id AND o.status IN ('reserved', 'pending_payment')) AS open,
           (SELECT COALESCE(SUM(quantity), 0) FROM orders o WHERE o.variant_id = v.id AND o.status IN ('paid', 'fulfilled', 'refunded')) AS done
         FROM variants v WHERE held <> open OR sold <> done`,
      )
      .all(),
  }))();
}

/** True when {@link invariantViolations} found nothing. */
export function isClean(violations) {
  return Object.values(violations).every((list) => list.length === 0);
}

/** Adds `units` to a variant's sellable stock, keeping stock + held + sold = initial (as the merchant API does). */
export function addStock(dataDir, variantId, units) {
  const db = new Database(join(dataDir, 'live-shop.sqlite'), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE variants SET stock = stock + ?, initial = initial + ? WHERE id = ?').run(units, units, variantId);
  } finally {
    db.close();
  }
}

/** Percentile (0-100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

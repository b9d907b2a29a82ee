// Flash-sale bench: one live-shop server process (SQLite), N buyers in 4 other processes (one socket and one
// attempt each), a sale of --quota units with a per-viewer limit of 1. Two modes per N:
//   ranked      every buyer reports a playback latency in [0, 4000] ms and attempts 0-500 ms after its own zero:
//               the attempts are ranked by reaction time, so each waits until no faster one can still arrive
//               (about startsAt + 6 s cap + its reaction): latency here is mostly that deliberate wait;
//   first-come  every buyer attempts after the ranking window (latency 0, all within 500 ms): raw admission.
// Prints one table: attempts, answered, decided/s (answers ÷ first send → last answer), p50/p99 attempt latency
// (send → ack), server CPU per attempt (user + system of the server process from /proc while the attempts ran,
// including the fan-out of stock and sale events to every socket: the figure least moved by other load), units
// sold (reserved through the sale, read from SQLite), quota, oversold (must be 0).
//   npm run bench:flashsale [-- --n 1000,10000 --quota 100 --modes ranked,first-come --json out.json]
// Every child is killed on exit; every wait is bounded; everything binds 127.0.0.1.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { FLASH_SALE_LATENCY_CAP_MS, FLASH_SALE_RANKING_WINDOW_MS } from '@live-shop/protocol';
import { startTestServer } from '../../test/test-server.mjs';
import { cpuMsOf } from '../fanout/stats.mjs';
import { addStock, invariantViolations, isClean, openHost, percentile, readDatabase, startBuyers } from '../../test/commerce/crowd.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,10000' },
    quota: { type: 'string', default: '100' },
    modes: { type: 'string', default: 'ranked,first-come' },
    processes: { type: 'string', default: '4' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write('usage: npm run bench:flashsale -- [--n 1000,10000] [--quota 100] [--modes ranked,first-come] [--processes 4] [--json file]\n');
  process.exit(0);
}
const ns = values.n.split(',').map(Number);
const quota = Number(values.quota);
const processes = Number(values.processes);
const modes = values.modes.split(',');
if (ns.some((n) => !Number.isSafeInteger(n) || n < processes) || !Number.isSafeInteger(quota) || quota < 1) {
  process.stderr.write('--n must be integers >= --processes, --quota a positive integer\n');
  process.exit(2);
}

const VARIANT = 'tea-set-4';
const children = new Set();
const cleanup = async () => Promise.all([...children].map((child) => child.kill?.() ?? child.stop?.()));
process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));

async function run(n, mode) {
  const server = await startTestServer({ startTimeoutMs: 60_000 });
  children.add(server);
  const crowds = [];
  try {
    addStock(server.dataDir, VARIANT, n + quota);
    const host = await openHost(server.url);
    const per = Math.ceil(n / processes);
    const connectStarted = Date.now();
    crowds.push(
      ...(await Promise.all(
        Array.from({ length: processes }, (_, p) =>
          startBuyers({
            url: server.url,
            name: `b${p}`,
            sockets: Math.min(per, n - p * per),
            attemptsPerSocket: 1,
            maxLatencyMs: mode === 'ranked' ? 4000 : 0,
            // first-come: start after the ranking window (cap + window after startsAt), spread over 500 ms.
            reactionMs: mode === 'ranked' ? [0, 500] : [FLASH_SALE_LATENCY_CAP_MS + FLASH_SALE_RANKING_WINDOW_MS + 200, FLASH_SALE_LATENCY_CAP_MS + FLASH_SALE_RANKING_WINDOW_MS + 700],
            timeoutMs: 120_000,
            seed: p + 1,
          }),
        ),
      )),
    );
    crowds.forEach((crowd) => children.add(crowd));
    const connectMs = Date.now() - connectStarted;
    const sale = await host.startSale({ variantId: VARIANT, price: 100, quota, perViewerLimit: 1, startsInMs: 1000, durationMs: 10 * 60_000 });
    const cpuBefore = cpuMsOf(server.pid);
    for (const crowd of crowds) crowd.go({ saleId: sale.id, startsAt: sale.startsAt, variantId: VARIANT });
    const outcomes = (await Promise.all(crowds.map((crowd) => crowd.result()))).flat();
    const cpuMs = cpuMsOf(server.pid) - cpuBefore;
    host.close();
    const first = Math.min(...outcomes.map((o) => o.sentAt));
    const last = Math.max(...outcomes.map((o) => o.ackAt));
    const latencies = outcomes.map((o) => o.ackAt - o.sentAt);
    const db = readDatabase(server.dataDir, (handle) => ({
      sold: handle.prepare("SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE sale_id = ? AND status NOT IN ('cancelled', 'expired')").get(sale.id).n,
      clean: isClean(invariantViolations(handle)),
    }));
    return {
      n,
      mode,
      connectS: connectMs / 1000,
      attempts: n,
      answered: outcomes.length,
      admitted: outcomes.filter((o) => o.ok).length,
      decidedPerS: outcomes.length / ((last - first) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      serverUsPerAttempt: (cpuMs * 1000) / n,
      sold: db.sold,
      quota,
      oversold: Math.max(0, db.sold - quota),
      invariants: db.clean ? 'ok' : 'BROKEN',
    };
  } finally {
    await Promise.all(crowds.map((crowd) => crowd.kill()));
    crowds.forEach((crowd) => children.delete(crowd));
    await server.stop();
    children.delete(server);
  }
}

const rows = [];
for (const n of ns) {
  for (const mode of modes) {
    process.stderr.write(`flash sale: ${n} buyers, ${mode}…\n`);
    try {
      rows.push(await run(n, mode));
    } catch (error) {
      process.stderr.write(`  failed: ${error instanceof Error ? error.message : String(error)}\n`);
      rows.push({ n, mode, failed: true });
    }
  }
}

const header = ['buyers', 'mode', 'connect s', 'answered', 'admitted', 'decided/s', 'p50 ms', 'p99 ms', 'server µs/attempt', 'sold', 'quota', 'oversold', 'invariants'];
const table = rows.map((r) =>
  r.failed
    ? [r.n, r.mode, 'failed', '', '', '', '', '', '', '', '', '', '']
    : [r.n, r.mode, r.connectS.toFixed(1), r.answered, r.admitted, Math.round(r.decidedPerS), Math.round(r.p50), Math.round(r.p99), Math.round(r.serverUsPerAttempt), r.sold, r.quota, r.oversold, r.invariants],
);
const widths = header.map((h, i) => Math.max(String(h).length, ...table.map((row) => String(row[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
process.stdout.write(`\nflash sale on SQLite — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, load ${loadavg()[0].toFixed(1)}\n`);
process.stdout.write(`${line(header)}\n${table.map(line).join('\n')}\n`);
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 2));
process.exit(rows.some((r) => r.failed || r.oversold > 0 || r.invariants !== 'ok') ? 1 : 0);

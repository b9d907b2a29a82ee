// Room fan-out bench: one server process, N viewers in another process, a host that pins a product and
// then posts chat at a steady rate. Runs the live-shop server and a plain Socket.IO 4 server (the peer)
// in the same run and prints one table comparing them at each N.
//   npm run bench:fanout [-- --n 1000,5000,10000 --rate 10 --duration 20 --servers live-shop,socketio]
//   npm run bench:fanout -- --quick        (N = 200, 3 s: a smoke run)
// Options: --concurrency <handshakes in flight> (200), --cpu-prof (server CPU profiles into a temp folder),
// --json <file> (the results as JSON too), --heartbeat-ms <ms> (the live-shop server's ping interval instead
// of its default, to see what heartbeats cost under load). Everything binds 127.0.0.1; every child is killed on exit.
import { spawn, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { signTestToken } from '../../test/test-server.mjs';
import { RssSampler, cpuMsOf, formatTable, nowMs, openFileLimit } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SECRET = 'fanout-bench-secret-0123456789abcdef';
const ROOM = 'demo';
const PIN_PRODUCT = 'wool-coat';
/** Chat after the send stamp, so messages are a realistic size (about 90 bytes of text). */
const CHAT_TAIL = '主播这件大衣还有黑色的吗？M 码适合 170 吗 · is the black one in stock?';

const { values } = parseArgs({
  options: {
    n: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    servers: { type: 'string', default: 'live-shop,socketio' },
    concurrency: { type: 'string', default: '200' },
    quick: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'heartbeat-ms': { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    'usage: npm run bench:fanout -- [--n 1000,5000,10000] [--rate 10] [--duration 20] [--servers live-shop,socketio]\n' +
      '                              [--concurrency 200] [--quick] [--cpu-prof] [--json file] [--heartbeat-ms 3000]\n',
  );
  process.exit(0);
}

function positiveInts(text, name) {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((x) => !Number.isSafeInteger(x) || x < 1)) {
    process.stderr.write(`--${name} must be positive integers, e.g. 1000,5000\n`);
    process.exit(2);
  }
  return list;
}
const ns = positiveInts(values.n ?? (values.quick ? '200' : '1000,5000,10000'), 'n');
const [rate] = positiveInts(values.rate ?? '10', 'rate');
const [duration] = positiveInts(values.duration ?? (values.quick ? '3' : '20'), 'duration');
const [concurrency] = positiveInts(values.concurrency, 'concurrency');
const kinds = values.servers.split(',').map((s) => s.trim());
if (kinds.length === 0 || kinds.some((k) => k !== 'live-shop' && k !== 'socketio')) {
  process.stderr.write('--servers takes live-shop and/or socketio\n');
  process.exit(2);
}
// The server and the viewer process each hold N sockets (plus files, pipes): check before we start.
const neededFiles = Math.max(...ns) + 256;
if (openFileLimit() < neededFiles) {
  process.stderr.write(
    `This bench needs at least ${neededFiles} open files per process; the limit here is ${openFileLimit()}.\n` +
      `Raise it first (ulimit -n ${neededFiles}; npm run bench:fanout raises it to the hard limit) or pass a smaller --n.\n`,
  );
  process.exit(1);
}

// ---- process bookkeeping: every child is killed and the temp folder removed, whatever happens ----
const work = mkdtempSync(join(tmpdir(), 'live-shop-fanout-'));
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (!values['cpu-prof']) rmSync(work, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves `promise` or rejects after `ms`, naming what was awaited. */
async function within(ms, what, promise) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

// ---- servers ----

/** Starts one server child and waits for its `listening on <url>` line. */
async function startServer(kind, run, welcomeFile) {
  // One folder per run: Node names each thread's profile itself (tsx runs its loader in a second thread).
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'profiles', run)}`] : [];
  const args =
    kind === 'live-shop'
      ? [...profile, '--conditions=source', '--import', 'tsx', join(here, 'live-shop-server.ts'), '--data', join(work, run), '--secret', SECRET,
        ...(values['heartbeat-ms'] ? ['--heartbeat-ms', String(positiveInts(values['heartbeat-ms'], 'heartbeat-ms')[0])] : [])]
      : [...profile, join(here, 'socketio-server.mjs'), ...(welcomeFile ? ['--welcome', welcomeFile] : [])];
  const child = track(spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }));
  let log = '';
  let warnings = 0;
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    warnings += (chunk.match(/"level":"(warn|error)"/g) ?? []).length;
    log = (log + chunk).slice(-4000);
  });
  let out = '';
  const url = await within(
    30_000,
    `${kind} server start`,
    new Promise((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1].replace(/\/$/, ''));
      });
      child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} before listening:\n${log}`)));
    }),
  );
  return {
    pid: child.pid,
    url,
    log: () => log,
    warnings: () => warnings,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await within(15_000, `${kind} server stop`, exited).catch(() => {
        process.stdout.write(` (${kind} server did not stop in 15 s: killed)`);
        child.kill('SIGKILL');
      });
    },
  };
}

// ---- viewers (another process) ----

async function startViewers() {
  const child = track(fork(join(here, 'viewers.mjs'), [], { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  /** @type {Map<string, (message: any) => void>} */
  const waiting = new Map();
  child.on('message', (message) => {
    const resolve = waiting.get(message.type);
    waiting.delete(message.type);
    resolve?.(message);
  });
  const next = (type) => new Promise((resolve) => waiting.set(type, resolve));
  await within(30_000, 'viewer process start', next('ready'));
  return {
    pid: child.pid,
    async request(message, answer, ms) {
      const reply = next(answer);
      child.send(message);
      return within(ms, `viewers: ${message.cmd}`, reply);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ cmd: 'close' });
      await within(10_000, 'viewer process exit', exited).catch(() => child.kill('SIGKILL'));
    },
  };
}

// ---- hosts (this process) ----

function hostToken() {
  return signTestToken({ role: 'host', room: ROOM, name: 'Bench Host' }, SECRET);
}

/** The live-shop host: a plain ws socket with a host token. */
async function liveShopHost(url) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { perMessageDeflate: false });
  const acks = { ok: 0, failed: 0, codes: new Set() };
  let onWelcome;
  const welcome = new Promise((resolve, reject) => {
    onWelcome = resolve;
    ws.once('error', reject);
  });
  ws.on('error', (error) => process.stderr.write(`  live-shop host socket: ${error.message}\n`));
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.t === 'welcome') onWelcome(frame);
    else if (frame.t === 'ack' && frame.id !== 'hello') {
      if (frame.ok) acks.ok++;
      else {
        acks.failed++;
        acks.codes.add(frame.error?.code);
      }
    }
  });
  await within(10_000, 'host socket open', new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject))));
  ws.send(JSON.stringify({ t: 'hello', id: 'hello', room: ROOM, token: await hostToken() }));
  const { snapshot } = await within(10_000, 'host welcome', welcome);
  let id = 0;
  return {
    snapshot,
    acks,
    pin: (productId) => ws.send(JSON.stringify({ t: 'product.pin', id: `p${++id}`, productId })),
    chat: (text) => ws.send(JSON.stringify({ t: 'chat.send', id: `c${++id}`, text })),
    close: () => ws.terminate(),
  };
}

/** The Socket.IO host: a socket.io-client socket; the peer server trusts `role`. */
async function socketIoHost(url) {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  const acks = { ok: 0, failed: 0, codes: new Set() };
  const count = (ack) => (ack?.ok ? acks.ok++ : (acks.failed++, acks.codes.add('refused')));
  await within(10_000, 'socket.io host connect', new Promise((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject))));
  const welcome = await within(10_000, 'socket.io host welcome', new Promise((resolve) => socket.emit('hello', { id: 'hello', room: ROOM, role: 'host' }, resolve)));
  let id = 0;
  return {
    snapshot: welcome.snapshot,
    acks,
    pin: (productId) => socket.emit('product.pin', { id: `p${++id}`, productId }, count),
    chat: (text) => socket.emit('chat.send', { id: `c${++id}`, text }, count),
    close: () => socket.disconnect(),
  };
}

// ---- one run ----

async function runOne(kind, n, welcomeFile) {
  const run = `${kind}-${n}`;
  const server = await startServer(kind, run, welcomeFile);
  const rss = new RssSampler(server.pid);
  let viewers;
  let host;
  try {
    viewers = await startViewers();
    const joined = await viewers.request({ cmd: 'connect', kind, url: server.url, n, concurrency, timeoutMs: 30_000 }, 'connected', 180_000);
    if (joined.failed > 0) process.stderr.write(`  ${run}: ${joined.failed} viewers failed to join (${joined.errors.join('; ')})\n`);
    const rssJoined = rss.peak;
    host = kind === 'live-shop' ? await liveShopHost(server.url) : await socketIoHost(server.url);

    const cpuStart = { server: cpuMsOf(server.pid), viewers: cpuMsOf(viewers.pid), at: nowMs() };
    host.pin(PIN_PRODUCT);
    const count = rate * duration;
    const start = nowMs();
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - nowMs();
      if (wait > 0) await sleep(wait);
      host.chat(`bench ${i} ${nowMs().toFixed(3)} ${CHAT_TAIL}`);
    }
    // Drain: wait (bounded) until every viewer has every message, or give up after 10 s.
    const expected = count * joined.connected;
    const drainUntil = nowMs() + 10_000;
    // A viewer process saturated by its sockets answers IPC late: allow it a minute.
    let stats = await viewers.request({ cmd: 'stats' }, 'stats', 60_000);
    for (let tries = 0; tries < 50 && stats.chatDelivered < expected && nowMs() < drainUntil; tries++) {
      await sleep(200);
      stats = await viewers.request({ cmd: 'stats' }, 'stats', 60_000);
    }
    const wallMs = nowMs() - cpuStart.at;
    const serverCpuMs = cpuMsOf(server.pid) - cpuStart.server;
    const serverCpu = serverCpuMs / wallMs;
    const viewerCpuMs = cpuMsOf(viewers.pid) - cpuStart.viewers;
    const viewerCpu = viewerCpuMs / wallMs;
    const spanS = Math.max(1e-3, (stats.lastReceive - start) / 1000);
    rss.stop();
    return {
      server: kind,
      n,
      joined: joined.connected,
      connectS: joined.connectMs / 1000,
      sent: count,
      hostAcksOk: host.acks.ok,
      hostAcksFailed: host.acks.failed,
      hostErrorCodes: [...host.acks.codes],
      expected,
      delivered: stats.chatDelivered,
      pinsDelivered: stats.pinDelivered,
      closedEarly: stats.closedEarly,
      closeReasons: stats.closeReasons,
      minPerViewer: stats.minPerViewer,
      deliveredPerS: stats.chatDelivered / spanS,
      p50Ms: stats.p50,
      p99Ms: stats.p99,
      maxMs: stats.max,
      rssJoinedMB: rssJoined / 2 ** 20,
      rssPeakMB: rss.peak / 2 ** 20,
      serverCpu,
      /** Server CPU time per chat delivery: what fan-out costs, whatever else the machine is doing. */
      serverUsPerDelivery: (1000 * serverCpuMs) / Math.max(1, stats.chatDelivered),
      viewerCpu,
      viewerUsPerDelivery: (1000 * viewerCpuMs) / Math.max(1, stats.chatDelivered),
      /** 1-minute load average at the end of the send window: other work on the machine shows here. */
      load: loadavg()[0],
      serverWarnings: server.warnings(),
      snapshot: host.snapshot,
    };
  } finally {
    rss.stop();
    host?.close();
    await viewers?.stop();
    await server.stop();
  }
}

// ---- main ----

const results = [];
/** @type {{ server: string, n: number, error: string }[]} */
const failures = [];
let welcomeFile;
process.stdout.write(
  `fan-out bench: ${kinds.join(' vs ')}, N = ${ns.join(', ')}; host pins 1 product then sends ${rate} chat/s for ${duration} s; ` +
    `${cpus().length} cores\n`,
);
if (loadavg()[0] > cpus().length) {
  process.stdout.write(
    `  note: the machine is busy (load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores); latencies will include waiting for a CPU\n`,
  );
}
for (const n of ns) {
  for (const kind of kinds) {
    process.stdout.write(`  ${kind} N=${n} ...`);
    const started = nowMs();
    let result;
    try {
      result = await runOne(kind, n, welcomeFile);
    } catch (error) {
      // One run that cannot finish (a process too busy to answer) must not lose the others' figures.
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ server: kind, n, error: message });
      process.stdout.write(` failed after ${((nowMs() - started) / 1000).toFixed(1)} s: ${message}\n`);
      continue;
    }
    if (kind === 'live-shop' && !welcomeFile) {
      // The peer sends the very snapshot live-shop sent, so a welcome weighs the same on both.
      welcomeFile = join(work, 'welcome-snapshot.json');
      writeFileSync(welcomeFile, JSON.stringify(result.snapshot));
    }
    delete result.snapshot;
    results.push(result);
    process.stdout.write(` ${((nowMs() - started) / 1000).toFixed(1)} s\n`);
  }
}

const f1 = (x) => x.toFixed(1);
const header = ['server', 'N', 'connect s', 'joined', 'delivered/s', 'delivered %', 'p50 ms', 'p99 ms', 'max ms', 'peak RSS MB', 'server CPU %', 'server µs/msg', 'viewers CPU %', 'viewers µs/msg', 'load'];
const rows = results.map((r) => [
  r.server,
  r.n,
  r.connectS.toFixed(2),
  r.joined,
  Math.round(r.deliveredPerS),
  ((100 * r.delivered) / Math.max(1, r.expected)).toFixed(2),
  f1(r.p50Ms),
  f1(r.p99Ms),
  f1(r.maxMs),
  f1(r.rssPeakMB),
  Math.round(100 * r.serverCpu),
  f1(r.serverUsPerDelivery),
  Math.round(100 * r.viewerCpu),
  f1(r.viewerUsPerDelivery),
  r.load.toFixed(1),
]);
for (const f of failures) rows.push([f.server, f.n, 'failed', ...header.slice(3).map(() => '-')]);
process.stdout.write(`\n${formatTable(header, rows)}\n\n`);
for (const f of failures) process.stdout.write(`  ${f.server} N=${f.n}: failed: ${f.error}\n`);
for (const r of results) {
  const notes = [];
  if (r.hostAcksFailed > 0) notes.push(`host commands refused: ${r.hostAcksFailed} (${r.hostErrorCodes.join(', ')})`);
  if (r.hostAcksOk < r.sent + 1) notes.push(`host acks received: ${r.hostAcksOk}/${r.sent + 1}`);
  if (r.pinsDelivered < r.joined) notes.push(`pin reached ${r.pinsDelivered}/${r.joined} viewers`);
  if (r.closedEarly > 0) {
    const why = Object.entries(r.closeReasons).map(([reason, count]) => `${count}× ${reason}`).join(', ');
    notes.push(`${r.closedEarly} viewer sockets closed during the run (${why})`);
  }
  if (r.serverWarnings > 0) notes.push(`${r.serverWarnings} server warnings`);
  if (r.viewerCpu > 0.9) notes.push('viewer process near 100% CPU: latency includes client-side queueing');
  if (notes.length) process.stdout.write(`  ${r.server} N=${r.n}: ${notes.join('; ')}\n`);
}
process.stdout.write(
  'delivered/s = chat deliveries to viewers / (first send → last delivery); latency = host send → viewer receive ' +
    '(CLOCK_MONOTONIC, JSON parsed); CPU % of one core over the send window; server µs/msg = server CPU time\n' +
    'over that window / chat deliveries; RSS peak of the server process (VmRSS);\n' +
    'load = 1-minute load average after the run (above the core count, other work on the machine competed).\n',
);
if (values['cpu-prof']) process.stdout.write(`server CPU profiles: ${join(work, 'profiles')}\n`);
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), rate, duration, results, failures }, null, 2)}\n`);
}
process.exitCode = failures.length > 0 ? 1 : 0;

// The viewers of the fan-out bench: N sockets in this one process, forked by run.mjs and driven over IPC.
//   { cmd: 'connect', kind: 'live-shop' | 'socketio', url, n, concurrency, timeoutMs } → { type: 'connected', ... }
//   { cmd: 'stats' } → { type: 'stats', ... }          { cmd: 'close' } → closes every socket and exits
// live-shop viewers are plain `ws` sockets speaking the wire protocol (hello → welcome, then room events):
// a full LiveShopClient per socket (stores, clock, media) would measure the client, not the server.
// Socket.IO viewers are real socket.io-client sockets (forceNew: one connection each, websocket only).
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { LatencyHistogram, nowMs } from './stats.mjs';

/** @type {{ close(): void }[]} */
const sockets = [];
const latency = new LatencyHistogram();
let chatDelivered = 0;
let pinDelivered = 0;
let closedEarly = 0;
/** Why joined sockets closed before the end: close code (live-shop) or disconnect reason (Socket.IO). */
const closeReasons = {};
let firstReceive = 0;
let lastReceive = 0;
/** Chat deliveries per viewer, to see whether some viewers fall behind. */
let perViewer = new Uint32Array(0);

function onChat(viewer, text) {
  // The host writes `bench <i> <send time in ms>` (see run.mjs): the same clock on the same machine.
  if (!text.startsWith('bench ')) return;
  const now = nowMs();
  const sent = Number(text.split(' ', 3)[2]);
  if (!Number.isFinite(sent)) return;
  latency.add(now - sent);
  chatDelivered++;
  perViewer[viewer]++;
  if (firstReceive === 0) firstReceive = now;
  lastReceive = now;
}

function onEvent(viewer, event) {
  if (event?.t === 'chat.message') onChat(viewer, event.message.text);
  else if (event?.t === 'product.pinned') pinDelivered++;
}

/** Opens one live-shop viewer; resolves on `welcome`. */
function openLiveShop(url, viewer, timeoutMs) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { perMessageDeflate: false });
    let joined = false;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no welcome within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on('open', () => ws.send(JSON.stringify({ t: 'hello', id: `h${viewer}`, room: 'demo', name: `bench${viewer}` })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (joined) return onEvent(viewer, frame);
      if (frame.t === 'welcome') {
        joined = true;
        clearTimeout(timer);
        resolve({ close: () => ws.terminate() });
      } else if (frame.t === 'ack' && frame.ok === false) {
        clearTimeout(timer);
        ws.terminate();
        reject(new Error(`hello refused: ${frame.error?.code}`));
      }
    });
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      if (joined && !closing) {
        closedEarly++;
        closeReasons[code] = (closeReasons[code] ?? 0) + 1;
      }
      reject(new Error('closed before welcome'));
    });
  });
}

/** Opens one Socket.IO viewer; resolves on the `hello` acknowledgement (its welcome). */
function openSocketIo(url, viewer, timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: timeoutMs });
    let joined = false;
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error(`no welcome within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('event', (event) => onEvent(viewer, event));
    socket.on('connect', () => {
      socket.emit('hello', { id: `h${viewer}`, room: 'demo', name: `bench${viewer}` }, (welcome) => {
        clearTimeout(timer);
        if (welcome?.t !== 'welcome') {
          socket.disconnect();
          return reject(new Error('hello refused'));
        }
        joined = true;
        resolve({ close: () => socket.disconnect() });
      });
    });
    socket.on('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('disconnect', (reason) => {
      clearTimeout(timer);
      if (joined && !closing) {
        closedEarly++;
        closeReasons[reason] = (closeReasons[reason] ?? 0) + 1;
      }
    });
  });
}

async function connect({ kind, url, n, concurrency, timeoutMs }) {
  perViewer = new Uint32Array(n);
  const open = kind === 'socketio' ? openSocketIo : openLiveShop;
  const started = performance.now();
  let next = 0;
  let failed = 0;
  /** @type {string[]} */
  const errors = [];
  // A bounded number of handshakes in flight: opening 10,000 at once only measures the listen backlog.
  async function worker() {
    while (next < n) {
      const viewer = next++;
      try {
        sockets.push(await open(url, viewer, timeoutMs));
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push(String(error instanceof Error ? error.message : error));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return { type: 'connected', connected: sockets.length, failed, errors, connectMs: performance.now() - started };
}

function stats() {
  let minPerViewer = Infinity;
  for (let i = 0; i < perViewer.length; i++) minPerViewer = Math.min(minPerViewer, perViewer[i]);
  return {
    type: 'stats',
    chatDelivered,
    pinDelivered,
    closedEarly,
    closeReasons,
    firstReceive,
    lastReceive,
    minPerViewer: perViewer.length === 0 ? 0 : minPerViewer,
    p50: latency.quantile(0.5),
    p99: latency.quantile(0.99),
    max: latency.max,
    memory: process.memoryUsage().rss,
  };
}

let closing = false;
function closeAll() {
  closing = true;
  for (const socket of sockets.splice(0)) socket.close();
}

process.on('message', (message) => {
  if (message.cmd === 'connect') {
    connect(message).then(
      (result) => process.send(result),
      (error) => process.send({ type: 'error', message: String(error) }),
    );
  } else if (message.cmd === 'stats') {
    process.send(stats());
  } else if (message.cmd === 'close') {
    closeAll();
    process.exit(0);
  }
});
// The bench died: do not keep thousands of sockets open behind it.
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
process.send({ type: 'ready' });

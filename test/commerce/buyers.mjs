// A crowd of flash-sale buyers in one process, for test/commerce and bench/flashsale. Started as a child process:
//   node test/commerce/buyers.mjs '<json config>'
// It opens `sockets` WebSockets (viewer tokens, `socketsPerSubject` sockets share one subject), reports each socket's
// playback latency, prints {"ready":true}, then waits for one stdin line {"saleId","startsAt","variantId"}. Each socket
// then sends `attemptsPerSocket` order.reserve frames back to back, `reactionMs` after its own zero
// (startsAt + its latency), and the process prints one JSON line with every outcome and exits.
// Every wait is bounded; every socket is closed before exit.
import WebSocket from 'ws';
import { SignJWT } from 'jose';
import { createInterface } from 'node:readline';

const config = JSON.parse(process.argv[2] ?? '{}');
const {
  url,
  secret,
  room = 'demo',
  name = 'crowd',
  sockets: socketCount = 100,
  socketsPerSubject = 1,
  attemptsPerSocket = 1,
  maxLatencyMs = 0,
  reactionMs = [0, 300],
  timeoutMs = 45_000,
  seed = 1,
} = config;

// Deterministic pseudo-random numbers (mulberry32) so a run can be repeated.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const key = new TextEncoder().encode(secret);
const token = (sub) =>
  new SignJWT({ role: 'viewer', room })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setAudience('live-shop')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key);

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** One buyer socket: sends frames, resolves acks by id. */
async function openBuyer(index) {
  const subject = `${name}-${Math.floor(index / socketsPerSubject)}`;
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  const waiting = new Map();
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if ((frame.t === 'ack' || frame.t === 'welcome') && waiting.has(frame.id)) {
      waiting.get(frame.id)(frame);
      waiting.delete(frame.id);
    }
  });
  socket.on('error', () => {});
  await withTimeout(new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  }), 60_000, `socket ${index} open`);
  let n = 0;
  const request = (frame) => {
    const id = `b${index}-${n++}`;
    const answer = new Promise((resolve) => waiting.set(id, resolve));
    socket.send(JSON.stringify({ ...frame, id }));
    return answer;
  };
  const welcome = await withTimeout(request({ t: 'hello', room, token: await token(subject) }), 60_000, `welcome ${index}`);
  if (welcome.t !== 'welcome') throw new Error(`hello refused: ${JSON.stringify(welcome)}`);
  const latencyMs = Math.round(random() * maxLatencyMs);
  if (maxLatencyMs > 0) socket.send(JSON.stringify({ t: 'latency.report', id: `l${index}`, latencyMs }));
  return { index, subject, socket, request, latencyMs };
}

const buyers = [];
for (let i = 0; i < socketCount; i += 50) {
  buyers.push(...(await Promise.all(Array.from({ length: Math.min(50, socketCount - i) }, (_, j) => openBuyer(i + j)))));
}
process.stdout.write(`${JSON.stringify({ ready: true, sockets: buyers.length })}\n`);

const lines = createInterface({ input: process.stdin });
const go = await withTimeout(new Promise((resolve) => lines.once('line', (line) => resolve(JSON.parse(line)))), 600_000, 'go');
lines.close();

const outcomes = [];
await withTimeout(
  Promise.all(
    buyers.map(async (buyer) => {
      const reaction = reactionMs[0] + random() * (reactionMs[1] - reactionMs[0]);
      const sendAt = go.startsAt + buyer.latencyMs + reaction;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, sendAt - Date.now())));
      const attempts = Array.from({ length: attemptsPerSocket }, (_, a) => {
        const sentAt = Date.now();
        const reserve = { variantId: go.variantId, quantity: 1, idempotencyKey: `${name}-${buyer.index}-${a}-${seed}`, saleId: go.saleId };
        return buyer.request({ t: 'order.reserve', reserve }).then((ack) => {
          outcomes.push({
            subject: buyer.subject,
            ok: ack.ok,
            code: ack.ok ? 'ok' : ack.error?.code,
            order: ack.ok ? { id: ack.data.id, quantity: ack.data.quantity, total: ack.data.total, saleId: ack.data.saleId } : null,
            sentAt,
            ackAt: Date.now(),
          });
        });
      });
      await Promise.all(attempts);
    }),
  ),
  timeoutMs,
  'every attempt answered',
).catch((error) => {
  process.stdout.write(`${JSON.stringify({ error: String(error), answered: outcomes.length })}\n`);
});

process.stdout.write(`${JSON.stringify({ done: true, outcomes })}\n`);
await Promise.all(
  buyers.map(
    ({ socket }) =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', resolve);
        socket.close();
        setTimeout(() => {
          socket.terminate();
          resolve();
        }, 2000).unref();
      }),
  ),
);
process.exit(0);

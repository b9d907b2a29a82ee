// Test helpers for the server's node tests: real servers on 127.0.0.1:0 in fresh temp folders,
// real WebSocket clients. Every wait is bounded; everything opened is closed by `cleanup()`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { parseServerFrame, type OrderRequest, type RoomEvent, type ServerFrame, type WelcomeSnapshot } from '@live-shop/protocol';
import { createServer, type LiveShopServer } from '../server.js';
import type { ServerOptions } from '../config.js';
import { signToken } from '../auth/tokens.js';
import type { Logger } from '../logger.js';

/** Secret of test servers. */
export const TEST_SECRET = 'server-test-secret-0123456789abcdef';

/** A logger that keeps lines for assertions instead of printing them. */
export function memoryLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}

/** A fresh temp data folder, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'live-shop-server-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts a seeded server (demo room, no autopilot) on a free port. */
export async function startServer(
  options: Partial<ServerOptions> & { dataDir: string },
): Promise<LiveShopServer> {
  return createServer({ port: 0, secret: TEST_SECRET, seed: 'demo', logger: memoryLogger(), ...options });
}

/** A host token for the demo room. */
export function hostToken(room = 'demo'): Promise<string> {
  return signToken(TEST_SECRET, { role: 'host', room, name: 'Test Host' });
}

/** Resolves `promise`, or rejects after `ms` with a message that says what was awaited. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

let ids = 0;
/** A fresh command id. */
export function nextId(): string {
  return `t${++ids}`;
}

/** A valid order request for `variantId`. */
export function orderRequest(variantId: string, overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    variantId,
    quantity: 1,
    customer: { name: '张三', phone: '+86 138 0000 0000', address: '上海市静安区南京西路 1 号' },
    idempotencyKey: `key-${nextId()}-${Math.random().toString(36).slice(2, 10)}`,
    ...overrides,
  };
}

/** A real WebSocket client that records every frame the server sends. */
export class TestClient {
  readonly frames: ServerFrame[] = [];
  readonly socket: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters = new Set<() => void>();

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      const parsed = parseServerFrame(data.toString());
      if (!parsed.ok) throw new Error(`server sent an invalid frame: ${parsed.error.message}`);
      this.frames.push(parsed.value);
      for (const wake of this.#waiters) wake();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    void this.closed.then(() => {
      for (const wake of this.#waiters) wake();
    });
  }

  /** Opens a socket to `server`'s /ws (optionally with an Origin header). */
  static async open(server: { url: string }, options: { origin?: string } = {}): Promise<TestClient> {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws`, options.origin ? { origin: options.origin } : {});
    await within(5000, 'websocket open', new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }));
    return new TestClient(socket);
  }

  /** Opens a socket and joins the room without resuming; resolves with the welcome (always a snapshot). */
  static async join(
    server: { url: string },
    options: { room?: string; token?: string; name?: string } = {},
  ): Promise<{ client: TestClient; welcome: WelcomeSnapshot }> {
    const client = await TestClient.open(server);
    const reply = await client.request({ t: 'hello', room: options.room ?? 'demo', ...options });
    if (reply.t !== 'welcome') throw new Error(`hello was refused: ${JSON.stringify(reply)}`);
    if (reply.recovered) throw new Error('a hello without epoch was answered with recovered: true');
    return { client, welcome: reply };
  }

  /** Sends a frame as JSON (or a raw string as is). */
  send(frame: object | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a command with a fresh id and resolves with the frame that answers it (ack or welcome). */
  async request(frame: object): Promise<ServerFrame> {
    const id = nextId();
    this.send({ ...frame, id });
    return this.waitFor((f) => (f.t === 'ack' || f.t === 'welcome' || f.t === 'pong') && f.id === id, `answer to ${id}`);
  }

  /** Resolves with the first recorded frame matching `predicate` (waiting up to `ms` for it). */
  async waitFor(predicate: (frame: ServerFrame) => boolean, what: string, ms = 5000): Promise<ServerFrame> {
    const find = () => this.frames.find(predicate);
    const found = find();
    if (found) return found;
    let wake!: () => void;
    const promise = new Promise<ServerFrame>((resolve, reject) => {
      wake = () => {
        const frame = find();
        if (frame) resolve(frame);
        else if (this.socket.readyState === WebSocket.CLOSED) reject(new Error(`socket closed while waiting for ${what}`));
      };
    });
    this.#waiters.add(wake);
    try {
      return await within(ms, what, promise);
    } finally {
      this.#waiters.delete(wake);
    }
  }

  /** Room events recorded so far. */
  events(): RoomEvent[] {
    return this.frames.filter((f): f is RoomEvent => 'seq' in f && f.t !== 'welcome');
  }

  /** Closes the socket and waits for it to be closed. */
  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await within(5000, 'websocket close', this.closed);
  }
}

/** Fetches JSON from the server. */
export async function getJson(url: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

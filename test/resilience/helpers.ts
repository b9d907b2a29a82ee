// Helpers of the resilience tests: core clients in Node (the `ws` package as their WebSocket), tokens for the
// child-process test server, its room log read straight from SQLite, and bounded waits.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import { LiveShopClient, type LiveShopClientOptions } from '@live-shop/core';
import { TEST_SECRET } from '../test-server.mjs';
import { signToken } from '../../packages/server/src/auth/tokens.js';

/** The `ws` client class, typed as the browser WebSocket the core expects (it implements that interface). */
export const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

/** Reconnects every 100 ms, bounded like every policy must be. */
export const quickReconnect = (attempt: number): number | null => (attempt > 300 ? null : 100);

/** A token for the demo room signed with the test server's secret. */
export function token(role: 'viewer' | 'host' | 'moderator', name?: string): Promise<string> {
  return signToken(TEST_SECRET, { role, room: 'demo', ...(name ? { name } : {}) });
}

/** A core client of the demo room on `server`, in Node. */
export function nodeClient(server: string, options: Partial<LiveShopClientOptions> = {}): LiveShopClient {
  return new LiveShopClient({ server, room: 'demo', WebSocket: NodeWebSocket, reconnect: quickReconnect, ...options });
}

/** Waits until `condition()` holds, polling; rejects after `ms` saying what it waited for. */
export async function until(what: string, condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
    await sleep(20);
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The demo room's log as the server stored it: every event's seq and body, and the room's last seq and epoch. */
export function readRoomLog(dataDir: string): { seqs: number[]; bodies: { t: string; seq: number; [key: string]: unknown }[]; seq: number; epoch: string } {
  const db = new Database(join(dataDir, 'live-shop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare<[], { seq: number; body: string }>("SELECT seq, body FROM room_events WHERE room_id = 'demo' ORDER BY seq").all();
    const room = db.prepare<[], { seq: number; epoch: string }>("SELECT seq, epoch FROM rooms WHERE id = 'demo'").get();
    if (!room) throw new Error('no demo room in the database');
    return { seqs: rows.map((r) => r.seq), bodies: rows.map((r) => JSON.parse(r.body)), seq: room.seq, epoch: room.epoch };
  } finally {
    db.close();
  }
}

/** 1..n as an array. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

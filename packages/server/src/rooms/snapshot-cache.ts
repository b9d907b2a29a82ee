import type { Snapshot } from '@live-shop/protocol';
import type { DomainContext } from './context.js';
import { getSnapshot } from './snapshot.js';

/**
 * Longest a snapshot read for one join serves the joins after it, ms. Room events invalidate it by seq; this
 * bounds how stale it can be after a change that has no room event (a change on another node, the time-based
 * end of a flash sale's banner).
 */
export const SNAPSHOT_CACHE_MS = 1000;

/** A room's snapshot and its JSON, shared by the joins that come while the room's log stays at `logSeq`. */
export interface SharedSnapshot {
  readonly snapshot: Snapshot;
  /** `JSON.stringify(snapshot)`, made once for every welcome that carries it. */
  readonly text: string;
}

interface Entry {
  /** The log position the read was started at: valid while the log has not moved. */
  readonly logSeq: number;
  readonly startedAt: number;
  readonly value: Promise<SharedSnapshot>;
}

const caches = new WeakMap<DomainContext, Map<string, Entry>>();

function cacheOf(ctx: DomainContext): Map<string, Entry> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  return cache;
}

/**
 * The room's snapshot for a join when the room log is at `logSeq`. Thousands of viewers joining a busy room in
 * the same second share one read (also the ones that arrive while it is under way) and one serialisation,
 * instead of each reading products, stock, chat, engagement and the flash sale again. Any new room event moves
 * the log and so retires the shared copy; a failed read is not kept.
 */
export function sharedSnapshot(ctx: DomainContext, roomId: string, logSeq: number): Promise<SharedSnapshot> {
  const cache = cacheOf(ctx);
  const now = performance.now();
  const entry = cache.get(roomId);
  if (entry && entry.logSeq === logSeq && now - entry.startedAt < SNAPSHOT_CACHE_MS) return entry.value;
  const value = getSnapshot(ctx, roomId).then((snapshot) => ({ snapshot, text: JSON.stringify(snapshot) }));
  const fresh: Entry = { logSeq, startedAt: now, value };
  cache.set(roomId, fresh);
  value.catch(() => {
    if (cache.get(roomId) === fresh) cache.delete(roomId);
  });
  return value;
}

/**
 * Retires the room's shared snapshot: call it after a change the snapshot shows that writes no room event
 * (a catalogue import changing names, prices or media), so the next join reads it fresh.
 */
export function invalidateSnapshot(ctx: DomainContext, roomId: string): void {
  caches.get(ctx)?.delete(roomId);
}

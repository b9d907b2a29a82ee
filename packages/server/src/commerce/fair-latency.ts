import { FLASH_SALE_LATENCY_CAP_MS } from '@live-shop/protocol';

/** One `latency.report` as the server received it. */
export interface LatencySample {
  /** Server ms when received. */
  at: number;
  latencyMs: number;
}

/** What fair ranking needs of a connection: its recent latency reports, oldest first. */
export interface LatencyHistory {
  latencyReports?: LatencySample[];
}

/** Reports kept per connection: at 1/s (the command's rate limit) this covers the longest ranking window. */
export const LATENCY_HISTORY_SIZE = 16;

/** Records a report (bounded history), so the latency as of a sale's start can be looked up later. */
export function recordLatency(session: LatencyHistory, at: number, latencyMs: number): void {
  const reports = (session.latencyReports ??= []);
  reports.push({ at, latencyMs });
  if (reports.length > LATENCY_HISTORY_SIZE) reports.splice(0, reports.length - LATENCY_HISTORY_SIZE);
}

/**
 * The latency a viewer is credited with for a sale starting at `startsAt`: its last report received at or before
 * `startsAt` (reports after the start do not count: the figure is frozen), clamped to [0, cap]. No report: 0.
 */
export function frozenLatency(session: LatencyHistory | null, startsAt: number, cap = FLASH_SALE_LATENCY_CAP_MS): number {
  const reports = session?.latencyReports ?? [];
  let value = 0;
  for (const report of reports) {
    if (report.at > startsAt) break;
    value = report.latencyMs;
  }
  return Math.min(cap, Math.max(0, Math.round(value)));
}

/**
 * The latest latency reports of every viewer of each room (by subject), so a flash sale knows the slowest picture
 * in the room when it starts: no viewer can react to zero later than `startsAt + max(L)`, which bounds how long a
 * ranked attempt must wait. Bounded: 16 reports per subject, subjects silent for 15 minutes are dropped.
 */
export class RoomLatencies {
  readonly #rooms = new Map<string, Map<string, LatencyHistory & { lastAt: number }>>();
  #notes = 0;

  /** Records a report of `subject` in `roomId`. */
  note(roomId: string, subject: string, at: number, latencyMs: number): void {
    let room = this.#rooms.get(roomId);
    if (!room) this.#rooms.set(roomId, (room = new Map()));
    let viewer = room.get(subject);
    if (!viewer) room.set(subject, (viewer = { lastAt: at }));
    viewer.lastAt = at;
    recordLatency(viewer, at, latencyMs);
    if (++this.#notes % 1000 === 0) this.#prune(at - 15 * 60_000);
  }

  /** The highest latency any viewer of the room had reported as of `startsAt`, clamped to [0, cap]. */
  maxFrozen(roomId: string, startsAt: number, cap = FLASH_SALE_LATENCY_CAP_MS): number {
    let max = 0;
    for (const viewer of this.#rooms.get(roomId)?.values() ?? []) max = Math.max(max, frozenLatency(viewer, startsAt, cap));
    return max;
  }

  #prune(before: number): void {
    for (const [roomId, room] of this.#rooms) {
      for (const [subject, viewer] of room) if (viewer.lastAt < before) room.delete(subject);
      if (room.size === 0) this.#rooms.delete(roomId);
    }
  }
}

import type { RoomEvent, Snapshot } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from './context.js';
import { sharedSnapshot } from './snapshot-cache.js';

/** How far back a reconnecting client can be brought up to date by replaying events instead of a snapshot. */
export interface ReplayWindow {
  /** Most events replayed to one client; a client further behind gets a snapshot. */
  maxEvents: number;
  /** Oldest event replayed, in ms before now; a client that missed an older event gets a snapshot. */
  maxAgeMs: number;
}

/** Default replay window: 1,000 events or 5 minutes, whichever is smaller. */
export const DEFAULT_REPLAY_WINDOW: Readonly<ReplayWindow> = { maxEvents: 1000, maxAgeMs: 5 * 60_000 };

/** Where a joining client resumes from: the epoch and last seq of its previous `welcome` and events. */
export interface ResumePoint {
  epoch?: string | undefined;
  lastSeq?: number | undefined;
}

/** How a joining client is brought up to date. */
export type JoinPlan =
  | { recovered: true; epoch: string; events: RoomEvent[]; seq: number }
  | { recovered: false; epoch: string; snapshot: Snapshot; /** `snapshot` as JSON (shared by joins). */ snapshotText: string; seq: number };

/**
 * Decides between replaying the events a client missed and sending a fresh snapshot.
 *
 * Replay only when the client names the room log's current epoch and a `lastSeq` the log has, the missed
 * events are at most `window.maxEvents`, none is older than `window.maxAgeMs`, and the stored events run
 * without a hole from `lastSeq + 1`. Anything else — first join, a new epoch (the server lost or replaced its
 * log), a client ahead of the log, too far behind — gets a snapshot. Throws `not_found` for an unknown room.
 */
export async function planJoin(ctx: DomainContext, roomId: string, from: ResumePoint, window: ReplayWindow): Promise<JoinPlan> {
  const position = await ctx.store.getLogPosition(roomId);
  if (!position) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  const { epoch } = position;
  const { lastSeq } = from;
  if (from.epoch === epoch && lastSeq !== undefined && lastSeq <= position.seq && position.seq - lastSeq <= window.maxEvents) {
    // One more than allowed: if it comes back, the client is outside the window (events kept coming).
    const events = await ctx.store.eventsAfter(roomId, lastSeq, window.maxEvents + 1);
    const oldestAllowed = ctx.now() - window.maxAgeMs;
    const contiguous = events.every((event, index) => event.seq === lastSeq + 1 + index);
    const first = events[0];
    if (events.length <= window.maxEvents && contiguous && (first === undefined || first.at >= oldestAllowed)) {
      return { recovered: true, epoch, events, seq: events.at(-1)?.seq ?? lastSeq };
    }
  }
  const { snapshot, text } = await sharedSnapshot(ctx, roomId, position.seq);
  return { recovered: false, epoch, snapshot, snapshotText: text, seq: snapshot.seq };
}

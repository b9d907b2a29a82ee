import { atom, batch, type WritableAtom } from 'nanostores';
import type { Countdown, Coupon, Lottery, Poll, RedEnvelopeRain, RoomEvent, Snapshot } from '@live-shop/protocol';

/** The room's poll as this viewer sees it: the poll with live counts, and this viewer's own vote. */
export interface PollState extends Poll {
  /** The option this viewer voted for, or null (not voted, or not known yet). */
  myVote: number | null;
}

/** The room's lottery as this viewer sees it. */
export interface LotteryState extends Lottery {
  /** This viewer's opaque entrant id when entered, else null. */
  entrantId: string | null;
  /** Once drawn: whether this viewer won (null before the draw or when not entered). */
  won: boolean | null;
}

/** The room's red-envelope rain as this viewer sees it. */
export interface RedEnvelopeState extends RedEnvelopeRain {
  /** The coupon this viewer grabbed in this rain, or null. */
  grabbed: Coupon | null;
}

/** The engagement stores of one client. */
export interface EngagementStores {
  $poll: WritableAtom<PollState | null>;
  $lottery: WritableAtom<LotteryState | null>;
  $redEnvelope: WritableAtom<RedEnvelopeState | null>;
  $countdown: WritableAtom<Countdown | null>;
  $coupons: WritableAtom<readonly Coupon[]>;
}

/** Creates the engagement stores of one client (per instance: two players share nothing). */
export function createEngagementStores(): EngagementStores {
  return {
    $poll: atom<PollState | null>(null),
    $lottery: atom<LotteryState | null>(null),
    $redEnvelope: atom<RedEnvelopeState | null>(null),
    $countdown: atom<Countdown | null>(null),
    $coupons: atom<readonly Coupon[]>([]),
  };
}

/** Whether the viewer with `entrantId` won `lottery` (null until drawn, or when not entered). */
export const wonOf = (lottery: Lottery, entrantId: string | null): boolean | null =>
  lottery.winners && entrantId !== null ? lottery.winners.includes(entrantId) : null;

/** Adds coupons, replacing ones with the same id, oldest first. */
export function mergeCoupons(current: readonly Coupon[], added: readonly Coupon[]): readonly Coupon[] {
  const byId = new Map(current.map((c) => [c.id, c]));
  for (const coupon of added) byId.set(coupon.id, coupon);
  return [...byId.values()].sort((a, b) => a.issuedAt - b.issuedAt);
}

/**
 * Replaces the engagement state from a snapshot, keeping what only this viewer knows (own vote, entrant id,
 * grabbed envelope) when it is about the same poll, lottery or rain: `engagement.mine` refreshes it after.
 */
export function applyEngagementSnapshot(stores: EngagementStores, snapshot: Snapshot): void {
  batch(() => {
    const poll = snapshot.poll ?? null;
    const previousPoll = stores.$poll.get();
    stores.$poll.set(poll ? { ...poll, myVote: previousPoll?.id === poll.id ? previousPoll.myVote : null } : null);
    const lottery = snapshot.lottery ?? null;
    const previousLottery = stores.$lottery.get();
    const entrantId = lottery && previousLottery?.id === lottery.id ? previousLottery.entrantId : null;
    stores.$lottery.set(lottery ? { ...lottery, entrantId, won: wonOf(lottery, entrantId) } : null);
    const rain = snapshot.redEnvelope ?? null;
    const previousRain = stores.$redEnvelope.get();
    stores.$redEnvelope.set(rain ? { ...rain, grabbed: previousRain?.id === rain.id ? previousRain.grabbed : null } : null);
    stores.$countdown.set(snapshot.countdown ?? null);
    // Room coupons come from the snapshot; personal ones (not in it) are kept until `engagement.mine` says.
    const personal = stores.$coupons.get().filter((c) => c.scope === 'viewer');
    stores.$coupons.set(mergeCoupons(personal, snapshot.coupons ?? []));
  });
}

/**
 * Applies one engagement room event; other events are ignored. Events carry absolute state (counts, entries,
 * envelopes left), so one applied on top of a snapshot that already had it changes nothing.
 */
export function applyEngagementEvent(stores: EngagementStores, event: RoomEvent): void {
  switch (event.t) {
    case 'poll.opened':
      stores.$poll.set({ ...event.poll, myVote: null });
      break;
    case 'poll.results':
    case 'poll.closed': {
      const poll = stores.$poll.get();
      if (poll?.id !== event.pollId) break;
      // Counts only grow (a vote is final): never step back to an older figure.
      const counts = poll.counts.map((n, i) => Math.max(n, event.counts[i] ?? 0));
      stores.$poll.set({ ...poll, counts, total: Math.max(poll.total, event.total), status: event.t === 'poll.closed' ? 'closed' : poll.status });
      break;
    }
    case 'lottery.started':
      stores.$lottery.set({ ...event.lottery, entrantId: null, won: null });
      break;
    case 'lottery.entries': {
      const lottery = stores.$lottery.get();
      if (lottery?.id === event.lotteryId) stores.$lottery.set({ ...lottery, entries: Math.max(lottery.entries, event.entries) });
      break;
    }
    case 'lottery.drawn': {
      const previous = stores.$lottery.get();
      const entrantId = previous?.id === event.lottery.id ? previous.entrantId : null;
      stores.$lottery.set({ ...event.lottery, entrantId, won: wonOf(event.lottery, entrantId) });
      break;
    }
    case 'redenvelope.started':
      stores.$redEnvelope.set({ ...event.rain, grabbed: null });
      break;
    case 'redenvelope.remaining':
    case 'redenvelope.ended': {
      const rain = stores.$redEnvelope.get();
      if (rain?.id !== event.rainId) break;
      stores.$redEnvelope.set({ ...rain, remaining: Math.min(rain.remaining, event.remaining), status: event.t === 'redenvelope.ended' ? 'ended' : rain.status });
      break;
    }
    case 'coupon.issued':
      stores.$coupons.set(mergeCoupons(stores.$coupons.get(), [event.coupon]));
      break;
    case 'countdown.started':
      stores.$countdown.set(event.countdown);
      break;
    case 'countdown.cancelled':
      if (stores.$countdown.get()?.id === event.countdownId) stores.$countdown.set(null);
      break;
    default:
      break;
  }
}

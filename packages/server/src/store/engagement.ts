import type { Countdown, Coupon, CouponDiscount, EngagementMine, Lottery, Poll, RedEnvelopeRain } from '@live-shop/protocol';

/** A poll the domain opens. */
export interface NewPoll {
  id: string;
  roomId: string;
  question: string;
  options: readonly string[];
  openedAt: number;
  endsAt: number | null;
}

/** What a vote did. Only `voted` changed anything. */
export type VoteResult = { kind: 'voted' } | { kind: 'already_done' } | { kind: 'ended' } | { kind: 'not_found' } | { kind: 'invalid' };

/** A lottery the domain starts: the public part plus the secrets that stay on the server until the draw. */
export interface NewLottery {
  id: string;
  roomId: string;
  prize: string;
  winnersCount: number;
  keyword: string | null;
  /** The seed revealed at the draw; its SHA-256 is the published commitment. */
  seed: string;
  commitment: string;
  /** Never published: mixes into entrant ids so they cannot be linked to viewers or across lotteries. */
  salt: string;
  startedAt: number;
  endsAt: number;
}

/** A lottery with the server-only fields, for the domain. */
export interface LotteryRecord {
  lottery: Lottery;
  roomId: string;
  seed: string;
  salt: string;
}

/** What an entry did. */
export type EnterResult =
  | { kind: 'entered'; entrantId: string; entries: number }
  | { kind: 'already'; entrantId: string }
  | { kind: 'ended' }
  | { kind: 'full' }
  | { kind: 'not_found' };

/** Picks the winners from the seed and the sorted entrant ids (a pure function; see engagement/draw.ts). */
export type DrawFunction = (seed: string, sortedEntrants: readonly string[], count: number) => string[];

/** A red-envelope rain the domain starts, with the coupon terms of its envelopes. */
export interface NewRain {
  id: string;
  roomId: string;
  amount: number;
  currency: string;
  quota: number;
  startedAt: number;
  endsAt: number;
  couponExpiresAt: number;
  minSpend: number;
}

/** A coupon to write: `owner` is the viewer's subject for a personal coupon, null for a room coupon. */
export interface NewCoupon {
  id: string;
  roomId: string;
  owner: string | null;
  discount: CouponDiscount;
  minSpend: number;
  expiresAt: number;
  source: Coupon['source'];
  label: string;
  issuedAt: number;
}

/** What a grab did. Only `granted` changed anything. */
export type GrabResult =
  | { kind: 'granted'; coupon: Coupon; remaining: number }
  | { kind: 'already_done' }
  | { kind: 'exhausted' }
  | { kind: 'ended' }
  | { kind: 'not_found' };

/** A coupon with its owner, for redemption checks. */
export interface CouponRecord {
  coupon: Coupon;
  roomId: string;
  /** The viewer's subject for a personal coupon; null for a room coupon. */
  owner: string | null;
  /** When `subject` (as asked) already redeemed it, the order id; else null. */
  redeemedBy: string | null;
}

/** What a redemption did. */
export type RedeemResult = { kind: 'redeemed' } | { kind: 'replayed' } | { kind: 'used' };

/** The engagement part of a room snapshot. */
export interface EngagementSnapshot {
  poll: Poll | null;
  lottery: Lottery | null;
  redEnvelope: RedEnvelopeRain | null;
  countdown: Countdown | null;
  coupons: Coupon[];
}

/**
 * Durable state of polls, lotteries, red-envelope rains, coupons and host countdowns. Engine-neutral and async;
 * each method is atomic on its own (grabs and votes in particular: the quota and the one-per-viewer rule hold
 * under any number of concurrent callers).
 */
export interface EngagementStore {
  /** Opens a poll. */
  openPoll(poll: NewPoll): Promise<Poll>;
  /** The room's latest poll (open or closed), or null. */
  latestPoll(roomId: string): Promise<Poll | null>;
  /** Records one vote per subject, only while the poll is open and before its `endsAt`. */
  castVote(pollId: string, subject: string, option: number, at: number): Promise<VoteResult>;
  /** Closes an open poll; null when it was not open. */
  closePoll(pollId: string, at: number): Promise<Poll | null>;
  /** A poll by id, or null. */
  getPoll(pollId: string): Promise<Poll | null>;

  /** Starts a lottery. */
  startLottery(lottery: NewLottery): Promise<Lottery>;
  /** The room's latest lottery with its server-only fields, or null. */
  latestLottery(roomId: string): Promise<LotteryRecord | null>;
  /** Enters `subject` under `entrantId` (idempotent per subject), while open and before `endsAt`, up to `max` entrants. */
  enterLottery(lotteryId: string, subject: string, entrantId: string, at: number, max: number): Promise<EnterResult>;
  /** Closes entries and draws with `draw`, once; null when it was already drawn or does not exist. */
  drawLottery(lotteryId: string, at: number, draw: DrawFunction): Promise<Lottery | null>;
  /** The subject behind an entrant id (to reward a winner), or null. */
  subjectOfEntrant(lotteryId: string, entrantId: string): Promise<string | null>;

  /** Starts a rain. */
  startRain(rain: NewRain): Promise<RedEnvelopeRain>;
  /** The room's latest rain, or null. */
  latestRain(roomId: string): Promise<RedEnvelopeRain | null>;
  /**
   * Grants one envelope to `subject` atomically: never more than the quota in all, never two to one subject,
   * only while the rain is open and before its `endsAt`.
   */
  grabEnvelope(rainId: string, subject: string, couponId: string, at: number): Promise<GrabResult>;
  /** Ends an open rain; null when it was not open. */
  endRain(rainId: string, at: number): Promise<RedEnvelopeRain | null>;

  /** Writes a coupon. */
  issueCoupon(coupon: NewCoupon): Promise<Coupon>;
  /** A coupon of the room with its owner and whether `subject` redeemed it, or null. */
  getCoupon(roomId: string, couponId: string, subject: string): Promise<CouponRecord | null>;
  /**
   * Marks the coupon used by `subject` for `orderId`, once: the same order again is `replayed`, another order
   * `used`. Does not check terms (see `quoteCoupon` in engagement/coupons.ts).
   */
  redeemCoupon(couponId: string, subject: string, orderId: string, at: number): Promise<RedeemResult>;

  /** Starts a countdown (replacing a running one). */
  startCountdown(roomId: string, countdown: Countdown): Promise<Countdown>;
  /** Cancels the running countdown; null when none was running at `now`. */
  cancelCountdown(roomId: string, now: number): Promise<Countdown | null>;

  /** The engagement part of the room's snapshot at `now`, in one read. */
  loadEngagement(roomId: string, now: number): Promise<EngagementSnapshot>;
  /** What only `subject` knows: their vote, entrant id, grabbed envelope, usable coupons. */
  loadMine(roomId: string, subject: string, now: number): Promise<EngagementMine>;
}

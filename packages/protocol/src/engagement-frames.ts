import * as v from 'valibot';

// model.ts imports the engagement snapshot fields from here, so this file must not import model.ts (an ES module
// cycle would read its schemas before they exist). The three small id/money schemas are the same rules as there.
const IdSchema = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'));
const MinorUnitsSchema = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0));
const CurrencySchema = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'));

// Engagement: polls, lottery (commit-reveal draw), red-envelope rain, coupons and host countdowns.
// Every room event here carries absolute state (counts, remaining), never a delta, so applying one twice, or
// after a snapshot that already includes it, changes nothing.

/** Most options a poll may have. */
export const MAX_POLL_OPTIONS = 6;
/** Longest poll question, in characters. */
export const MAX_POLL_QUESTION_LENGTH = 200;
/** Longest poll option, in characters. */
export const MAX_POLL_OPTION_LENGTH = 80;
/** Longest a timed poll, lottery entry window, red-envelope rain or countdown may run (ms). */
export const MAX_ENGAGEMENT_DURATION_MS = 24 * 60 * 60_000;
/**
 * Most entrants of one lottery. The drawn event publishes every entrant id so anyone can recompute the
 * winners; this bound keeps that event well under the 1 MiB server frame limit.
 */
export const MAX_LOTTERY_ENTRANTS = 10_000;
/** Most winners of one lottery. */
export const MAX_LOTTERY_WINNERS = 100;
/** Most coupons one red-envelope rain may grant. */
export const MAX_RED_ENVELOPE_QUOTA = 100_000;

const Seq = v.pipe(v.number(), v.integer(), v.minValue(1));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const ServerTime = v.number();
/** Lowercase hex SHA-256 digest. */
const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256 digest'));
/** An opaque lottery entrant id: random-looking, never a merchant user id. */
export const EntrantIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,32}$/, 'must be an entrant id'));

// ---------------------------------------------------------------------------------------------- model

/** A poll as every viewer sees it: the question, the options and the live counts. */
export const PollSchema = v.object({
  id: IdSchema,
  question: v.pipe(v.string(), v.maxLength(MAX_POLL_QUESTION_LENGTH)),
  options: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_POLL_OPTION_LENGTH))), v.minLength(2), v.maxLength(MAX_POLL_OPTIONS)),
  /** Votes per option, same order as `options`. */
  counts: v.array(Count),
  /** Votes in all. */
  total: Count,
  status: v.picklist(['open', 'closed']),
  /** Server time (ms) it opened. */
  openedAt: ServerTime,
  /** Server time (ms) it closes by itself, or null when the host closes it. */
  endsAt: v.nullable(ServerTime),
});
/** A poll as every viewer sees it. */
export type Poll = v.InferOutput<typeof PollSchema>;

/**
 * A lottery (giveaway). At start the server publishes `commitment = sha256(seed)`; at the draw it publishes
 * the `seed` and the sorted entrant ids, and the winners are a pure function of the two (see
 * `docs/engagement.md` and `verifyLottery` in `@live-shop/core`).
 */
export const LotterySchema = v.object({
  id: IdSchema,
  prize: v.pipe(v.string(), v.maxLength(120)),
  /** How many winners will be drawn (fewer when fewer entered). */
  winnersCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LOTTERY_WINNERS)),
  /** A chat message containing this word (case-insensitive) enters its author; null: button only. */
  keyword: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  /** Lowercase hex SHA-256 of the UTF-8 seed, published before anyone entered. */
  commitment: Sha256Hex,
  status: v.picklist(['open', 'drawn']),
  /** Entrants so far. */
  entries: Count,
  startedAt: ServerTime,
  /** Server time (ms) the entry window closes and the draw happens. */
  endsAt: ServerTime,
  /** Published at the draw: the seed whose SHA-256 is `commitment`. */
  seed: v.optional(v.pipe(v.string(), v.maxLength(128))),
  /** Published at the draw: every entrant id, sorted by UTF-16 code unit (plain `Array.prototype.sort`). */
  entrants: v.optional(v.array(EntrantIdSchema)),
  /** Published at the draw: the winning entrant ids, in draw order. */
  winners: v.optional(v.array(EntrantIdSchema)),
});
/** A lottery (giveaway) with a commit-reveal draw. */
export type Lottery = v.InferOutput<typeof LotterySchema>;

/** A red-envelope rain: viewers grab envelopes; at most `quota` coupons are granted in all, one per viewer. */
export const RedEnvelopeRainSchema = v.object({
  id: IdSchema,
  /** Coupon each envelope holds, in minor units of `currency`. */
  amount: MinorUnitsSchema,
  currency: CurrencySchema,
  quota: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_RED_ENVELOPE_QUOTA)),
  /** Envelopes left. */
  remaining: Count,
  status: v.picklist(['open', 'ended']),
  startedAt: ServerTime,
  endsAt: ServerTime,
});
/** A red-envelope rain. */
export type RedEnvelopeRain = v.InferOutput<typeof RedEnvelopeRainSchema>;

/** What a coupon takes off: a fixed amount (minor units of `currency`) or a percentage (1-100). */
export const CouponDiscountSchema = v.variant('kind', [
  v.object({ kind: v.literal('amount'), amount: v.pipe(MinorUnitsSchema, v.minValue(1)), currency: CurrencySchema }),
  v.object({ kind: v.literal('percent'), percent: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
]);
/** What a coupon takes off. */
export type CouponDiscount = v.InferOutput<typeof CouponDiscountSchema>;

/** A coupon: for every viewer of the room (`scope: 'room'`) or for one viewer (`scope: 'viewer'`). */
export const CouponSchema = v.object({
  id: IdSchema,
  scope: v.picklist(['room', 'viewer']),
  discount: CouponDiscountSchema,
  /** Smallest order subtotal (minor units, in the order's currency) it applies to; 0: any. */
  minSpend: MinorUnitsSchema,
  /** Server time (ms) after which it no longer applies. */
  expiresAt: ServerTime,
  /** Where it came from. */
  source: v.picklist(['host', 'red-envelope', 'lottery']),
  /** Short text the host gave it ("新人券"), may be empty. */
  label: v.pipe(v.string(), v.maxLength(60)),
  issuedAt: ServerTime,
});
/** A coupon. */
export type Coupon = v.InferOutput<typeof CouponSchema>;

/** A server-clock countdown the host started (e.g. "flash sale in …"): every viewer reaches zero together. */
export const CountdownSchema = v.object({
  id: IdSchema,
  label: v.pipe(v.string(), v.maxLength(80)),
  startedAt: ServerTime,
  /** Server time (ms) it reaches zero. */
  endsAt: ServerTime,
});
/** A server-clock countdown. */
export type Countdown = v.InferOutput<typeof CountdownSchema>;

/** Engagement fields of the room snapshot (each optional in `SnapshotSchema`, so older servers stay readable). */
export const EngagementSnapshotFields = {
  /** The current poll (open, or the last one closed less than a minute ago), or null. */
  poll: v.optional(v.nullable(PollSchema)),
  /** The current lottery (open, or the last one drawn less than 10 minutes ago), or null. */
  lottery: v.optional(v.nullable(LotterySchema)),
  /** The running red-envelope rain, or null. */
  redEnvelope: v.optional(v.nullable(RedEnvelopeRainSchema)),
  /** The running host countdown, or null. */
  countdown: v.optional(v.nullable(CountdownSchema)),
  /** Unexpired room-wide coupons. */
  coupons: v.optional(v.array(CouponSchema)),
};

// ----------------------------------------------------------------------------------------- room events

/** The host opened a poll. */
export const PollOpenedEventSchema = v.object({ t: v.literal('poll.opened'), seq: Seq, at: ServerTime, poll: PollSchema });
/** Live results of the open poll: absolute counts, at most about two a second per room. */
export const PollResultsEventSchema = v.object({
  t: v.literal('poll.results'),
  seq: Seq,
  at: ServerTime,
  pollId: IdSchema,
  counts: v.array(Count),
  total: Count,
});
/** The poll closed (host or timer), with its final counts. */
export const PollClosedEventSchema = v.object({
  t: v.literal('poll.closed'),
  seq: Seq,
  at: ServerTime,
  pollId: IdSchema,
  counts: v.array(Count),
  total: Count,
});
/** The host started a lottery; it carries the commitment, not the seed. */
export const LotteryStartedEventSchema = v.object({ t: v.literal('lottery.started'), seq: Seq, at: ServerTime, lottery: LotterySchema });
/** Entrants so far (absolute), at most about two a second per room. */
export const LotteryEntriesEventSchema = v.object({
  t: v.literal('lottery.entries'),
  seq: Seq,
  at: ServerTime,
  lotteryId: IdSchema,
  entries: Count,
});
/** The draw: the lottery with its seed, sorted entrants and winners. */
export const LotteryDrawnEventSchema = v.object({ t: v.literal('lottery.drawn'), seq: Seq, at: ServerTime, lottery: LotterySchema });
/** The host started a red-envelope rain. */
export const RedEnvelopeStartedEventSchema = v.object({ t: v.literal('redenvelope.started'), seq: Seq, at: ServerTime, rain: RedEnvelopeRainSchema });
/** Envelopes left (absolute), at most about two a second per room. */
export const RedEnvelopeRemainingEventSchema = v.object({
  t: v.literal('redenvelope.remaining'),
  seq: Seq,
  at: ServerTime,
  rainId: IdSchema,
  remaining: Count,
});
/** The rain ended (time up or quota gone). */
export const RedEnvelopeEndedEventSchema = v.object({
  t: v.literal('redenvelope.ended'),
  seq: Seq,
  at: ServerTime,
  rainId: IdSchema,
  remaining: Count,
});
/** The host issued a coupon to every viewer of the room (coupons for one viewer are not broadcast). */
export const CouponIssuedEventSchema = v.object({ t: v.literal('coupon.issued'), seq: Seq, at: ServerTime, coupon: CouponSchema });
/** The host started a countdown. */
export const CountdownStartedEventSchema = v.object({ t: v.literal('countdown.started'), seq: Seq, at: ServerTime, countdown: CountdownSchema });
/** The host cancelled the countdown. */
export const CountdownCancelledEventSchema = v.object({ t: v.literal('countdown.cancelled'), seq: Seq, at: ServerTime, countdownId: IdSchema });

/** Every engagement room event, for `RoomEventSchema` and `ServerFrameSchema`. */
export const ENGAGEMENT_EVENT_SCHEMAS = [
  PollOpenedEventSchema,
  PollResultsEventSchema,
  PollClosedEventSchema,
  LotteryStartedEventSchema,
  LotteryEntriesEventSchema,
  LotteryDrawnEventSchema,
  RedEnvelopeStartedEventSchema,
  RedEnvelopeRemainingEventSchema,
  RedEnvelopeEndedEventSchema,
  CouponIssuedEventSchema,
  CountdownStartedEventSchema,
  CountdownCancelledEventSchema,
] as const;

/** An engagement room event. */
export type EngagementEvent = v.InferOutput<(typeof ENGAGEMENT_EVENT_SCHEMAS)[number]>;

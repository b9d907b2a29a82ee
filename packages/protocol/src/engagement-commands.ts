import * as v from 'valibot';
import {
  CouponDiscountSchema,
  CouponSchema,
  EntrantIdSchema,
  MAX_ENGAGEMENT_DURATION_MS,
  MAX_LOTTERY_WINNERS,
  MAX_POLL_OPTION_LENGTH,
  MAX_POLL_OPTIONS,
  MAX_POLL_QUESTION_LENGTH,
  MAX_RED_ENVELOPE_QUOTA,
} from './engagement-frames.js';

// The engagement commands (polls, lottery, red envelopes, coupons, countdowns) and the answer of `engagement.mine`,
// apart from the events and data in engagement-frames.ts: a client checks its commands (and reads that answer) only
// once it sends one, so a bundle can load them in a chunk of their own (the core does), while the events are parsed
// from the first frame on.

// The same rules as in engagement-frames.ts (kept private there).
const IdSchema = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'));
const MinorUnitsSchema = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0));
const CurrencySchema = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const CommandId = v.pipe(v.string('id must be a string'), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'id must be 1-40 URL-safe characters'));
const text = (max: number, field: string) =>
  v.pipe(v.string(`${field} must be text`), v.trim(), v.minLength(1, `${field} is required`), v.maxLength(max, `${field} must be at most ${max} characters`));
const Duration = (field: string) =>
  v.pipe(
    v.number(`${field} must be a number`),
    v.integer(`${field} must be whole ms`),
    v.minValue(1000, `${field} must be at least 1000 ms`),
    v.maxValue(MAX_ENGAGEMENT_DURATION_MS, `${field} must be at most ${MAX_ENGAGEMENT_DURATION_MS} ms`),
  );

/** Host only: opens a poll (closing any open one). Ack `data`: the {@link Poll}. */
export const PollOpenSchema = v.strictObject({
  t: v.literal('poll.open'),
  id: CommandId,
  question: text(MAX_POLL_QUESTION_LENGTH, 'question'),
  options: v.pipe(
    v.array(text(MAX_POLL_OPTION_LENGTH, 'option'), 'options must be a list'),
    v.minLength(2, 'a poll needs at least 2 options'),
    v.maxLength(MAX_POLL_OPTIONS, `a poll has at most ${MAX_POLL_OPTIONS} options`),
  ),
  /** Closes by itself after this long; absent: the host closes it. */
  durationMs: v.optional(Duration('durationMs')),
});
/** Host only: opens a poll. */
export type PollOpen = v.InferOutput<typeof PollOpenSchema>;

/** Votes in the open poll, once per viewer (a second vote is refused with `already_done`). */
export const PollVoteSchema = v.strictObject({
  t: v.literal('poll.vote'),
  id: CommandId,
  pollId: IdSchema,
  option: v.pipe(v.number('option must be a number'), v.integer('option must be an index'), v.minValue(0, 'option must be an index')),
});
/** Votes in the open poll. */
export type PollVote = v.InferOutput<typeof PollVoteSchema>;

/** Host only: closes the open poll. */
export const PollCloseSchema = v.strictObject({ t: v.literal('poll.close'), id: CommandId, pollId: IdSchema });
/** Host only: closes the open poll. */
export type PollClose = v.InferOutput<typeof PollCloseSchema>;

/** Host only: starts a lottery. Ack `data`: the {@link Lottery} (with its commitment, not its seed). */
export const LotteryStartSchema = v.strictObject({
  t: v.literal('lottery.start'),
  id: CommandId,
  prize: text(120, 'prize'),
  winnersCount: v.pipe(v.number(), v.integer(), v.minValue(1, 'winnersCount must be at least 1'), v.maxValue(MAX_LOTTERY_WINNERS, `winnersCount must be at most ${MAX_LOTTERY_WINNERS}`)),
  keyword: v.optional(text(40, 'keyword')),
  /** How long entries are taken; the draw follows at once. */
  durationMs: Duration('durationMs'),
});
/** Host only: starts a lottery. */
export type LotteryStart = v.InferOutput<typeof LotteryStartSchema>;

/** Enters the open lottery. Idempotent: ack `data` is `{ entrantId }`, the same on every call. */
export const LotteryEnterSchema = v.strictObject({ t: v.literal('lottery.enter'), id: CommandId, lotteryId: IdSchema });
/** Enters the open lottery. */
export type LotteryEnter = v.InferOutput<typeof LotteryEnterSchema>;

/** Host only: closes entries and draws now instead of at the end of the window. */
export const LotteryDrawSchema = v.strictObject({ t: v.literal('lottery.draw'), id: CommandId, lotteryId: IdSchema });
/** Host only: draws now. */
export type LotteryDraw = v.InferOutput<typeof LotteryDrawSchema>;

/** Host only: starts a red-envelope rain. Ack `data`: the {@link RedEnvelopeRain}. */
export const RedEnvelopeStartSchema = v.strictObject({
  t: v.literal('redenvelope.start'),
  id: CommandId,
  amount: v.pipe(MinorUnitsSchema, v.minValue(1, 'amount must be at least 1')),
  currency: CurrencySchema,
  quota: v.pipe(v.number(), v.integer(), v.minValue(1, 'quota must be at least 1'), v.maxValue(MAX_RED_ENVELOPE_QUOTA, `quota must be at most ${MAX_RED_ENVELOPE_QUOTA}`)),
  durationMs: Duration('durationMs'),
  /** How long the granted coupons stay valid after the rain starts; default 24 h. */
  couponValidMs: v.optional(Duration('couponValidMs')),
  /** Smallest order subtotal the coupons apply to; default 0. */
  minSpend: v.optional(MinorUnitsSchema),
});
/** Host only: starts a red-envelope rain. */
export type RedEnvelopeStart = v.InferOutput<typeof RedEnvelopeStartSchema>;

/**
 * Grabs an envelope of the running rain. Ack `data`: the granted {@link Coupon}. Refused with `exhausted`
 * when the quota is gone, `already_done` for a second grab, `ended` after the rain.
 */
export const RedEnvelopeGrabSchema = v.strictObject({ t: v.literal('redenvelope.grab'), id: CommandId, rainId: IdSchema });
/** Grabs an envelope of the running rain. */
export type RedEnvelopeGrab = v.InferOutput<typeof RedEnvelopeGrabSchema>;

/**
 * Host only: issues a coupon to the room (`to` absent) or to one viewer: by token subject, or by a lottery
 * entrant id (to reward a winner). Ack `data`: the {@link Coupon}.
 */
export const CouponIssueSchema = v.strictObject({
  t: v.literal('coupon.issue'),
  id: CommandId,
  discount: CouponDiscountSchema,
  minSpend: v.optional(MinorUnitsSchema),
  validMs: Duration('validMs'),
  label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(60))),
  to: v.optional(
    v.variant('kind', [
      v.strictObject({ kind: v.literal('subject'), subject: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
      v.strictObject({ kind: v.literal('entrant'), lotteryId: IdSchema, entrantId: EntrantIdSchema }),
    ]),
  ),
});
/** Host only: issues a coupon. */
export type CouponIssue = v.InferOutput<typeof CouponIssueSchema>;

/** Host only: starts a server-clock countdown (replacing a running one). Ack `data`: the {@link Countdown}. */
export const CountdownStartSchema = v.strictObject({
  t: v.literal('countdown.start'),
  id: CommandId,
  label: v.pipe(v.string(), v.trim(), v.maxLength(80)),
  durationMs: Duration('durationMs'),
});
/** Host only: starts a countdown. */
export type CountdownStart = v.InferOutput<typeof CountdownStartSchema>;

/** Host only: cancels the running countdown. */
export const CountdownCancelSchema = v.strictObject({ t: v.literal('countdown.cancel'), id: CommandId });
/** Host only: cancels the running countdown. */
export type CountdownCancel = v.InferOutput<typeof CountdownCancelSchema>;

/**
 * What only this viewer knows about the room's engagement: answer (`ack.data`) of `engagement.mine`, which the
 * core sends after every `welcome`.
 */
export const EngagementMineSchema = v.object({
  /** The option index this viewer voted for in the current poll, or null. */
  vote: v.nullable(v.object({ pollId: IdSchema, option: Count })),
  /** This viewer's entrant id in the current lottery, or null when not entered. */
  entrant: v.nullable(v.object({ lotteryId: IdSchema, entrantId: EntrantIdSchema })),
  /** The coupon this viewer grabbed in the current rain, or null. */
  grabbed: v.nullable(v.object({ rainId: IdSchema, coupon: CouponSchema })),
  /** Every coupon this viewer may use now (room coupons and their own), unexpired and unused. */
  coupons: v.array(CouponSchema),
});
/** What only this viewer knows about the room's engagement. */
export type EngagementMine = v.InferOutput<typeof EngagementMineSchema>;

/** This viewer's own engagement state. Ack `data`: {@link EngagementMine}. */
export const EngagementMineRequestSchema = v.strictObject({ t: v.literal('engagement.mine'), id: CommandId });
/** This viewer's own engagement state. */
export type EngagementMineRequest = v.InferOutput<typeof EngagementMineRequestSchema>;

/** Every engagement command, for `ClientFrameSchema`. */
export const ENGAGEMENT_COMMAND_SCHEMAS = [
  PollOpenSchema,
  PollVoteSchema,
  PollCloseSchema,
  LotteryStartSchema,
  LotteryEnterSchema,
  LotteryDrawSchema,
  RedEnvelopeStartSchema,
  RedEnvelopeGrabSchema,
  CouponIssueSchema,
  CountdownStartSchema,
  CountdownCancelSchema,
  EngagementMineRequestSchema,
] as const;

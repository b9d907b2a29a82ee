import type { CommandHandler, CommandType } from '../ws/commands.js';
import { cancelCountdown, startCountdown } from './countdown.js';
import { issueCoupon } from './coupons.js';
import { drawLottery, enterLottery, startLottery } from './lottery.js';
import { closePoll, openPoll, votePoll } from './polls.js';
import { grabEnvelope, startRain } from './red-envelopes.js';
import { engagementMine } from './state.js';

/** The engagement command types. */
export type EngagementCommandType = Extract<
  CommandType,
  `poll.${string}` | `lottery.${string}` | `redenvelope.${string}` | `coupon.${string}` | `countdown.${string}` | 'engagement.mine'
>;

const HOST = { perSecond: 2, burst: 5 } as const;

/**
 * Handlers of the engagement commands, spread into `COMMANDS` (ws/commands.ts). Thin: each calls one domain
 * function. Viewer commands are limited at a pace a person taps; a tap storm on envelopes costs nothing extra,
 * since one viewer can only ever get one.
 */
export const ENGAGEMENT_COMMANDS: { [T in EngagementCommandType]: CommandHandler<T> } = {
  'poll.open': {
    limit: HOST,
    handle: ({ ctx, roomId, actor }, frame) => openPoll(ctx, roomId, actor, { question: frame.question, options: frame.options, durationMs: frame.durationMs }),
  },
  'poll.vote': {
    limit: { perSecond: 2, burst: 4 },
    limitMessage: 'too many votes; slow down',
    handle: ({ ctx, roomId, actor }, frame) => votePoll(ctx, roomId, actor, frame.pollId, frame.option),
  },
  'poll.close': { limit: HOST, handle: ({ ctx, roomId, actor }, frame) => closePoll(ctx, roomId, actor, frame.pollId) },
  'lottery.start': {
    limit: HOST,
    handle: ({ ctx, roomId, actor }, frame) =>
      startLottery(ctx, roomId, actor, { prize: frame.prize, winnersCount: frame.winnersCount, keyword: frame.keyword, durationMs: frame.durationMs }),
  },
  'lottery.enter': {
    limit: { perSecond: 2, burst: 4 },
    limitMessage: 'too many entries; once is enough',
    handle: ({ ctx, roomId, actor }, frame) => enterLottery(ctx, roomId, actor, frame.lotteryId),
  },
  'lottery.draw': { limit: HOST, handle: ({ ctx, roomId, actor }, frame) => drawLottery(ctx, roomId, actor, frame.lotteryId) },
  'redenvelope.start': {
    limit: HOST,
    handle: ({ ctx, roomId, actor }, frame) =>
      startRain(ctx, roomId, actor, {
        amount: frame.amount,
        currency: frame.currency,
        quota: frame.quota,
        durationMs: frame.durationMs,
        couponValidMs: frame.couponValidMs,
        minSpend: frame.minSpend,
      }),
  },
  'redenvelope.grab': {
    limit: { perSecond: 5, burst: 10 },
    limitMessage: 'too many grabs; one envelope per viewer',
    handle: ({ ctx, roomId, actor }, frame) => grabEnvelope(ctx, roomId, actor, frame.rainId),
  },
  'coupon.issue': {
    limit: HOST,
    handle: ({ ctx, roomId, actor }, frame) => {
      const { t: _t, id: _id, ...request } = frame;
      return issueCoupon(ctx, roomId, actor, request);
    },
  },
  'countdown.start': {
    limit: HOST,
    handle: ({ ctx, roomId, actor }, frame) => startCountdown(ctx, roomId, actor, { label: frame.label, durationMs: frame.durationMs }),
  },
  'countdown.cancel': { limit: HOST, handle: ({ ctx, roomId, actor }) => cancelCountdown(ctx, roomId, actor) },
  'engagement.mine': {
    limit: { perSecond: 2, burst: 5 },
    handle: ({ ctx, roomId, actor }) => engagementMine(ctx, roomId, actor),
  },
};

import type { ClientFrame, ClientFrameType } from '@live-shop/protocol';
import { cancelOrder, checkoutOrder, placeOrder, reserveOrder } from '../commerce/orders.js';
import { startFlashSale, stopFlashSale } from '../commerce/flash-sale.js';
import type { LatencyHistory } from '../commerce/fair-latency.js';
import { noteLatency } from '../commerce/service.js';
import { postChat } from '../rooms/chat.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { pinProduct, unpinProduct } from '../rooms/pins.js';
import { banAuthor, deleteMessage, muteAuthor, setRoomBlockedWords, unbanAuthor } from '../rooms/moderation.js';
import { pinMessage, unpinMessage } from '../rooms/pinned-message.js';
import { answerQuestion, askQuestion, pinQuestion, unpinQuestion } from '../rooms/questions.js';
import type { RateLimit } from './rate-limit.js';
import { ENGAGEMENT_COMMANDS } from '../engagement/commands.js';

/** A command a joined connection may send: every client frame except the handshake and the heartbeat. */
export type CommandType = Exclude<ClientFrameType, 'hello' | 'ping'>;
/** The frame of one command type. */
export type CommandFrame<T extends CommandType> = Extract<ClientFrame, { t: T }>;

/**
 * What the server knows about one connection beyond its identity, updated by its own commands
 * (e.g. the playback latency it last reported). Lives as long as the socket.
 */
export interface Session extends LatencyHistory {
  /**
   * The viewer's playback latency (ms behind the live edge) as last reported and clamped by the server;
   * null until reported. Used to judge reaction times fairly (flash sales), never trusted beyond its cap.
   */
  latencyMs: number | null;
}

/** Everything a command handler may use: the domain, the room and who is asking. No socket. */
export interface CommandScope {
  ctx: DomainContext;
  roomId: string;
  actor: Actor;
  session: Session;
  /** Adds hearts to the room's next `reactions.burst`. */
  react(count: number): void;
}

/** One command type: its own rate limit (on top of the per-connection frame limit) and what it does. */
export interface CommandHandler<T extends CommandType> {
  /** Token bucket for this command type per connection; absent: only the frame limit applies. */
  limit?: RateLimit;
  /** Message of the `rate_limited` error when {@link limit} is exceeded. */
  limitMessage?: string;
  /**
   * The command may take seconds by design (a flash-sale attempt waits for its ranking window): it starts in
   * arrival order but the frames after it do not wait for its ack (acks carry ids, so order is not needed).
   */
  concurrent?: boolean;
  /** Runs the command; the resolved value (if not undefined) becomes the ack's `data`. Throws `LiveShopServerError`. */
  handle(scope: CommandScope, frame: CommandFrame<T>): unknown;
}

/** The handler of every command type, keyed by `t`; the type makes a missing handler a compile error. */
export type CommandTable = { [T in CommandType]: CommandHandler<T> };

/**
 * Default per-command limits. The core sends at most 4 reaction batches a second; 5/s with a burst of 10
 * leaves room for jitter and a reconnect flush. Chat is limited at a pace a person types.
 */
export const COMMANDS: CommandTable = {
  'chat.send': {
    limit: { perSecond: 2, burst: 5 },
    limitMessage: 'too many chat messages; slow down',
    handle: ({ ctx, roomId, actor }, frame) => postChat(ctx, roomId, actor, frame.text),
  },
  'product.pin': {
    handle: ({ ctx, roomId, actor }, frame) => pinProduct(ctx, roomId, actor, frame.productId),
  },
  'product.unpin': {
    handle: ({ ctx, roomId, actor }) => unpinProduct(ctx, roomId, actor),
  },
  'order.place': {
    limit: { perSecond: 5, burst: 10 },
    limitMessage: 'too many orders; slow down',
    handle: ({ ctx, roomId, actor, session }, frame) => placeOrder(ctx, roomId, frame.order, actor, session),
  },
  'order.reserve': {
    // Shares the pace of order.place: a person opens a checkout sheet a few times a second at most.
    limit: { perSecond: 5, burst: 10 },
    limitMessage: 'too many reservations; slow down',
    concurrent: true,
    handle: ({ ctx, roomId, actor, session }, frame) => reserveOrder(ctx, roomId, actor, frame.reserve, session),
  },
  'order.checkout': {
    limit: { perSecond: 5, burst: 10 },
    limitMessage: 'too many checkouts; slow down',
    handle: ({ ctx, actor }, frame) => checkoutOrder(ctx, actor, frame.orderId, frame.customer, frame.couponId),
  },
  'order.cancel': {
    limit: { perSecond: 5, burst: 10 },
    limitMessage: 'too many cancellations; slow down',
    handle: ({ ctx, actor }, frame) => cancelOrder(ctx, { kind: 'viewer', subject: actor.subject }, frame.orderId),
  },
  'flashsale.start': {
    limit: { perSecond: 1, burst: 3 },
    limitMessage: 'flash sales at most once a second',
    handle: ({ ctx, roomId, actor }, frame) => startFlashSale(ctx, roomId, actor, frame.sale),
  },
  'flashsale.stop': {
    limit: { perSecond: 1, burst: 3 },
    limitMessage: 'flash sales at most once a second',
    handle: ({ ctx, roomId, actor }, frame) => stopFlashSale(ctx, roomId, actor, frame.saleId),
  },
  'reaction.send': {
    // Clients batch taps into one frame per 250 ms; more than that is a script, and its hearts are dropped.
    limit: { perSecond: 5, burst: 10 },
    limitMessage: 'too many reactions; batch taps',
    handle: ({ react }, frame) => {
      react(frame.count);
    },
  },
  'latency.report': {
    // The core reports at most once a second; a burst allows a report right after a transport switch.
    limit: { perSecond: 1, burst: 3 },
    limitMessage: 'latency reports at most once a second',
    handle: ({ ctx, roomId, actor, session }, frame) => {
      session.latencyMs = Math.round(frame.latencyMs);
      // Kept with its arrival time: a flash sale credits the latency reported before its start, not after.
      noteLatency(ctx, roomId, actor.subject, session, session.latencyMs);
    },
  },
  // Polls, lottery, red envelopes, coupons, countdowns (engagement/commands.ts): one entry per command, each with its own limit.
  ...ENGAGEMENT_COMMANDS,
  // Chat moderation, pinned message, Q&A (rooms/moderation.ts, pinned-message.ts, questions.ts). Moderators act
  // in bursts (clearing spam), so their limits are looser than a viewer's chat.
  'chat.delete': {
    limit: { perSecond: 5, burst: 20 },
    handle: ({ ctx, roomId, actor }, frame) => deleteMessage(ctx, roomId, actor, frame.messageId),
  },
  'chat.mute': {
    limit: { perSecond: 2, burst: 10 },
    handle: ({ ctx, roomId, actor }, frame) => muteAuthor(ctx, roomId, actor, frame.authorId, frame.durationMs),
  },
  'chat.ban': {
    limit: { perSecond: 2, burst: 10 },
    handle: ({ ctx, roomId, actor }, frame) => banAuthor(ctx, roomId, actor, frame.authorId),
  },
  'chat.unban': {
    limit: { perSecond: 2, burst: 10 },
    handle: ({ ctx, roomId, actor }, frame) => unbanAuthor(ctx, roomId, actor, frame.authorId),
  },
  'chat.blocked-words': {
    limit: { perSecond: 1, burst: 3 },
    handle: ({ ctx, roomId, actor }, frame) => setRoomBlockedWords(ctx, roomId, actor, frame.words),
  },
  'chat.pin-message': {
    limit: { perSecond: 1, burst: 5 },
    handle: ({ ctx, roomId, actor }, frame) => pinMessage(ctx, roomId, actor, frame.text),
  },
  'chat.unpin-message': {
    limit: { perSecond: 1, burst: 5 },
    handle: ({ ctx, roomId, actor }) => unpinMessage(ctx, roomId, actor),
  },
  'question.ask': {
    // A question is a considered message: fewer than chat.
    limit: { perSecond: 0.2, burst: 3 },
    limitMessage: 'too many questions; wait a little',
    handle: ({ ctx, roomId, actor }, frame) => askQuestion(ctx, roomId, actor, frame.text),
  },
  'question.answer': {
    limit: { perSecond: 2, burst: 10 },
    handle: ({ ctx, roomId, actor }, frame) => answerQuestion(ctx, roomId, actor, frame.questionId, frame.answer),
  },
  'question.pin': {
    limit: { perSecond: 1, burst: 5 },
    handle: ({ ctx, roomId, actor }, frame) => pinQuestion(ctx, roomId, actor, frame.questionId),
  },
  'question.unpin': {
    limit: { perSecond: 1, burst: 5 },
    handle: ({ ctx, roomId, actor }) => unpinQuestion(ctx, roomId, actor),
  },
};

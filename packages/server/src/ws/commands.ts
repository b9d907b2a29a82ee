import type { ClientFrame, ClientFrameType } from '@live-shop/protocol';
import { placeOrder } from '../commerce/orders.js';
import { postChat } from '../rooms/chat.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { pinProduct, unpinProduct } from '../rooms/pins.js';
import type { RateLimit } from './rate-limit.js';

/** A command a joined connection may send: every client frame except the handshake and the heartbeat. */
export type CommandType = Exclude<ClientFrameType, 'hello' | 'ping'>;
/** The frame of one command type. */
export type CommandFrame<T extends CommandType> = Extract<ClientFrame, { t: T }>;

/**
 * What the server knows about one connection beyond its identity, updated by its own commands
 * (e.g. the playback latency it last reported). Lives as long as the socket.
 */
export interface Session {
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
    handle: ({ ctx, roomId }, frame) => placeOrder(ctx, roomId, frame.order),
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
    handle: ({ session }, frame) => {
      session.latencyMs = Math.round(frame.latencyMs);
    },
  },
};

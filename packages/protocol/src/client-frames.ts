import * as v from 'valibot';
import { IdSchema } from './model.js';
import { OrderRequestSchema } from './order.js';
import { MAX_CHAT_LENGTH, MAX_REACTION_BATCH, MAX_REPORTED_LATENCY_MS } from './limits.js';
import { FlashSaleStartSchema, FlashSaleStopSchema, OrderCancelSchema, OrderCheckoutSchema, OrderReserveSchema } from './commerce-frames.js';
import { ENGAGEMENT_COMMAND_SCHEMAS } from './engagement-commands.js';
import { HelloSchema } from './hello.js';
import { MODERATION_COMMAND_SCHEMAS } from './moderation-commands.js';

/** Every client command carries an id the server echoes in its `ack`. */
const CommandId = v.pipe(v.string('id must be a string'), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'id must be 1-40 URL-safe characters'));

/** Post a chat message to the room. */
export const ChatSendSchema = v.strictObject({
  t: v.literal('chat.send'),
  id: CommandId,
  text: v.pipe(
    v.string('text must be a string'),
    v.trim(),
    v.minLength(1, 'text is empty'),
    v.maxLength(MAX_CHAT_LENGTH, `text must be at most ${MAX_CHAT_LENGTH} characters`),
  ),
});
/** Post a chat message to the room. */
export type ChatSend = v.InferOutput<typeof ChatSendSchema>;

/** Host only: show a product over the video. */
export const PinProductSchema = v.strictObject({
  t: v.literal('product.pin'),
  id: CommandId,
  productId: IdSchema,
});
/** Host only: show a product over the video. */
export type PinProduct = v.InferOutput<typeof PinProductSchema>;

/** Host only: take the pinned product down. */
export const UnpinProductSchema = v.strictObject({
  t: v.literal('product.unpin'),
  id: CommandId,
});
/** Host only: take the pinned product down. */
export type UnpinProduct = v.InferOutput<typeof UnpinProductSchema>;

/** Reserve stock and place an order. The ack's `data` is the {@link Order}. */
export const PlaceOrderSchema = v.strictObject({
  t: v.literal('order.place'),
  id: CommandId,
  order: OrderRequestSchema,
});
/** Reserve stock and place an order. */
export type PlaceOrder = v.InferOutput<typeof PlaceOrderSchema>;

/**
 * Hearts tapped since the client's previous `reaction.send` (clients send at most one every 250 ms).
 * The server adds them to the room's next `reactions.burst`; acked like any command.
 */
export const ReactionSendSchema = v.strictObject({
  t: v.literal('reaction.send'),
  id: CommandId,
  count: v.pipe(
    v.number('count must be a number'),
    v.integer('count must be an integer'),
    v.minValue(1, 'count must be at least 1'),
    v.maxValue(MAX_REACTION_BATCH, `count must be at most ${MAX_REACTION_BATCH}`),
  ),
});
/** Hearts tapped since the client's previous `reaction.send`. */
export type ReactionSend = v.InferOutput<typeof ReactionSendSchema>;

/**
 * The viewer's measured playback latency: how far (ms) the picture on screen is behind the live edge, from the
 * core's media store (HLS: now − program-date-time on screen; WebRTC: jitter buffer + RTT). Sent when it changes
 * noticeably, at most once a second. The server keeps the last value per connection to judge reaction times
 * fairly (flash sales); it is bounded by {@link MAX_REPORTED_LATENCY_MS}.
 */
export const LatencyReportSchema = v.strictObject({
  t: v.literal('latency.report'),
  id: CommandId,
  latencyMs: v.pipe(
    v.number('latencyMs must be a number'),
    v.finite('latencyMs must be finite'),
    v.minValue(0, 'latencyMs must be at least 0'),
    v.maxValue(MAX_REPORTED_LATENCY_MS, `latencyMs must be at most ${MAX_REPORTED_LATENCY_MS}`),
  ),
});
/** The viewer's measured playback latency. */
export type LatencyReport = v.InferOutput<typeof LatencyReportSchema>;

/** Heartbeat and clock probe. Answered by `pong`. */
export const PingSchema = v.strictObject({
  t: v.literal('ping'),
  id: CommandId,
  /** Client clock (ms) when sent, echoed back for round-trip time. */
  at: v.number(),
});
/** Heartbeat and clock probe. */
export type Ping = v.InferOutput<typeof PingSchema>;

/** Any frame a client may send. */
export const ClientFrameSchema = v.variant('t', [
  HelloSchema,
  ChatSendSchema,
  PinProductSchema,
  UnpinProductSchema,
  PlaceOrderSchema,
  OrderReserveSchema,
  OrderCheckoutSchema,
  OrderCancelSchema,
  FlashSaleStartSchema,
  FlashSaleStopSchema,
  ReactionSendSchema,
  LatencyReportSchema,
  PingSchema,
  ...ENGAGEMENT_COMMAND_SCHEMAS,
  ...MODERATION_COMMAND_SCHEMAS,
]);
/** Any frame a client may send. */
export type ClientFrame = v.InferOutput<typeof ClientFrameSchema>;
/** The `t` of a client frame. */
export type ClientFrameType = ClientFrame['t'];
/** A client frame without its `id`, as the core's actions build it before sending. */
export type ClientCommand = ClientFrame extends infer F ? (F extends { id: string } ? Omit<F, 'id'> : never) : never;

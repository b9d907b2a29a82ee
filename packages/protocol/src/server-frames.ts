import * as v from 'valibot';
import { ERROR_CODES } from './errors.js';
import { ChatMessageSchema, IdSchema, PinSchema, SnapshotSchema } from './model.js';

const Seq = v.pipe(v.number(), v.integer(), v.minValue(1));
const ServerTime = v.number();

/** Answer to `hello`: the room as it is now. */
export const WelcomeSchema = v.object({
  t: v.literal('welcome'),
  /** The id of the `hello` it answers. */
  id: v.string(),
  /** Server clock (ms) when sent. */
  serverTime: ServerTime,
  /** Role the token granted. */
  role: v.picklist(['viewer', 'host']),
  /** Display name the server uses for this connection. */
  name: v.string(),
  snapshot: SnapshotSchema,
});
/** Answer to `hello`: the room as it is now. */
export type Welcome = v.InferOutput<typeof WelcomeSchema>;

/** Answer to any command except `hello` and `ping`. */
export const AckSchema = v.object({
  t: v.literal('ack'),
  id: v.string(),
  ok: v.boolean(),
  error: v.optional(v.object({ code: v.picklist(ERROR_CODES), message: v.string() })),
  /** Command-specific result (e.g. the order for `order.place`). */
  data: v.optional(v.unknown()),
});
/** Answer to any command except `hello` and `ping`. */
export type Ack = v.InferOutput<typeof AckSchema>;

/** Answer to `ping`. */
export const PongSchema = v.object({
  t: v.literal('pong'),
  id: v.string(),
  /** The client's `at`, echoed. */
  at: v.number(),
  serverTime: ServerTime,
});
/** Answer to `ping`. */
export type Pong = v.InferOutput<typeof PongSchema>;

/** A frame the server could not tie to a command (unparseable, too large). */
export const ErrorFrameSchema = v.object({
  t: v.literal('error'),
  code: v.picklist(ERROR_CODES),
  message: v.string(),
});
/** A frame the server could not tie to a command. */
export type ErrorFrame = v.InferOutput<typeof ErrorFrameSchema>;

/** A new chat message in the room. */
export const ChatEventSchema = v.object({ t: v.literal('chat.message'), seq: Seq, at: ServerTime, message: ChatMessageSchema });
/** The host pinned a product. */
export const PinnedEventSchema = v.object({ t: v.literal('product.pinned'), seq: Seq, at: ServerTime, pin: PinSchema });
/** The host took the pinned product down. */
export const UnpinnedEventSchema = v.object({ t: v.literal('product.unpinned'), seq: Seq, at: ServerTime });
/** Units left for a variant changed. */
export const StockEventSchema = v.object({
  t: v.literal('stock.changed'),
  seq: Seq,
  at: ServerTime,
  variantId: IdSchema,
  available: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** A room event: ordered by `seq`, stamped with the server time `at` it happened. */
export const RoomEventSchema = v.variant('t', [ChatEventSchema, PinnedEventSchema, UnpinnedEventSchema, StockEventSchema]);
/** A room event: ordered by `seq`, stamped with the server time `at` it happened. */
export type RoomEvent = v.InferOutput<typeof RoomEventSchema>;
/** The `t` of a room event. */
export type RoomEventType = RoomEvent['t'];
/** A room event before the room log gives it its `seq` and `at`. */
export type RoomEventBody = RoomEvent extends infer E ? (E extends RoomEvent ? Omit<E, 'seq' | 'at'> : never) : never;

/** Any frame the server may send. */
export const ServerFrameSchema = v.variant('t', [
  WelcomeSchema,
  AckSchema,
  PongSchema,
  ErrorFrameSchema,
  ChatEventSchema,
  PinnedEventSchema,
  UnpinnedEventSchema,
  StockEventSchema,
]);
/** Any frame the server may send. */
export type ServerFrame = v.InferOutput<typeof ServerFrameSchema>;

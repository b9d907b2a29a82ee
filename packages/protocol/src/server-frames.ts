import * as v from 'valibot';
import { RoomMediaEventSchema } from './media-frames.js';
import { ERROR_CODES } from './errors.js';
import { ENGAGEMENT_EVENT_SCHEMAS } from './engagement-frames.js';
import { MODERATION_EVENT_SCHEMAS, NoticeFrameSchema, type NoticeFrame } from './moderation-frames.js';
import { ChatMessageSchema, EpochSchema, IdSchema, PinSchema, RoleSchema, SnapshotSchema } from './model.js';
import { FlashSaleChangedEventSchema } from './commerce-events.js';

const Seq = v.pipe(v.number(), v.integer(), v.minValue(1));
const ServerTime = v.number();
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const WelcomeFields = {
  t: v.literal('welcome'),
  /** The id of the `hello` it answers. */
  id: v.string(),
  /** Server clock (ms) when sent. */
  serverTime: ServerTime,
  /** Role the token granted. */
  role: RoleSchema,
  /** Display name the server uses for this connection. */
  name: v.string(),
  /** Id of the room's event log; send it back with `lastSeq` in the `hello` of a reconnect. */
  epoch: EpochSchema,
  /**
   * The seq this client is at once it has read the frames that follow the welcome: the snapshot's seq, or,
   * when resumed, the last of the replayed events. Live events continue from `seq + 1`.
   */
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Sockets in the room now, this one included (absent from older servers). Updates come as `viewers.count`. */
  viewers: v.optional(Count),
  /**
   * For an anonymous viewer: its session id, to send back in the `hello` of a reconnect so it stays the same
   * viewer (same orders, same idempotency keys). Absent for a viewer with a token (the token says who it is).
   */
  session: v.optional(v.string()),
};

/** `welcome` with a fresh snapshot: first join, or a resume the server could not honour. Replace all state. */
export const WelcomeSnapshotSchema = v.object({
  ...WelcomeFields,
  /** False: the room state is `snapshot`; drop what was held before. */
  recovered: v.literal(false),
  snapshot: SnapshotSchema,
});

/** `welcome` with a fresh snapshot. */
export type WelcomeSnapshot = v.InferOutput<typeof WelcomeSnapshotSchema>;

/**
 * `welcome` to a resumed connection: the events after the client's `lastSeq` up to `seq` follow as ordinary
 * event frames, in order; the client keeps its state and applies them.
 */
export const WelcomeResumedSchema = v.object({
  ...WelcomeFields,
  /** True: nothing was lost; the missed events follow this frame. */
  recovered: v.literal(true),
});

/** `welcome` to a resumed connection. */
export type WelcomeResumed = v.InferOutput<typeof WelcomeResumedSchema>;

/**
 * Answer to `hello`. A client that sends no `epoch` always gets `recovered: false` and a `snapshot`, so
 * clients that never resume can read `snapshot` after checking `recovered`.
 */
export const WelcomeSchema = v.variant('recovered', [WelcomeSnapshotSchema, WelcomeResumedSchema]);
/** Answer to `hello`: a snapshot (`recovered: false`) or a resume (`recovered: true`). */
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
export const RoomEventSchema = v.variant('t', [ChatEventSchema, PinnedEventSchema, UnpinnedEventSchema, StockEventSchema, RoomMediaEventSchema, FlashSaleChangedEventSchema, ...ENGAGEMENT_EVENT_SCHEMAS, ...MODERATION_EVENT_SCHEMAS]);
/** A room event: ordered by `seq`, stamped with the server time `at` it happened. */
export type RoomEvent = v.InferOutput<typeof RoomEventSchema>;
/** The `t` of a room event. */
export type RoomEventType = RoomEvent['t'];
/** A room event before the room log gives it its `seq` and `at`. */
export type RoomEventBody = RoomEvent extends infer E ? (E extends RoomEvent ? Omit<E, 'seq' | 'at'> : never) : never;

/**
 * Hearts the room's viewers tapped in the last period (about 250 ms), summed on the server: one frame per
 * period per room however many tap. Ephemeral: it has no `seq`, is not in the room log, is never replayed
 * after a reconnect, and clients do not dedup it; a burst missed while away is simply not shown.
 */
export const ReactionsBurstSchema = v.object({
  t: v.literal('reactions.burst'),
  count: v.pipe(Count, v.minValue(1)),
  /** Server clock (ms) when the burst was sent. */
  at: ServerTime,
});
/** Hearts tapped in the room in the last period. Ephemeral: no `seq`, never replayed. */
export type ReactionsBurst = v.InferOutput<typeof ReactionsBurstSchema>;

/**
 * How many sockets are in the room, sent when it changed, at most once a second per room. Ephemeral like
 * `reactions.burst`: no `seq`, never replayed; the `welcome` carries the count at join time.
 */
export const ViewersCountSchema = v.object({ t: v.literal('viewers.count'), count: Count });
/** How many sockets are in the room. Ephemeral: no `seq`, never replayed. */
export type ViewersCount = v.InferOutput<typeof ViewersCountSchema>;

/** A frame about the room that is not a room event: no `seq`, not logged, not replayed, not deduplicated. */
export type EphemeralFrame = ReactionsBurst | ViewersCount | NoticeFrame;

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
  RoomMediaEventSchema,
  FlashSaleChangedEventSchema,
  ReactionsBurstSchema,
  ViewersCountSchema,
  ...ENGAGEMENT_EVENT_SCHEMAS,
  ...MODERATION_EVENT_SCHEMAS,
  NoticeFrameSchema,
]);
/** Any frame the server may send. */
export type ServerFrame = v.InferOutput<typeof ServerFrameSchema>;

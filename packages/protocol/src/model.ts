import * as v from 'valibot';
import { MAX_ADDRESS_LENGTH, MAX_CHAT_LENGTH, MAX_NAME_LENGTH, MAX_ORDER_QUANTITY } from './limits.js';

/** Ids of rooms, products, variants, orders: short, URL-safe, never user prose. */
export const IdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'),
);

/** An amount of money in minor units (fen for CNY, cents for USD): integers only, no float drift. */
export const MinorUnitsSchema = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0));

/** ISO 4217 currency code such as `CNY`. */
export const CurrencySchema = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'));

/** One buyable variant of a product (a size, a colour). */
export const VariantSchema = v.object({
  id: IdSchema,
  /** What the buyer picks, e.g. "M · 黑色". */
  label: v.pipe(v.string(), v.maxLength(60)),
  /** Price of one unit in minor units of the product's currency. */
  price: MinorUnitsSchema,
});
/** One buyable variant of a product. */
export type Variant = v.InferOutput<typeof VariantSchema>;

/** A product in the room's catalogue. */
export const ProductSchema = v.object({
  id: IdSchema,
  name: v.pipe(v.string(), v.maxLength(120)),
  description: v.pipe(v.string(), v.maxLength(2000)),
  /** Image URL, absolute or relative to the server. */
  image: v.pipe(v.string(), v.maxLength(2048)),
  currency: CurrencySchema,
  variants: v.pipe(v.array(VariantSchema), v.minLength(1)),
});
/** A product in the room's catalogue. */
export type Product = v.InferOutput<typeof ProductSchema>;

/**
 * What a token grants in a room: `viewer` watches, chats and buys; `host` runs the show (pins);
 * `moderator` keeps the chat in order for the host.
 */
export const RoleSchema = v.picklist(['viewer', 'host', 'moderator']);
/** What a token grants in a room. */
export type Role = v.InferOutput<typeof RoleSchema>;

/** An opaque random id of a room's event log; it changes when the server starts a new log for the room. */
export const EpochSchema = v.pipe(v.string('epoch must be a string'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'epoch must be 8-64 URL-safe characters'));

/** A chat message as every viewer sees it. Text is plain text, never markup. */
export const ChatMessageSchema = v.object({
  id: IdSchema,
  /** Display name of the author. */
  name: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
  /** The author's role: the host's messages are shown differently. */
  role: v.picklist(['viewer', 'host', 'moderator', 'system']),
  text: v.pipe(v.string(), v.maxLength(MAX_CHAT_LENGTH)),
  /** Server time in ms since the epoch. */
  at: v.number(),
});
/** A chat message as every viewer sees it. */
export type ChatMessage = v.InferOutput<typeof ChatMessageSchema>;

/** The product the host is showing right now. */
export const PinSchema = v.object({
  productId: IdSchema,
  /** Server time (ms) at which the host pinned it. */
  at: v.number(),
});
/** The product the host is showing right now. */
export type Pin = v.InferOutput<typeof PinSchema>;

/** What a room is and where its video comes from. */
export const RoomInfoSchema = v.object({
  id: IdSchema,
  title: v.pipe(v.string(), v.maxLength(200)),
  status: v.picklist(['scheduled', 'live', 'ended']),
  /** HLS playlist URL (absolute or relative to the server), or null when there is no video yet. */
  hls: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
  /**
   * WHEP endpoint (WebRTC playback, sub-second; absolute or relative to the server). Players try it
   * first and fall back to `hls` when it refuses (nobody publishing) or shows no frame in time.
   */
  whep: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2048)))),
});
/** What a room is and where its video comes from. */
export type RoomInfo = v.InferOutput<typeof RoomInfoSchema>;

/** Units left to sell, per variant id. */
export const StockSchema = v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0)));
/** Units left to sell, per variant id. */
export type Stock = v.InferOutput<typeof StockSchema>;

/** Everything a viewer needs to draw the room at one instant, sent in `welcome`. */
export const SnapshotSchema = v.object({
  room: RoomInfoSchema,
  products: v.array(ProductSchema),
  stock: StockSchema,
  pinned: v.nullable(PinSchema),
  chat: v.array(ChatMessageSchema),
  /** The room sequence number this snapshot reflects; events with a larger seq follow. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Everything a viewer needs to draw the room at one instant. */
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;

const trimmed = (max: number, field: string) =>
  v.pipe(
    v.string(`${field} must be text`),
    v.trim(),
    v.minLength(1, `${field} is required`),
    v.maxLength(max, `${field} must be at most ${max} characters`),
  );

/** Who receives the parcel. Stored encrypted later; never logged. */
export const CustomerSchema = v.object({
  name: trimmed(MAX_NAME_LENGTH, 'name'),
  phone: v.pipe(
    v.string('phone must be text'),
    v.trim(),
    v.regex(/^\+?[0-9][0-9 -]{5,19}$/, 'phone must be 6-20 digits, optionally starting with +'),
  ),
  address: trimmed(MAX_ADDRESS_LENGTH, 'address'),
});
/** Who receives the parcel. */
export type Customer = v.InferOutput<typeof CustomerSchema>;

/** What the viewer asks to buy. */
export const OrderRequestSchema = v.object({
  variantId: IdSchema,
  quantity: v.pipe(
    v.number('quantity must be a number'),
    v.integer('quantity must be a whole number'),
    v.minValue(1, 'quantity must be at least 1'),
    v.maxValue(MAX_ORDER_QUANTITY, `quantity must be at most ${MAX_ORDER_QUANTITY}`),
  ),
  customer: CustomerSchema,
  /** Chosen by the client once per checkout; a retry with the same key returns the same order. */
  idempotencyKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'idempotencyKey must be 8-64 URL-safe characters')),
});
/** What the viewer asks to buy. */
export type OrderRequest = v.InferOutput<typeof OrderRequestSchema>;

/** A placed order as the buyer sees it (no customer data: that stays on the server). */
export const OrderSchema = v.object({
  id: IdSchema,
  roomId: IdSchema,
  productId: IdSchema,
  variantId: IdSchema,
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Total in minor units of `currency`. */
  total: MinorUnitsSchema,
  currency: CurrencySchema,
  status: v.picklist(['placed', 'paid', 'cancelled']),
  createdAt: v.number(),
});
/** A placed order as the buyer sees it. */
export type Order = v.InferOutput<typeof OrderSchema>;

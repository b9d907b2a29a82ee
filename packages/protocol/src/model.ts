import * as v from 'valibot';
import { MAX_CHAT_LENGTH, MAX_NAME_LENGTH } from './limits.js';
import { EngagementSnapshotFields } from './engagement-frames.js';
import { AuthorIdSchema, ModerationSnapshotFields } from './moderation-frames.js';
import { IdSchema } from './ids.js';

// Here for the modules that import them from the model; defined in ids.ts (see there).
export { EpochSchema, IdSchema } from './ids.js';


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
  /** The usual price before this sale (shown struck through beside `price`); only meaningful when above it. */
  compareAtPrice: v.optional(MinorUnitsSchema),
  /** Swatch colour of this variant (`#rgb` or `#rrggbb` only, so it is safe to put into CSS). */
  swatch: v.optional(v.pipe(v.string(), v.regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'swatch must be #rgb or #rrggbb'))),
  /** Image of this variant (URL, absolute or relative to the server), shown when it is picked. */
  image: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  /**
   * Most units one viewer (token subject) may hold or have bought of this variant, counted over their
   * reserved, pending, paid and fulfilled orders; absent: no limit.
   */
  limitPerViewer: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
/** One buyable variant of a product. */
export type Variant = v.InferOutput<typeof VariantSchema>;

/** One picture of a product, with responsive candidates (`srcset`/`sizes` as on `<img>`). */
export const ProductImageSchema = v.object({
  /** URL, absolute or relative to the server. */
  src: v.pipe(v.string(), v.maxLength(2048)),
  /** `<img srcset>`: candidates with `w`/`x` descriptors; relative URLs are relative to the server. */
  srcset: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  /** `<img sizes>`. */
  sizes: v.optional(v.pipe(v.string(), v.maxLength(512))),
  /** Text alternative; the product name when absent. */
  alt: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
/** One picture of a product, with responsive candidates. */
export type ProductImage = v.InferOutput<typeof ProductImageSchema>;

/** A 3D model of a product (glTF binary), for the 3D / AR view. */
export const ProductModelSchema = v.object({
  /** `.glb` URL, absolute or relative to the server. */
  glb: v.pipe(v.string(), v.maxLength(2048)),
  /** `.usdz` URL for AR Quick Look on iOS, when the merchant has one. */
  usdz: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  /** Picture shown while the model loads. */
  poster: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});
/** A 3D model of a product. */
export type ProductModel = v.InferOutput<typeof ProductModelSchema>;

/** A product in the room's catalogue. */
export const ProductSchema = v.object({
  id: IdSchema,
  name: v.pipe(v.string(), v.maxLength(120)),
  description: v.pipe(v.string(), v.maxLength(2000)),
  /** Image URL, absolute or relative to the server. */
  image: v.pipe(v.string(), v.maxLength(2048)),
  currency: CurrencySchema,
  variants: v.pipe(v.array(VariantSchema), v.minLength(1)),
  /** Responsive pictures of the product, the first one the main picture (`image` stays the fallback). */
  images: v.optional(v.pipe(v.array(ProductImageSchema), v.maxLength(20))),
  /** A 360° turn: frame URLs in order, evenly spaced around the product (the first faces the viewer). */
  spin: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(2048))), v.minLength(2), v.maxLength(72))),
  /** A 3D model for the 3D / AR view. */
  model: v.optional(ProductModelSchema),
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
  /** Opaque per-room id of the author, for moderators to act on (never the token subject). Absent from older servers. */
  authorId: v.optional(AuthorIdSchema),
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

/**
 * A flash sale (秒杀) of one variant: `quota` units at `price`, at most `perViewerLimit` per viewer, between
 * `startsAt` and `endsAt` in SERVER clock ms. Every viewer's countdown is `startsAt - client.serverNow()`.
 */
export const FlashSaleSchema = v.object({
  id: IdSchema,
  productId: IdSchema,
  variantId: IdSchema,
  /** Sale price of one unit, minor units of the product's currency. */
  price: MinorUnitsSchema,
  /** The variant's regular price, for the strike-through. */
  originalPrice: MinorUnitsSchema,
  /** Units the sale offers in total. */
  quota: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Units of the quota not held or sold through the sale (a cancelled or expired hold gives its units back). */
  remaining: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Most units one viewer may hold or buy in this sale. */
  perViewerLimit: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Server ms at which the sale opens (the countdown's zero). */
  startsAt: v.number(),
  /** Server ms at which the sale closes. */
  endsAt: v.number(),
  status: v.picklist(['scheduled', 'live', 'ended']),
});
/** A flash sale of one variant. */
export type FlashSale = v.InferOutput<typeof FlashSaleSchema>;

/** Everything a viewer needs to draw the room at one instant, sent in `welcome`. */
export const SnapshotSchema = v.object({
  room: RoomInfoSchema,
  products: v.array(ProductSchema),
  stock: StockSchema,
  pinned: v.nullable(PinSchema),
  chat: v.array(ChatMessageSchema),
  /** The room sequence number this snapshot reflects; events with a larger seq follow. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The room's current or next flash sale (absent from older servers; null: none). */
  flashSale: v.optional(v.nullable(FlashSaleSchema)),
  /** Open poll, lottery, red-envelope rain, countdown and room coupons (each optional: absent from older servers). */
  ...EngagementSnapshotFields,
  /** Pinned host message, questions and the pinned question (each optional: absent from older servers). */
  ...ModerationSnapshotFields,
});
/** Everything a viewer needs to draw the room at one instant. */
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;


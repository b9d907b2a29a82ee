import { ProductSchema, type ChatMessage, type Order, type Product, type RoomEvent, type RoomInfo } from '@live-shop/protocol';
import * as v from 'valibot';

/** A `rooms` row. */
export interface RoomRow {
  id: string;
  title: string;
  status: RoomInfo['status'];
  hls: string | null;
  /** Migration 11: the room's own WHEP endpoint, or NULL. */
  whep?: string | null;
  seq: number;
  pinned_product_id: string | null;
  pinned_at: number | null;
}

/** A `products` row. */
export interface ProductRow {
  id: string;
  name: string;
  description: string;
  image: string;
  currency: string;
  /** JSON `{images?, spin?, model?}` (migration 10), or NULL. */
  media?: string | null;
}

/** A `variants` row. */
export interface VariantRow {
  id: string;
  product_id: string;
  label: string;
  price: number;
  stock: number;
  /** NULL: no per-viewer limit (column from migration 4). */
  limit_per_viewer?: number | null;
  /** Migration 10: the struck-through usual price, swatch colour and picture of the variant. */
  compare_at_price?: number | null;
  swatch?: string | null;
  image?: string | null;
}

/** An `orders` row (customer columns left out: they never leave the server). */
export interface OrderRow {
  id: string;
  room_id: string;
  product_id: string;
  variant_id: string;
  quantity: number;
  total: number;
  currency: string;
  status: Order['status'];
  created_at: number;
  unit_price: number;
  expires_at: number | null;
  sale_id: string | null;
  /** The buyer's token subject; NULL for orders from before migration 4. */
  viewer_id: string | null;
  /** Migration 12: units × unit price, what the coupon took off (total = subtotal − discount), and the coupon. */
  subtotal: number;
  discount: number;
  coupon_id: string | null;
}

/** The room part of a room row. */
export function toRoomInfo(row: RoomRow): RoomInfo {
  return { id: row.id, title: row.title, status: row.status, hls: row.hls, ...(row.whep ? { whep: row.whep } : {}) };
}

/** Joins products with their variants, keeping catalogue order. */
export function toProducts(products: readonly ProductRow[], variants: readonly VariantRow[]): Product[] {
  const byProduct = new Map<string, VariantRow[]>();
  for (const variant of variants) {
    const list = byProduct.get(variant.product_id) ?? [];
    list.push(variant);
    byProduct.set(variant.product_id, list);
  }
  return products.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    image: row.image,
    currency: row.currency,
    ...productMedia(row.media),
    variants: (byProduct.get(row.id) ?? []).map(({ id, label, price, limit_per_viewer, compare_at_price, swatch, image }) => ({
      id,
      label,
      price,
      ...(limit_per_viewer == null ? {} : { limitPerViewer: limit_per_viewer }),
      ...(compare_at_price == null ? {} : { compareAtPrice: compare_at_price }),
      ...(swatch == null ? {} : { swatch }),
      ...(image == null ? {} : { image }),
    })),
  }));
}

/** The media fields of a product, as stored by {@link mediaColumn}. */
const ProductMediaSchema = v.object({
  images: v.optional(ProductSchema.entries.images),
  spin: v.optional(ProductSchema.entries.spin),
  model: v.optional(ProductSchema.entries.model),
});

/** The `media` column for a product: its pictures, 360° frames and 3D model as JSON, or null when it has none. */
export function mediaColumn(product: Pick<Product, 'images' | 'spin' | 'model'>): string | null {
  const { images, spin, model } = product;
  if (images === undefined && spin === undefined && model === undefined) return null;
  return JSON.stringify({ images, spin, model });
}

/** Reads the `media` column back; a value that no longer fits the schema is dropped rather than served. */
function productMedia(json: string | null | undefined): Pick<Product, 'images' | 'spin' | 'model'> {
  if (!json) return {};
  const parsed = v.safeParse(ProductMediaSchema, JSON.parse(json));
  if (!parsed.success) return {};
  const { images, spin, model } = parsed.output;
  return { ...(images ? { images } : {}), ...(spin ? { spin } : {}), ...(model ? { model } : {}) };
}

/** The buyer's view of an order row. */
export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    roomId: row.room_id,
    productId: row.product_id,
    variantId: row.variant_id,
    quantity: row.quantity,
    total: row.total,
    currency: row.currency,
    status: row.status,
    createdAt: row.created_at,
    unitPrice: row.unit_price,
    expiresAt: row.expires_at,
    ...(row.sale_id === null ? {} : { saleId: row.sale_id }),
    subtotal: row.subtotal,
    discount: row.discount,
    ...(row.coupon_id === null ? {} : { couponId: row.coupon_id }),
  };
}

/**
 * Reads a stored event back. The body column holds the event exactly as it was published,
 * written by this store only, so it is trusted rather than re-validated.
 */
export function toEvent(body: string): RoomEvent {
  return JSON.parse(body) as RoomEvent;
}

/** The message of a stored `chat.message` event. */
export function toChatMessage(body: string): ChatMessage | null {
  const event = toEvent(body);
  return event.t === 'chat.message' ? event.message : null;
}

import type { ChatMessage, Order, Product, RoomEvent, RoomInfo } from '@live-shop/protocol';

/** A `rooms` row. */
export interface RoomRow {
  id: string;
  title: string;
  status: RoomInfo['status'];
  hls: string | null;
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
}

/** A `variants` row. */
export interface VariantRow {
  id: string;
  product_id: string;
  label: string;
  price: number;
  stock: number;
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
}

/** The room part of a room row. */
export function toRoomInfo(row: RoomRow): RoomInfo {
  return { id: row.id, title: row.title, status: row.status, hls: row.hls };
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
    variants: (byProduct.get(row.id) ?? []).map(({ id, label, price }) => ({ id, label, price })),
  }));
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

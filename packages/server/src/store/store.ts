import type { CommerceStore } from './commerce.js';
import type { ModerationStore } from './moderation.js';
import type { RoomSettingsStore } from './room-settings.js';
import type { EngagementStore } from './engagement.js';
import type { MerchantStore } from './merchant.js';
import type { Customer, Order, Pin, Product, RoomEvent, RoomEventBody, RoomInfo, Snapshot, Stock } from '@live-shop/protocol';

/** A room with its catalogue and starting stock, as the seed writes it. */
export interface RoomSeed {
  room: RoomInfo;
  products: readonly Product[];
  /** Starting units per variant id. Existing stock is never overwritten by a seed. */
  stock: Readonly<Stock>;
}

// Orders, payments and flash sales: see ./commerce.ts (re-exported for existing importers).
export type { NewOrder, PaymentEvent, PaymentResult } from './commerce.js';

/** Where a room's event log is: its epoch (a random id fixed when the log started) and its last seq. */
export interface LogPosition {
  epoch: string;
  seq: number;
}

/**
 * Durable state of rooms, catalogue, stock, orders and the room event log.
 *
 * Engine-neutral: every method is async even where SQLite answers synchronously, so a PostgreSQL
 * implementation fits the same shape. Each method is atomic on its own.
 */
export interface Store extends CommerceStore, ModerationStore, RoomSettingsStore, EngagementStore, MerchantStore {
  /** Creates the room, products and variants that do not exist yet; existing rows are left alone. */
  seedRoom(seed: RoomSeed): Promise<void>;
  /** The room, or null. */
  getRoom(roomId: string): Promise<RoomInfo | null>;
  /** A product of the room, or null. */
  getProduct(roomId: string, productId: string): Promise<Product | null>;
  /** The room's products in catalogue order. */
  listProducts(roomId: string): Promise<Product[]>;
  /** The pinned product of the room, or null. */
  getPinned(roomId: string): Promise<Pin | null>;
  /** Units left of a variant, or null when it does not exist. */
  getVariantStock(variantId: string): Promise<number | null>;
  /** Units left per variant of the room. */
  getStock(roomId: string): Promise<Stock>;
  /** The whole room at one instant (one read transaction), or null when the room does not exist. */
  loadSnapshot(roomId: string, chatLimit: number): Promise<Snapshot | null>;
  /**
   * Gives the event the room's next seq, stores it and applies it to the room's state (the pin),
   * in one transaction. Throws `not_found` when the room does not exist.
   */
  appendEvent(roomId: string, at: number, body: RoomEventBody): Promise<RoomEvent>;
  /** The room log's epoch and last seq, or null when the room does not exist. */
  getLogPosition(roomId: string): Promise<LogPosition | null>;
  /** Events with seq greater than `afterSeq`, oldest first, at most `limit`. */
  eventsAfter(roomId: string, afterSeq: number, limit: number): Promise<RoomEvent[]>;
  /** Releases the database. Further calls fail. */
  close(): Promise<void>;
}

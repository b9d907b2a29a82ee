import * as v from 'valibot';
import { CurrencySchema, IdSchema, MinorUnitsSchema, ProductSchema, VariantSchema } from './model.js';
import type { Order, OrderStatus } from './order.js';

/**
 * Request and response bodies of the merchant HTTP API (`/api/merchant/*`, API key) and of the
 * delete-my-data endpoint. Server to server: these never travel over the viewer's WebSocket.
 */

/** Most units a merchant may set for one variant (a typo guard, not a business limit). */
export const MAX_MERCHANT_STOCK = 1_000_000_000;
/** Most products in one catalogue import. */
export const MAX_IMPORT_PRODUCTS = 2_000;
/** Most variants of one product. */
export const MAX_PRODUCT_VARIANTS = 200;
/** Most variants in one stock update. */
export const MAX_STOCK_UPDATE_VARIANTS = 10_000;

const StockUnitsSchema = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must be 0 or more'),
  v.maxValue(MAX_MERCHANT_STOCK, `must be at most ${MAX_MERCHANT_STOCK}`),
);

/** One variant in a catalogue import. Only the fields the server stores are accepted (strict). */
export const CatalogVariantSchema = v.strictObject({
  id: IdSchema,
  label: v.pipe(v.string('must be text'), v.minLength(1, 'is required'), v.maxLength(60, 'must be at most 60 characters')),
  /** Price of one unit in minor units (fen, cents). */
  price: MinorUnitsSchema,
  /** Sellable units. Absent: a new variant starts at 0, an existing one keeps its stock. */
  stock: v.optional(StockUnitsSchema),
  /** Most units one viewer may buy of this variant; absent or null: no limit. */
  limitPerViewer: v.optional(
    v.nullable(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))),
  ),
  /** The usual price, shown struck through beside `price`. */
  compareAtPrice: VariantSchema.entries.compareAtPrice,
  /** Swatch colour, `#rgb` or `#rrggbb`. */
  swatch: VariantSchema.entries.swatch,
  /** Picture of this variant. */
  image: VariantSchema.entries.image,
});
/** One variant in a catalogue import. */
export type CatalogVariant = v.InferOutput<typeof CatalogVariantSchema>;

/** One product in a catalogue import (upserted by `id`). */
export const CatalogProductSchema = v.strictObject({
  id: IdSchema,
  name: v.pipe(v.string('must be text'), v.minLength(1, 'is required'), v.maxLength(120, 'must be at most 120 characters')),
  description: v.optional(v.pipe(v.string('must be text'), v.maxLength(2000, 'must be at most 2000 characters')), ''),
  /** Image URL, absolute or relative to the server. */
  image: v.optional(v.pipe(v.string('must be text'), v.maxLength(2048, 'must be at most 2048 characters')), ''),
  currency: CurrencySchema,
  variants: v.pipe(
    v.array(CatalogVariantSchema, 'must be a list'),
    v.minLength(1, 'needs at least one variant'),
    v.maxLength(MAX_PRODUCT_VARIANTS, `must have at most ${MAX_PRODUCT_VARIANTS} variants`),
  ),
  /** Responsive pictures (`src`, `srcset`, `sizes`, `alt`), the first the main one. */
  images: ProductSchema.entries.images,
  /** 360° frames in order. */
  spin: ProductSchema.entries.spin,
  /** 3D model (`glb`, optional `usdz`, `poster`). */
  model: ProductSchema.entries.model,
});
/** One product in a catalogue import. */
export type CatalogProduct = v.InferOutput<typeof CatalogProductSchema>;

/** `PUT /api/merchant/rooms/:room/catalog` with `application/json`. */
export const CatalogImportSchema = v.strictObject({
  /** Used only when the import creates the room: its title (default: the room id) and HLS URL. */
  room: v.optional(
    v.strictObject({
      title: v.pipe(v.string('must be text'), v.minLength(1, 'is required'), v.maxLength(200, 'must be at most 200 characters')),
      hls: v.optional(v.nullable(v.pipe(v.string('must be text'), v.maxLength(2048, 'must be at most 2048 characters')))),
    }),
  ),
  products: v.pipe(
    v.array(CatalogProductSchema, 'must be a list'),
    v.minLength(1, 'needs at least one product'),
    v.maxLength(MAX_IMPORT_PRODUCTS, `must have at most ${MAX_IMPORT_PRODUCTS} products`),
  ),
});
/** The body of a JSON catalogue import. */
export type CatalogImport = v.InferOutput<typeof CatalogImportSchema>;

/** `PUT /api/merchant/rooms/:room/stock`: sellable units per variant id. */
export const StockUpdateSchema = v.pipe(
  v.record(IdSchema, StockUnitsSchema, 'must be an object of variant id to units'),
  v.check((units) => Object.keys(units).length > 0, 'names no variant'),
  v.check(
    (units) => Object.keys(units).length <= MAX_STOCK_UPDATE_VARIANTS,
    `names more than ${MAX_STOCK_UPDATE_VARIANTS} variants`,
  ),
);
/** The body of a stock update. */
export type StockUpdate = v.InferOutput<typeof StockUpdateSchema>;

/** What a catalogue import or stock update did. */
export interface CatalogResult {
  /** True when the import created the room. */
  roomCreated: boolean;
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  variantsUpdated: number;
  /** Sellable units of every variant whose stock changed (or that was created), after the change. */
  stock: Record<string, number>;
}

/** The shipping details of an order, decrypted for the merchant; null once erased or before checkout. */
export interface MerchantCustomer {
  name: string;
  phone: string;
  address: string;
}

/** An order as the merchant sees it (`GET /api/merchant/rooms/:room/orders`): the order plus who to ship to. */
export type MerchantOrder = Order & {
  /** The viewer's token subject, when the order was placed with a token; null for anonymous viewers. */
  viewerId: string | null;
  /** Decrypted shipping details; null before checkout and once erased. */
  customer: MerchantCustomer | null;
  /** True when the customer asked for their data to be deleted (delete-my-data). */
  customerErased: boolean;
};

/** One page of orders; pass `nextCursor` as `cursor` for the next page (null: no more). */
export interface MerchantOrderPage {
  orders: MerchantOrder[];
  nextCursor: string | null;
}

/** Answer of delete-my-data: how many orders had their personal data erased, and a receipt id. */
export interface ErasureReceipt {
  /** Id of the erasure record (it holds no personal data). */
  id: string;
  /** Orders whose name, phone and address were erased by this request. */
  orders: number;
  /** Server ms. */
  at: number;
}

/**
 * The body of a webhook live-shop POSTs to the merchant (signed `live-shop-signature: t=…,v1=…`).
 * `id` is the same on every retry of one event: deduplicate by it.
 */
export interface WebhookEvent {
  id: string;
  /** `order.<status>`, e.g. `order.paid`. */
  type: `order.${OrderStatus}`;
  /** Server ms at which the change happened. */
  createdAt: number;
  /** Increases with every event of this server: order events by it when they arrive out of order. */
  sequence: number;
  data: {
    /** The order as of this event (its `status` is the status it moved to); never customer data. */
    order: Omit<MerchantOrder, 'customer' | 'customerErased'>;
    previousStatus: OrderStatus | null;
    reason: string;
  };
}

import type { Product } from '@live-shop/protocol';

/** Why the merchant's cart refused a line; its own codes are allowed too. */
export type CartRefusalCode = 'out_of_stock' | 'limit_reached' | 'unavailable' | 'price_changed' | (string & {});

/** The merchant's answer to a cart change: go ahead, or refuse with a code (and a message for people). */
export type CartAnswer = { ok: true } | { ok: false; code: CartRefusalCode; message?: string };

/** One line of the player's cart, as the merchant's cart sees it. */
export interface CartLine {
  productId: string;
  variantId: string;
  quantity: number;
  /** Price of one unit in minor units (the sale price in a flash sale). */
  unitPrice: number;
  currency: string;
  /** The flash sale the line is bought in, if any. */
  saleId?: string;
  /** The live-shop order holding the units, once there is one. */
  orderId?: string;
}

/** What the merchant's catalogue says about one variant, overriding the room's figures for this viewer. */
export interface VariantOverride {
  /** Price for this viewer, minor units. */
  price?: number;
  /** Member price (shown beside the price; used as the price when lower). */
  memberPrice?: number;
  /** Units the merchant's own stock says are left (the lower of this and the room's stock is shown). */
  stock?: number;
}

/** The merchant's overrides of one product, by variant id. */
export interface ProductOverride {
  variants?: Readonly<Record<string, VariantOverride>>;
}

/**
 * The merchant page's side of the cart, so the player's cart and the site's cart stay in sync. Every
 * member is optional; an absent one means "go ahead".
 */
export interface CartBridge {
  /** Before a product's card shows: the merchant's own price, member price and stock for this viewer. */
  hydrate?(product: Product): Promise<ProductOverride | null> | ProductOverride | null;
  /** The viewer put a line in the cart (the checkout sheet reserved it). */
  addToCart?(line: CartLine): Promise<CartAnswer> | CartAnswer;
  /** The viewer changed the line (variant or quantity). */
  updateCart?(line: CartLine): Promise<CartAnswer> | CartAnswer;
  /** The viewer is about to pay for the line. */
  checkout?(line: CartLine): Promise<CartAnswer> | CartAnswer;
}

/**
 * The product with the merchant's overrides applied: a variant's `price` becomes the override price (or the
 * member price when lower). Stock overrides are not part of the product; see {@link stockWithOverride}.
 */
export function applyOverride(product: Product, override: ProductOverride | null | undefined): Product {
  const variants = override?.variants;
  if (!variants) return product;
  let changed = false;
  const next = product.variants.map((variant) => {
    const over = variants[variant.id];
    if (!over) return variant;
    const candidates = [over.price, over.memberPrice].filter((price): price is number => Number.isInteger(price) && (price as number) >= 0);
    if (candidates.length === 0) return variant;
    const price = Math.min(...candidates);
    if (price === variant.price) return variant;
    changed = true;
    return { ...variant, price, ...(variant.compareAtPrice === undefined && price < variant.price ? { compareAtPrice: variant.price } : {}) };
  });
  return changed ? { ...product, variants: next } : product;
}

/** The room's units left of a variant, lowered to the merchant's figure when it has one. */
export function stockWithOverride(units: number | null, override: ProductOverride | null | undefined, variantId: string): number | null {
  const own = override?.variants?.[variantId]?.stock;
  if (own === undefined || !Number.isInteger(own) || own < 0) return units;
  return units === null ? own : Math.min(units, own);
}

import type { Product, Stock, Variant } from '@live-shop/protocol';
import { MAX_ORDER_QUANTITY } from '@live-shop/protocol';

/** The customer fields of the checkout form, in the order they appear. */
export const CUSTOMER_FIELDS = ['name', 'phone', 'address'] as const;
/** One customer field of the checkout form. */
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/**
 * The form field an error message is about, if it names one: the core's and the server's
 * validation messages read like `customer.address: address is required`.
 */
export function fieldNamedIn(message: string): CustomerField | null {
  const path = /customer\.(name|phone|address)\b/.exec(message);
  if (path) return path[1] as CustomerField;
  // Without a path, look for the word itself; `address` and `phone` first, since "name" is common prose.
  for (const field of ['address', 'phone', 'name'] as const) {
    if (new RegExp(`\\b${field}\\b`, 'i').test(message)) return field;
  }
  return null;
}

/** Units left of a variant, or `null` when the stock is not known yet. */
export function unitsLeft(stock: Stock | undefined, variantId: string): number | null {
  const units = stock?.[variantId];
  return units === undefined ? null : units;
}

/** The variant to preselect: the wanted one if it can still be bought, else the first that can. */
export function pickVariant(product: Product, stock: Stock | undefined, wanted: string | null): Variant | null {
  const buyable = (variant: Variant) => unitsLeft(stock, variant.id) !== 0;
  const current = product.variants.find((variant) => variant.id === wanted);
  if (current && buyable(current)) return current;
  return product.variants.find(buyable) ?? null;
}

/** The largest quantity the stepper allows for a variant: its stock, capped by the protocol's limit. */
export function maxQuantity(stock: Stock | undefined, variantId: string | null): number {
  if (variantId === null) return 1;
  const units = unitsLeft(stock, variantId);
  return Math.max(1, Math.min(units ?? MAX_ORDER_QUANTITY, MAX_ORDER_QUANTITY));
}

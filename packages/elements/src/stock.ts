import type { Product, Stock } from '@live-shop/protocol';

/** Units left of a product across its variants, or `null` when none is known yet. */
export function unitsLeftOf(product: Product, stock: Stock | undefined): number | null {
  let total: number | null = null;
  for (const variant of product.variants) {
    const units = stock?.[variant.id];
    if (units !== undefined) total = (total ?? 0) + units;
  }
  return total;
}

import { atom, type WritableAtom } from 'nanostores';
import type { Product } from '@live-shop/protocol';

/** Creates the `$products` store of one client: the room's catalogue, in the server's order. */
export function createProductsStore(): WritableAtom<readonly Product[]> {
  return atom<readonly Product[]>([]);
}

/** The product with `id`, or `null`. */
export function findProduct(products: readonly Product[], id: string): Product | null {
  return products.find((product) => product.id === id) ?? null;
}

/** The product that sells the variant `variantId`, or `null`. */
export function productOfVariant(products: readonly Product[], variantId: string): Product | null {
  return products.find((product) => product.variants.some((variant) => variant.id === variantId)) ?? null;
}

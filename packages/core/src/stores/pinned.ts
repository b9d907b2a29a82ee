import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Pin, Product } from '@live-shop/protocol';
import { findProduct } from './products.js';

/** Creates the `$pinned` store of one client: the product the host shows now, or `null`. */
export function createPinnedStore(): WritableAtom<Pin | null> {
  return atom<Pin | null>(null);
}

/**
 * `$pinnedProduct`: the pinned product itself, derived from `$pinned` and `$products` (never a copy, so
 * it cannot go stale when either changes). `null` when nothing is pinned or the id is unknown.
 */
export function createPinnedProductStore(
  $pinned: ReadableAtom<Pin | null>,
  $products: ReadableAtom<readonly Product[]>,
): ReadableAtom<Product | null> {
  return computed([$pinned, $products], (pin, products) => (pin ? findProduct(products, pin.productId) : null));
}

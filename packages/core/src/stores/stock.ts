import { atom, type WritableAtom } from 'nanostores';
import type { Stock } from '@live-shop/protocol';

/** Creates the `$stock` store of one client: units left per variant id. */
export function createStockStore(): WritableAtom<Stock> {
  return atom<Stock>({});
}

/** Sets the units left of one variant; a new object, so subscribers see the change. */
export function setAvailable($stock: WritableAtom<Stock>, variantId: string, available: number): void {
  const current = $stock.get();
  if (current[variantId] === available) return;
  $stock.set({ ...current, [variantId]: available });
}

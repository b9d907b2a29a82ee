import type { CatalogImport, CatalogResult, StockUpdate } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import { commerceOf } from '../commerce/service.js';
import type { DomainContext } from '../rooms/context.js';
import { invalidateSnapshot } from '../rooms/snapshot-cache.js';

/**
 * Imports or updates a room's catalogue: products and variants are upserted by id in one transaction,
 * the room is created when it does not exist. Products and variants missing from the import are left
 * as they are (orders point at them). A variant's `stock`, when given, sets its sellable units.
 *
 * Throws `invalid` (an id twice in one import) or `conflict` (an id that belongs to another room or
 * product) before anything is written. Every variant whose stock changed (or that is new) is
 * announced with `stock.changed` after the commit, except in a room the import created.
 */
export async function importCatalog(ctx: DomainContext, roomId: string, catalog: CatalogImport): Promise<CatalogResult> {
  assertUniqueIds(catalog);
  const result = await ctx.store.importCatalog(roomId, catalog, ctx.now());
  // Names, prices and media change without a room event: joins after this must not get the shared old snapshot.
  invalidateSnapshot(ctx, roomId);
  // Nobody can be watching a room that did not exist: its first viewers get the stock in their snapshot.
  if (!result.roomCreated) await announceStock(ctx, roomId, result.stock);
  return result;
}

/**
 * Sets the sellable units of variants of the room (all or nothing). Held and sold units are not
 * touched: `initial` moves with the stock so stock + held + sold = initial still holds.
 * Throws `not_found` naming the variants the room does not have.
 */
export async function setStock(ctx: DomainContext, roomId: string, units: StockUpdate): Promise<Record<string, number>> {
  if (!(await ctx.store.getRoom(roomId))) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  const result = await ctx.store.setStock(roomId, units);
  if (result.kind === 'not_found') {
    throw new LiveShopServerError('not_found', `room "${roomId}" has no variant ${result.variantIds.map((id) => `"${id}"`).join(', ')}`);
  }
  await announceStock(ctx, roomId, result.stock);
  return result.stock;
}

/**
 * Sends `stock.changed` for each variant through the commerce event publisher (coalesced with the order
 * traffic, and re-derived at startup if the process dies between the commit and the event).
 */
async function announceStock(ctx: DomainContext, roomId: string, changed: Readonly<Record<string, number>>): Promise<void> {
  const { events } = commerceOf(ctx);
  await Promise.all(Object.keys(changed).map((variantId) => events.stockChanged(roomId, variantId)));
}

function assertUniqueIds(catalog: CatalogImport): void {
  const products = new Set<string>();
  const variants = new Set<string>();
  catalog.products.forEach((product, p) => {
    if (products.has(product.id)) throw new LiveShopServerError('invalid', `products.${p}.id: product "${product.id}" appears twice`);
    products.add(product.id);
    product.variants.forEach((variant, i) => {
      if (variants.has(variant.id)) {
        throw new LiveShopServerError('invalid', `products.${p}.variants.${i}.id: variant "${variant.id}" appears twice`);
      }
      variants.add(variant.id);
    });
  });
}

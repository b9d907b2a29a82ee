import { createHash, randomBytes } from 'node:crypto';
import type { Order, OrderRequest } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from '../rooms/context.js';

/** Digest of what makes two requests "the same order", to recognise retries of an idempotency key. */
export function orderFingerprint(request: OrderRequest): string {
  const { variantId, quantity, customer } = request;
  return createHash('sha256')
    .update(JSON.stringify([variantId, quantity, customer.name, customer.phone, customer.address]))
    .digest('base64url');
}

/**
 * Places an order: reserves the units atomically and records the order with its idempotency key.
 *
 * - the same key with the same body returns the order placed the first time (no second reservation);
 * - the same key with a different body fails with `conflict`;
 * - `not_found` for a variant not in the room, `sold_out` when none is left, `insufficient_stock`
 *   when fewer are left than asked for. Nothing is written in any failing case.
 *
 * A new order publishes `stock.changed` with the units left.
 */
export async function placeOrder(ctx: DomainContext, roomId: string, request: OrderRequest): Promise<Order> {
  const result = await ctx.store.placeOrder({
    id: `ord_${randomBytes(12).toString('base64url')}`,
    roomId,
    variantId: request.variantId,
    quantity: request.quantity,
    customer: request.customer,
    idempotencyKey: request.idempotencyKey,
    fingerprint: orderFingerprint(request),
    createdAt: ctx.now(),
  });
  switch (result.kind) {
    case 'placed':
      // Read the count inside the room log's turn, so the event carries the count as of its own seq.
      await ctx.log.append(roomId, async () => ({
        t: 'stock.changed',
        variantId: request.variantId,
        available: (await ctx.store.getVariantStock(request.variantId)) ?? 0,
      }));
      return result.order;
    case 'replayed':
      return result.order;
    case 'conflict':
      throw new LiveShopServerError('conflict', 'this idempotency key was already used for a different order');
    case 'not_found':
      throw new LiveShopServerError('not_found', `variant "${request.variantId}" is not sold in room "${roomId}"`);
    case 'sold_out':
      throw new LiveShopServerError('sold_out', 'this variant is sold out');
    case 'insufficient_stock':
      throw new LiveShopServerError(
        'insufficient_stock',
        `only ${result.available} left, fewer than the ${request.quantity} asked for`,
      );
  }
}

import type { Pin } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from './context.js';

function requireHost(actor: Actor, action: string): void {
  if (actor.role !== 'host') throw new LiveShopServerError('forbidden', `only the host can ${action}`);
}

/** Host only: shows a product of the room over the video (`product.pinned`). */
export async function pinProduct(ctx: DomainContext, roomId: string, actor: Actor, productId: string): Promise<Pin> {
  requireHost(actor, 'pin a product');
  const product = await ctx.store.getProduct(roomId, productId);
  if (!product) throw new LiveShopServerError('not_found', `product "${productId}" is not in room "${roomId}"`);
  const event = await ctx.log.append(roomId, (at) => ({ t: 'product.pinned', pin: { productId, at } }));
  if (event.t !== 'product.pinned') throw new Error(`room log returned ${event.t} for a pin`);
  return event.pin;
}

/**
 * Host only: takes the pinned product down (`product.unpinned`).
 * Unpinning when nothing is pinned succeeds without an event, so a retried unpin is harmless.
 */
export async function unpinProduct(ctx: DomainContext, roomId: string, actor: Actor): Promise<void> {
  requireHost(actor, 'unpin a product');
  const room = await ctx.store.getRoom(roomId);
  if (!room) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  if ((await ctx.store.getPinned(roomId)) === null) return;
  await ctx.log.append(roomId, () => ({ t: 'product.unpinned' }));
}

import { randomBytes } from 'node:crypto';
import type { FlashSale, FlashSaleRequest } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { commerceOf } from './service.js';

function requireHost(actor: Pick<Actor, 'role'>): void {
  if (actor.role !== 'host') throw new LiveShopServerError('forbidden', 'only the host runs flash sales');
}

/**
 * Host only: schedules a flash sale of one variant — `quota` units at `price`, at most `perViewerLimit` per viewer,
 * opening `startsInMs` after now for `durationMs`. Every viewer gets `flashsale.changed` now, at the start and at
 * the end. One scheduled or live sale per room (`conflict` otherwise). Admission checks the variant's stock too, so
 * a quota larger than the stock sells at most the stock.
 */
export async function startFlashSale(ctx: DomainContext, roomId: string, actor: Pick<Actor, 'role'>, request: FlashSaleRequest): Promise<FlashSale> {
  requireHost(actor);
  const now = ctx.now();
  const startsAt = now + request.startsInMs;
  const result = await ctx.store.createFlashSale({
    id: `sale_${randomBytes(9).toString('base64url')}`,
    roomId,
    variantId: request.variantId,
    price: request.price,
    quota: request.quota,
    perViewerLimit: request.perViewerLimit,
    startsAt,
    endsAt: startsAt + request.durationMs,
    createdAt: now,
  });
  switch (result.kind) {
    case 'not_found':
      throw new LiveShopServerError('not_found', `variant "${request.variantId}" is not sold in room "${roomId}"`);
    case 'conflict':
      throw new LiveShopServerError('conflict', `flash sale ${result.sale.id} is already ${result.sale.status}; stop it first`);
    case 'created':
      await commerceOf(ctx).saleScheduled(roomId, result.sale);
      return result.sale;
  }
}

/** Host only: ends a scheduled or live sale now (a repeat answers the ended sale). Errors: `forbidden`, `not_found`. */
export async function stopFlashSale(ctx: DomainContext, roomId: string, actor: Pick<Actor, 'role'>, saleId: string): Promise<FlashSale> {
  requireHost(actor);
  const existing = await ctx.store.getFlashSale(saleId, ctx.now());
  const current = await ctx.store.currentFlashSale(roomId, ctx.now());
  // currentFlashSale answers the room's open sale, else its latest: a sale of another room never matches.
  if (!existing || (current?.id !== saleId && existing.status !== 'ended')) {
    throw new LiveShopServerError('not_found', `no flash sale "${saleId}" in room "${roomId}"`);
  }
  const sale = await ctx.store.stopFlashSale(saleId, ctx.now());
  if (!sale) throw new LiveShopServerError('not_found', `no flash sale "${saleId}"`);
  if (existing.status !== 'ended') await commerceOf(ctx).saleStopped(roomId, saleId);
  return sale;
}

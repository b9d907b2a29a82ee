import type { MerchantOrder, MerchantOrderPage, OrderStatus } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from '../rooms/context.js';
import { decodeCursor } from '../store/merchant.js';

/** Default and largest page of the order listing. */
export const ORDER_PAGE = { default: 50, max: 500 } as const;

/** Filter of the order listing and export. */
export interface OrderFilter {
  status?: OrderStatus;
  /** Orders created at or after this server time (ms). */
  since?: number;
}

/**
 * A page of the room's orders, oldest first, with the customer's shipping details decrypted (the
 * merchant ships them). `cursor` is the `nextCursor` of the previous page; a page is stable under
 * concurrent inserts (keyset on `(createdAt, id)`, not an offset).
 */
export async function listOrders(
  ctx: DomainContext,
  roomId: string,
  query: OrderFilter & { limit?: number; cursor?: string },
): Promise<MerchantOrderPage> {
  await assertRoom(ctx, roomId);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) throw new LiveShopServerError('invalid', 'cursor is not one this API returned');
  return ctx.store.listMerchantOrders(roomId, {
    limit: query.limit ?? ORDER_PAGE.default,
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.since === undefined ? {} : { since: query.since }),
    ...(after === undefined ? {} : { after }),
  });
}

/**
 * Every order of the room matching `filter`, page by page (`pageSize` at a time, so an export of any
 * size holds one page in memory). Throws `not_found` for an unknown room before the first page.
 */
export async function* exportOrders(
  ctx: DomainContext,
  roomId: string,
  filter: OrderFilter,
  pageSize = ORDER_PAGE.max,
): AsyncGenerator<MerchantOrder[], void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await listOrders(ctx, roomId, { ...filter, limit: pageSize, ...(cursor === undefined ? {} : { cursor }) });
    if (page.orders.length > 0) yield page.orders;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** Throws `not_found` when the room does not exist. */
export async function assertRoom(ctx: DomainContext, roomId: string): Promise<void> {
  if (!(await ctx.store.getRoom(roomId))) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
}

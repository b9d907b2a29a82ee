import { SNAPSHOT_CHAT_MESSAGES, type Snapshot } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from './context.js';
import { engagementSnapshot } from '../engagement/state.js';

/** How long the snapshot keeps showing a flash sale after it ended, ms. */
const ENDED_SALE_SHOWN_MS = 10 * 60_000;

/** The room as a viewer needs it right now. Throws `not_found` for an unknown room. */
export async function getSnapshot(ctx: DomainContext, roomId: string): Promise<Snapshot> {
  const snapshot = await ctx.store.loadSnapshot(roomId, SNAPSHOT_CHAT_MESSAGES);
  if (!snapshot) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  // Read after the snapshot, so at least as new as its seq; engagement events carry absolute state, so the
  // ones that follow (seq > snapshot.seq) apply cleanly on top.
  // The flash sale likewise: `flashsale.changed` carries the whole sale, so a later event replaces it cleanly.
  // An ended sale is still shown for a while ("sold out" / "ended" banners), then dropped.
  const sale = await ctx.store.currentFlashSale(roomId, ctx.now());
  const flashSale = sale && (sale.status !== 'ended' || ctx.now() - sale.endsAt < ENDED_SALE_SHOWN_MS) ? sale : null;
  return { ...snapshot, ...(await engagementSnapshot(ctx, roomId)), flashSale };
}

import { SNAPSHOT_CHAT_MESSAGES, type Snapshot } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from './context.js';

/** The room as a viewer needs it right now. Throws `not_found` for an unknown room. */
export async function getSnapshot(ctx: DomainContext, roomId: string): Promise<Snapshot> {
  const snapshot = await ctx.store.loadSnapshot(roomId, SNAPSHOT_CHAT_MESSAGES);
  if (!snapshot) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  return snapshot;
}

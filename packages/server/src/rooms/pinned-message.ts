import { MAX_CHAT_LENGTH, type PinnedMessage } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from './context.js';

function requireHost(actor: Actor, action: string): void {
  if (actor.role !== 'host') throw new LiveShopServerError('forbidden', `only the host can ${action}`);
}

/**
 * Host only: pins a message above the chat for every viewer (`chat.message-pinned`), replacing the pinned one.
 * The host's own text is not run through the blocked-word filter: the host is accountable for it.
 */
export async function pinMessage(ctx: DomainContext, roomId: string, actor: Actor, text: string): Promise<PinnedMessage> {
  requireHost(actor, 'pin a message');
  const clean = text.trim();
  if (clean.length === 0 || clean.length > MAX_CHAT_LENGTH) {
    throw new LiveShopServerError('invalid', `text must be 1-${MAX_CHAT_LENGTH} characters`);
  }
  const event = await ctx.log.append(roomId, (at) => ({ t: 'chat.message-pinned', pinned: { text: clean, name: actor.name, at } }));
  if (event.t !== 'chat.message-pinned') throw new Error(`room log returned ${event.t} for a pinned message`);
  return event.pinned;
}

/** Host only: takes the pinned message down (`chat.message-unpinned`); without one it succeeds with no event. */
export async function unpinMessage(ctx: DomainContext, roomId: string, actor: Actor): Promise<void> {
  requireHost(actor, 'unpin the message');
  const state = await ctx.store.loadModerationSnapshot(roomId, 0);
  if (state.pinnedMessage === null) {
    if ((await ctx.store.getRoom(roomId)) === null) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
    return;
  }
  await ctx.log.append(roomId, () => ({ t: 'chat.message-unpinned' }));
}

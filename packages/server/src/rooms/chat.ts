import { randomBytes } from 'node:crypto';
import { MAX_CHAT_LENGTH, type ChatMessage } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from './context.js';

/**
 * Posts a chat message to the room: a `chat.message` event every viewer receives.
 * The text is stored and sent as plain text; clients render it as text only.
 */
export async function postChat(ctx: DomainContext, roomId: string, actor: Actor, text: string): Promise<ChatMessage> {
  const clean = text.trim();
  if (clean.length === 0) throw new LiveShopServerError('invalid', 'text is empty');
  if (clean.length > MAX_CHAT_LENGTH) {
    throw new LiveShopServerError('invalid', `text must be at most ${MAX_CHAT_LENGTH} characters`);
  }
  const event = await ctx.log.append(roomId, (at) => ({
    t: 'chat.message',
    message: { id: `c_${randomBytes(9).toString('base64url')}`, name: actor.name, role: actor.role, text: clean, at },
  }));
  if (event.t !== 'chat.message') throw new Error(`room log returned ${event.t} for a chat message`);
  return event.message;
}

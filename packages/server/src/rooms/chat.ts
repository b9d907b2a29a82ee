import { randomBytes } from 'node:crypto';
import { MAX_CHAT_LENGTH, type ChatMessage } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import { findBlockedWord } from './blocked-words.js';
import type { Actor, DomainContext } from './context.js';
import { assertMayPost } from './moderation.js';
import { enterLotteryByComment } from '../engagement/lottery.js';

/**
 * Throws `blocked` when `text` holds a word of the built-in list or the room's own list (see blocked-words.ts:
 * a blocked text is refused, never masked, and never stored or fanned out).
 */
export async function assertNotBlocked(ctx: DomainContext, roomId: string, text: string): Promise<void> {
  const word = findBlockedWord(text, await ctx.store.getBlockedWords(roomId));
  if (word !== null) throw new LiveShopServerError('blocked', 'the message contains a blocked word and was not posted');
}

/**
 * Posts a chat message to the room: a `chat.message` event every viewer receives.
 * The text is stored and sent as plain text; clients render it as text only. A muted or banned viewer gets
 * `forbidden`, a text with a blocked word `blocked`. The message carries the author's opaque per-room id
 * (never the token subject), so the host and moderators can act on the author.
 */
export async function postChat(ctx: DomainContext, roomId: string, actor: Actor, text: string): Promise<ChatMessage> {
  const clean = text.trim();
  if (clean.length === 0) throw new LiveShopServerError('invalid', 'text is empty');
  if (clean.length > MAX_CHAT_LENGTH) {
    throw new LiveShopServerError('invalid', `text must be at most ${MAX_CHAT_LENGTH} characters`);
  }
  await assertMayPost(ctx, roomId, actor);
  await assertNotBlocked(ctx, roomId, clean);
  const authorId = await ctx.store.authorIdFor(roomId, actor.subject);
  const event = await ctx.log.append(roomId, (at) => ({
    t: 'chat.message',
    message: { id: `c_${randomBytes(9).toString('base64url')}`, name: actor.name, role: actor.role, text: clean, at, authorId },
  }));
  if (event.t !== 'chat.message') throw new Error(`room log returned ${event.t} for a chat message`);
  // Hooks that react to a posted message go here (e.g. lottery entry by comment keyword).
  await enterLotteryByComment(ctx, roomId, actor, clean);
  return event.message;
}

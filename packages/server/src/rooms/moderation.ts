import { MAX_BLOCKED_WORDS, MAX_MUTE_MS } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import { normalizeWord } from './blocked-words.js';
import type { Actor, DomainContext } from './context.js';

/** Throws `forbidden` unless the actor is the host or a moderator. */
export function requireModerator(actor: Actor, action: string): void {
  if (actor.role !== 'host' && actor.role !== 'moderator') {
    throw new LiveShopServerError('forbidden', `only the host or a moderator can ${action}`);
  }
}

async function subjectOf(ctx: DomainContext, roomId: string, authorId: string): Promise<string> {
  const subject = await ctx.store.subjectOfAuthor(roomId, authorId);
  if (subject === null) throw new LiveShopServerError('not_found', `no author "${authorId}" in room "${roomId}"`);
  return subject;
}

function minutes(ms: number): string {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return m === 1 ? '1 more minute' : `${m} more minutes`;
}

/**
 * Throws `forbidden` when the subject may not post in the room now: banned, or muted (the message says for how
 * much longer). Called before every chat message and question.
 */
export async function assertMayPost(ctx: DomainContext, roomId: string, actor: Actor): Promise<void> {
  if (actor.role !== 'viewer') return; // sanctions are for viewers: the host and moderators run the room
  const sanctions = await ctx.store.getSanctions(roomId, actor.subject, ctx.now());
  if (sanctions.banned) throw new LiveShopServerError('forbidden', 'you are banned from this room');
  if (sanctions.mutedUntil !== null) {
    throw new LiveShopServerError('forbidden', `you are muted in this room for ${minutes(sanctions.mutedUntil - ctx.now())}`);
  }
}

/** Throws `forbidden` when a viewer is banned from the room: a banned viewer's `hello` is refused. */
export async function assertNotBanned(ctx: DomainContext, roomId: string, actor: Actor): Promise<void> {
  if (actor.role !== 'viewer') return;
  const sanctions = await ctx.store.getSanctions(roomId, actor.subject, ctx.now());
  if (sanctions.banned) throw new LiveShopServerError('forbidden', 'you are banned from this room');
}

/**
 * Host/moderator: deletes a chat message for everyone (`chat.deleted`). Its log row becomes a tombstone, so it
 * is gone from snapshots and replays too. Deleting a message already deleted succeeds without an event.
 */
export async function deleteMessage(ctx: DomainContext, roomId: string, actor: Actor, messageId: string): Promise<void> {
  requireModerator(actor, 'delete messages');
  if (!(await ctx.store.hasChatMessage(roomId, messageId))) {
    if ((await ctx.store.getRoom(roomId)) === null) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
    return; // unknown or already deleted: nothing to take down, and a retried delete is harmless
  }
  await ctx.log.append(roomId, () => ({ t: 'chat.deleted', messageId }));
}

/**
 * Host/moderator: mutes an author for `durationMs` (0 lifts the mute). Stored durably. Resolves with the
 * server time the mute ends (null when lifted). Hosts and moderators cannot be muted.
 */
export async function muteAuthor(
  ctx: DomainContext,
  roomId: string,
  actor: Actor,
  authorId: string,
  durationMs: number,
): Promise<{ mutedUntil: number | null }> {
  requireModerator(actor, 'mute viewers');
  if (!Number.isInteger(durationMs) || durationMs < 0 || durationMs > MAX_MUTE_MS) {
    throw new LiveShopServerError('invalid', `durationMs must be an integer from 0 to ${MAX_MUTE_MS}`);
  }
  const subject = await subjectOf(ctx, roomId, authorId);
  if (subject === actor.subject) throw new LiveShopServerError('invalid', 'you cannot mute yourself');
  if (durationMs === 0) {
    await ctx.store.clearSanction(roomId, subject, 'mute');
    return { mutedUntil: null };
  }
  const now = ctx.now();
  await ctx.store.setSanction(roomId, subject, 'mute', now + durationMs, actor.subject, now);
  return { mutedUntil: now + durationMs };
}

/**
 * Host/moderator: bans an author from the room. Stored durably; a `chat.banned` event tells every server, whose
 * hub closes the author's sockets with `BANNED_CLOSE_CODE`; a later `hello` with the same subject is refused.
 */
export async function banAuthor(ctx: DomainContext, roomId: string, actor: Actor, authorId: string): Promise<void> {
  requireModerator(actor, 'ban viewers');
  const subject = await subjectOf(ctx, roomId, authorId);
  if (subject === actor.subject) throw new LiveShopServerError('invalid', 'you cannot ban yourself');
  const now = ctx.now();
  await ctx.store.setSanction(roomId, subject, 'ban', null, actor.subject, now);
  await ctx.log.append(roomId, () => ({ t: 'chat.banned', authorId }));
}

/** Host/moderator: lifts a ban. Lifting a ban that is not there succeeds. */
export async function unbanAuthor(ctx: DomainContext, roomId: string, actor: Actor, authorId: string): Promise<void> {
  requireModerator(actor, 'lift bans');
  const subject = await subjectOf(ctx, roomId, authorId);
  await ctx.store.clearSanction(roomId, subject, 'ban');
}

/**
 * Host/moderator: replaces the room's own blocked-word list (the built-in list always applies on top).
 * Blank and duplicate words (after normalisation) are dropped. Resolves with the list stored.
 */
export async function setRoomBlockedWords(ctx: DomainContext, roomId: string, actor: Actor, words: readonly string[]): Promise<string[]> {
  requireModerator(actor, 'change the blocked words');
  if (words.length > MAX_BLOCKED_WORDS) throw new LiveShopServerError('invalid', `at most ${MAX_BLOCKED_WORDS} words`);
  if ((await ctx.store.getRoom(roomId)) === null) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const word of words) {
    const normal = normalizeWord(word);
    if (normal.length === 0 || seen.has(normal)) continue;
    seen.add(normal);
    kept.push(word.trim());
  }
  await ctx.store.setBlockedWords(roomId, kept);
  return kept;
}

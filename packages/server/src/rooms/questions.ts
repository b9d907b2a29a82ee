import { randomBytes } from 'node:crypto';
import { MAX_CHAT_LENGTH, MAX_QUESTION_LENGTH, type Question } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import { assertNotBlocked } from './chat.js';
import type { Actor, DomainContext } from './context.js';
import { assertMayPost, requireModerator } from './moderation.js';

/**
 * A viewer asks the host a question (`question.asked`, seen by the whole room like chat). The same rules as chat
 * apply: muted or banned viewers get `forbidden`, blocked words `blocked`. The question carries the asker's
 * opaque author id, never their subject.
 */
export async function askQuestion(ctx: DomainContext, roomId: string, actor: Actor, text: string): Promise<Question> {
  const clean = text.trim();
  if (clean.length === 0 || clean.length > MAX_QUESTION_LENGTH) {
    throw new LiveShopServerError('invalid', `text must be 1-${MAX_QUESTION_LENGTH} characters`);
  }
  await assertMayPost(ctx, roomId, actor);
  await assertNotBlocked(ctx, roomId, clean);
  const authorId = await ctx.store.authorIdFor(roomId, actor.subject);
  const event = await ctx.log.append(roomId, (at) => ({
    t: 'question.asked',
    question: { id: `q_${randomBytes(9).toString('base64url')}`, authorId, name: actor.name, text: clean, at, answer: null },
  }));
  if (event.t !== 'question.asked') throw new Error(`room log returned ${event.t} for a question`);
  return event.question;
}

async function questionOf(ctx: DomainContext, roomId: string, questionId: string): Promise<Question> {
  const question = await ctx.store.getQuestion(roomId, questionId);
  if (!question) throw new LiveShopServerError('not_found', `no question "${questionId}" in room "${roomId}"`);
  return question;
}

/** Host/moderator: marks a question answered, with an optional written answer (`question.answered`). */
export async function answerQuestion(ctx: DomainContext, roomId: string, actor: Actor, questionId: string, answer = ''): Promise<void> {
  requireModerator(actor, 'answer questions');
  const clean = answer.trim();
  if (clean.length > MAX_CHAT_LENGTH) throw new LiveShopServerError('invalid', `answer must be at most ${MAX_CHAT_LENGTH} characters`);
  await questionOf(ctx, roomId, questionId);
  await ctx.log.append(roomId, () => ({ t: 'question.answered', questionId, answer: clean }));
}

function requireHost(actor: Actor, action: string): void {
  if (actor.role !== 'host') throw new LiveShopServerError('forbidden', `only the host can ${action}`);
}

/** Host only: shows a question over the video (`question.pinned`). */
export async function pinQuestion(ctx: DomainContext, roomId: string, actor: Actor, questionId: string): Promise<void> {
  requireHost(actor, 'pin a question');
  await questionOf(ctx, roomId, questionId);
  await ctx.log.append(roomId, () => ({ t: 'question.pinned', questionId }));
}

/** Host only: takes the pinned question down (`question.unpinned`); without one it succeeds with no event. */
export async function unpinQuestion(ctx: DomainContext, roomId: string, actor: Actor): Promise<void> {
  requireHost(actor, 'unpin the question');
  const state = await ctx.store.loadModerationSnapshot(roomId, 0);
  if (state.pinnedQuestionId === null) return;
  await ctx.log.append(roomId, () => ({ t: 'question.unpinned' }));
}

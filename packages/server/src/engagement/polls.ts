import type { Poll } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { newId, requireHost, requireRoom } from './host.js';
import { runtimeOf } from './runtime.js';

/** What the host asks for when opening a poll (already validated by the protocol schema). */
export interface PollRequest {
  question: string;
  options: readonly string[];
  /** Closes by itself after this long; absent: the host closes it. */
  durationMs?: number | undefined;
}

const key = (pollId: string) => `poll:${pollId}`;

/**
 * Host only: opens a poll (`poll.opened`), closing the open one first. A timed poll closes itself at `endsAt`
 * (`poll.closed`).
 */
export async function openPoll(ctx: DomainContext, roomId: string, actor: Actor, request: PollRequest): Promise<Poll> {
  requireHost(actor, 'open a poll');
  await requireRoom(ctx, roomId);
  const current = await ctx.store.latestPoll(roomId);
  if (current?.status === 'open') await closePollNow(ctx, roomId, current.id);
  const openedAt = ctx.now();
  const poll = await ctx.store.openPoll({
    id: newId('p'),
    roomId,
    question: request.question,
    options: request.options,
    openedAt,
    endsAt: request.durationMs === undefined ? null : openedAt + request.durationMs,
  });
  await ctx.log.append(roomId, () => ({ t: 'poll.opened', poll }));
  armPoll(ctx, roomId, poll);
  return poll;
}

/** Arms the timer that closes a timed poll (also after a restart, from resume.ts). */
export function armPoll(ctx: DomainContext, roomId: string, poll: Poll): void {
  if (poll.status === 'open' && poll.endsAt !== null) runtimeOf(ctx).at(key(poll.id), poll.endsAt, () => closePollNow(ctx, roomId, poll.id));
}

/**
 * Votes for `option` in the room's open poll: one vote per viewer (by subject); a second vote is refused with
 * `already_done` (a vote is final: live results stay monotonic and cannot be steered late). Results go out
 * coalesced as `poll.results`, at most about two a second.
 */
export async function votePoll(
  ctx: DomainContext,
  roomId: string,
  actor: Actor,
  pollId: string,
  option: number,
): Promise<{ pollId: string; option: number }> {
  const latest = await ctx.store.latestPoll(roomId);
  if (!latest || latest.id !== pollId) throw new LiveShopServerError('not_found', 'this poll is not the room’s current poll');
  const result = await ctx.store.castVote(pollId, actor.subject, option, ctx.now());
  switch (result.kind) {
    case 'voted':
      runtimeOf(ctx).coalesce(`${key(pollId)}:results`, () => publishResults(ctx, roomId, pollId));
      return { pollId, option };
    case 'already_done':
      throw new LiveShopServerError('already_done', 'you already voted in this poll');
    case 'ended':
      throw new LiveShopServerError('ended', 'the poll is closed');
    case 'invalid':
      throw new LiveShopServerError('invalid', `option must be 0-${latest.options.length - 1}`);
    case 'not_found':
      throw new LiveShopServerError('not_found', 'no such poll');
  }
}

/** Host only: closes the open poll (`poll.closed`). Refused with `ended` when it is already closed. */
export async function closePoll(ctx: DomainContext, roomId: string, actor: Actor, pollId: string): Promise<Poll> {
  requireHost(actor, 'close a poll');
  const latest = await ctx.store.latestPoll(roomId);
  if (!latest || latest.id !== pollId) throw new LiveShopServerError('not_found', 'this poll is not the room’s current poll');
  const closed = await closePollNow(ctx, roomId, pollId);
  if (!closed) throw new LiveShopServerError('ended', 'the poll is already closed');
  return closed;
}

/** Closes the poll if open and announces the final counts; null when it was not open. */
export async function closePollNow(ctx: DomainContext, roomId: string, pollId: string): Promise<Poll | null> {
  const runtime = runtimeOf(ctx);
  runtime.cancel(key(pollId));
  runtime.cancel(`${key(pollId)}:results`);
  const closed = await ctx.store.closePoll(pollId, ctx.now());
  if (!closed) return null;
  await ctx.log.append(roomId, () => ({ t: 'poll.closed', pollId, counts: closed.counts, total: closed.total }));
  return closed;
}

async function publishResults(ctx: DomainContext, roomId: string, pollId: string): Promise<void> {
  const poll = await ctx.store.getPoll(pollId);
  if (poll?.status !== 'open') return; // the close event carries the final counts
  // The counts are read inside the room's append queue, so each event has the counts as of its own seq.
  await ctx.log.append(roomId, async () => {
    const now = (await ctx.store.getPoll(pollId)) ?? poll;
    return { t: 'poll.results', pollId, counts: now.counts, total: now.total };
  });
}

import type { EngagementMine } from '@live-shop/protocol';
import type { Actor, DomainContext } from '../rooms/context.js';
import type { EngagementSnapshot } from '../store/engagement.js';
import { armLottery } from './lottery.js';
import { armPoll } from './polls.js';
import { armRain } from './red-envelopes.js';
import { runtimeOf } from './runtime.js';

/**
 * Re-arms the deadlines of the room's open poll, lottery and rain once per process: after a restart the timers
 * are gone but the store still says open. A deadline already past fires at once.
 */
export async function resumeDeadlines(ctx: DomainContext, roomId: string): Promise<void> {
  const runtime = runtimeOf(ctx);
  if (runtime.resumed.has(roomId)) return;
  runtime.resumed.add(roomId);
  const [poll, lottery, rain] = await Promise.all([ctx.store.latestPoll(roomId), ctx.store.latestLottery(roomId), ctx.store.latestRain(roomId)]);
  if (poll) armPoll(ctx, roomId, poll);
  if (lottery) armLottery(ctx, roomId, lottery.lottery);
  if (rain) armRain(ctx, roomId, rain);
}

/** The engagement fields of the room snapshot: open poll, lottery, rain, countdown and room coupons. */
export async function engagementSnapshot(ctx: DomainContext, roomId: string): Promise<EngagementSnapshot> {
  await resumeDeadlines(ctx, roomId);
  return ctx.store.loadEngagement(roomId, ctx.now());
}

/** What only this viewer knows: their vote, entrant id, grabbed envelope and usable coupons (`engagement.mine`). */
export async function engagementMine(ctx: DomainContext, roomId: string, actor: Actor): Promise<EngagementMine> {
  await resumeDeadlines(ctx, roomId);
  return ctx.store.loadMine(roomId, actor.subject, ctx.now());
}

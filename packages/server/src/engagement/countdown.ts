import type { Countdown } from '@live-shop/protocol';
import type { Actor, DomainContext } from '../rooms/context.js';
import { newId, requireHost, requireRoom } from './host.js';

/**
 * Host only: starts a countdown to the server instant `now + durationMs` (`countdown.started`), replacing a running
 * one. Clients count down against their estimate of the server clock, so every viewer reaches zero together.
 */
export async function startCountdown(ctx: DomainContext, roomId: string, actor: Actor, request: { label: string; durationMs: number }): Promise<Countdown> {
  requireHost(actor, 'start a countdown');
  await requireRoom(ctx, roomId);
  const startedAt = ctx.now();
  const countdown = await ctx.store.startCountdown(roomId, { id: newId('d'), label: request.label, startedAt, endsAt: startedAt + request.durationMs });
  await ctx.log.append(roomId, () => ({ t: 'countdown.started', countdown }));
  return countdown;
}

/** Host only: cancels the running countdown (`countdown.cancelled`); nothing happens when none runs. */
export async function cancelCountdown(ctx: DomainContext, roomId: string, actor: Actor): Promise<void> {
  requireHost(actor, 'cancel a countdown');
  await requireRoom(ctx, roomId);
  const cancelled = await ctx.store.cancelCountdown(roomId, ctx.now());
  if (cancelled) await ctx.log.append(roomId, () => ({ t: 'countdown.cancelled', countdownId: cancelled.id }));
}

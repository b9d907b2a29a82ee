import type { Coupon, RedEnvelopeRain } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { newId, requireHost, requireRoom } from './host.js';
import { runtimeOf } from './runtime.js';

/** How long red-envelope coupons stay valid when the host does not say: a day. */
export const DEFAULT_ENVELOPE_COUPON_VALID_MS = 24 * 60 * 60_000;

/** What the host asks for when starting a rain (validated by the protocol schema). */
export interface RainRequest {
  amount: number;
  currency: string;
  quota: number;
  durationMs: number;
  couponValidMs?: number | undefined;
  minSpend?: number | undefined;
}

const key = (rainId: string) => `rain:${rainId}`;

/**
 * Host only: starts a red-envelope rain (`redenvelope.started`): for `durationMs`, viewers grab envelopes, each
 * a coupon of `amount`; at most `quota` in all. A rain still running is ended first.
 */
export async function startRain(ctx: DomainContext, roomId: string, actor: Actor, request: RainRequest): Promise<RedEnvelopeRain> {
  requireHost(actor, 'start a red-envelope rain');
  await requireRoom(ctx, roomId);
  const current = await ctx.store.latestRain(roomId);
  // A new rain replaces a running one (the host moves on), like a new poll closes the open one.
  if (current?.status === 'open') await endRainNow(ctx, roomId, current.id);
  const startedAt = ctx.now();
  const rain = await ctx.store.startRain({
    id: newId('r'),
    roomId,
    amount: request.amount,
    currency: request.currency,
    quota: request.quota,
    startedAt,
    endsAt: startedAt + request.durationMs,
    couponExpiresAt: startedAt + (request.couponValidMs ?? DEFAULT_ENVELOPE_COUPON_VALID_MS),
    minSpend: request.minSpend ?? 0,
  });
  await ctx.log.append(roomId, () => ({ t: 'redenvelope.started', rain }));
  armRain(ctx, roomId, rain);
  return rain;
}

/** Arms the timer that ends an open rain at its `endsAt` (also after a restart). */
export function armRain(ctx: DomainContext, roomId: string, rain: RedEnvelopeRain): void {
  if (rain.status === 'open') runtimeOf(ctx).at(key(rain.id), rain.endsAt, () => endRainNow(ctx, roomId, rain.id));
}

/**
 * Grabs one envelope of the room's running rain: the viewer's coupon. Atomic in the store (a guarded decrement
 * and a primary key per viewer), so the quota is never exceeded and no viewer gets two, however many grab at once.
 * Refused: `exhausted` (quota gone), `already_done` (second grab), `ended` (time up). The envelopes left go out
 * coalesced as `redenvelope.remaining`; the grab that takes the last one ends the rain.
 */
export async function grabEnvelope(ctx: DomainContext, roomId: string, actor: Actor, rainId: string): Promise<Coupon> {
  const latest = await ctx.store.latestRain(roomId);
  if (!latest || latest.id !== rainId) throw new LiveShopServerError('not_found', 'this rain is not the room’s current rain');
  const result = await ctx.store.grabEnvelope(rainId, actor.subject, newId('k'), ctx.now());
  switch (result.kind) {
    case 'granted':
      if (result.remaining === 0) await endRainNow(ctx, roomId, rainId);
      else runtimeOf(ctx).coalesce(`${key(rainId)}:remaining`, () => publishRemaining(ctx, roomId, rainId));
      return result.coupon;
    case 'already_done':
      throw new LiveShopServerError('already_done', 'you already grabbed an envelope of this rain');
    case 'exhausted':
      throw new LiveShopServerError('exhausted', 'every envelope of this rain has been grabbed');
    case 'ended':
      throw new LiveShopServerError('ended', 'the red-envelope rain is over');
    case 'not_found':
      throw new LiveShopServerError('not_found', 'no such rain');
  }
}

/** Ends the rain if open (`redenvelope.ended`); null when it was not open. */
export async function endRainNow(ctx: DomainContext, roomId: string, rainId: string): Promise<RedEnvelopeRain | null> {
  const runtime = runtimeOf(ctx);
  runtime.cancel(key(rainId));
  runtime.cancel(`${key(rainId)}:remaining`);
  const ended = await ctx.store.endRain(rainId, ctx.now());
  if (!ended) return null;
  await ctx.log.append(roomId, () => ({ t: 'redenvelope.ended', rainId, remaining: ended.remaining }));
  return ended;
}

async function publishRemaining(ctx: DomainContext, roomId: string, rainId: string): Promise<void> {
  const rain = await ctx.store.latestRain(roomId);
  if (rain?.id !== rainId || rain.status !== 'open') return; // the end event carries the final count
  await ctx.log.append(roomId, async () => ({ t: 'redenvelope.remaining', rainId, remaining: (await ctx.store.latestRain(roomId))?.remaining ?? rain.remaining }));
}

import { randomBytes } from 'node:crypto';
import { MAX_LOTTERY_ENTRANTS, type Lottery } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { drawWinners, entrantIdFor, sha256Hex } from './draw.js';
import { newId, requireHost, requireRoom } from './host.js';
import { runtimeOf } from './runtime.js';

/** What the host asks for when starting a lottery (validated by the protocol schema). */
export interface LotteryRequest {
  prize: string;
  winnersCount: number;
  keyword?: string | undefined;
  durationMs: number;
}

const key = (lotteryId: string) => `lottery:${lotteryId}`;

/**
 * Host only: starts a lottery (`lottery.started`). A random 32-byte seed is drawn now and only its SHA-256 (the
 * commitment) is published; entries close and the draw happens at `endsAt` (or earlier on `lottery.draw`),
 * when the seed is revealed. Refused with `conflict` while another lottery of the room is open.
 */
export async function startLottery(ctx: DomainContext, roomId: string, actor: Actor, request: LotteryRequest): Promise<Lottery> {
  requireHost(actor, 'start a lottery');
  await requireRoom(ctx, roomId);
  const current = await ctx.store.latestLottery(roomId);
  if (current?.lottery.status === 'open') throw new LiveShopServerError('conflict', 'a lottery is running; draw it first');
  const seed = randomBytes(32).toString('hex');
  const startedAt = ctx.now();
  const lottery = await ctx.store.startLottery({
    id: newId('l'),
    roomId,
    prize: request.prize,
    winnersCount: request.winnersCount,
    keyword: request.keyword ?? null,
    seed,
    commitment: sha256Hex(seed),
    salt: randomBytes(16).toString('hex'),
    startedAt,
    endsAt: startedAt + request.durationMs,
  });
  await ctx.log.append(roomId, () => ({ t: 'lottery.started', lottery }));
  armLottery(ctx, roomId, lottery);
  return lottery;
}

/** Arms the timer that draws an open lottery at its `endsAt` (also after a restart). */
export function armLottery(ctx: DomainContext, roomId: string, lottery: Lottery): void {
  if (lottery.status === 'open') runtimeOf(ctx).at(key(lottery.id), lottery.endsAt, () => drawNow(ctx, roomId, lottery.id));
}

/**
 * Enters the viewer into the room's open lottery. Idempotent: a viewer has one entrant id per lottery, returned
 * on every call (the id is opaque: derived from a secret salt and the subject, never the subject itself).
 * Refused: `forbidden` for the host, `ended` after the window, `exhausted` when {@link MAX_LOTTERY_ENTRANTS} entered.
 */
export async function enterLottery(ctx: DomainContext, roomId: string, actor: Actor, lotteryId: string): Promise<{ entrantId: string }> {
  if (actor.role === 'host') throw new LiveShopServerError('forbidden', 'the host cannot enter their own lottery');
  const record = await ctx.store.latestLottery(roomId);
  if (!record || record.lottery.id !== lotteryId) throw new LiveShopServerError('not_found', 'this lottery is not the room’s current lottery');
  const result = await ctx.store.enterLottery(lotteryId, actor.subject, entrantIdFor(record.salt, actor.subject), ctx.now(), MAX_LOTTERY_ENTRANTS);
  switch (result.kind) {
    case 'entered':
      runtimeOf(ctx).coalesce(`${key(lotteryId)}:entries`, () => publishEntries(ctx, roomId, lotteryId));
      return { entrantId: result.entrantId };
    case 'already':
      return { entrantId: result.entrantId };
    case 'ended':
      throw new LiveShopServerError('ended', 'the lottery has closed its entries');
    case 'full':
      throw new LiveShopServerError('exhausted', `the lottery is full (${MAX_LOTTERY_ENTRANTS} entrants)`);
    case 'not_found':
      throw new LiveShopServerError('not_found', 'no such lottery');
  }
}

/**
 * Called after every chat message: a message that contains the open lottery's keyword (case-insensitive) enters
 * its author. Never throws (a chat message never fails because of the lottery); returns the entrant id or null.
 */
export async function enterLotteryByComment(ctx: DomainContext, roomId: string, actor: Actor, text: string): Promise<string | null> {
  try {
    const record = await ctx.store.latestLottery(roomId);
    const lottery = record?.lottery;
    if (!lottery || lottery.status !== 'open' || lottery.keyword === null || actor.role === 'host') return null;
    if (!text.toLocaleLowerCase().includes(lottery.keyword.toLocaleLowerCase())) return null;
    return (await enterLottery(ctx, roomId, actor, lottery.id)).entrantId;
  } catch (error) {
    // Closed or full: the comment stays a comment. Anything else is recorded, and the message still posts.
    if (!(error instanceof LiveShopServerError)) runtimeOf(ctx).warn('lottery entry by comment failed', { room: roomId, error });
    return null;
  }
}

/** Host only: closes entries and draws now (`lottery.drawn`). Refused with `ended` when already drawn. */
export async function drawLottery(ctx: DomainContext, roomId: string, actor: Actor, lotteryId: string): Promise<Lottery> {
  requireHost(actor, 'draw a lottery');
  const record = await ctx.store.latestLottery(roomId);
  if (!record || record.lottery.id !== lotteryId) throw new LiveShopServerError('not_found', 'this lottery is not the room’s current lottery');
  const drawn = await drawNow(ctx, roomId, lotteryId);
  if (!drawn) throw new LiveShopServerError('ended', 'the lottery was already drawn');
  return drawn;
}

/** Draws the lottery if still open and publishes seed, entrants and winners; null when it was already drawn. */
export async function drawNow(ctx: DomainContext, roomId: string, lotteryId: string): Promise<Lottery | null> {
  const runtime = runtimeOf(ctx);
  runtime.cancel(key(lotteryId));
  runtime.cancel(`${key(lotteryId)}:entries`);
  const drawn = await ctx.store.drawLottery(lotteryId, ctx.now(), drawWinners);
  if (!drawn) return null;
  await ctx.log.append(roomId, () => ({ t: 'lottery.drawn', lottery: drawn }));
  return drawn;
}

async function publishEntries(ctx: DomainContext, roomId: string, lotteryId: string): Promise<void> {
  const record = await ctx.store.latestLottery(roomId);
  if (record?.lottery.id !== lotteryId || record.lottery.status !== 'open') return;
  await ctx.log.append(roomId, async () => {
    const now = await ctx.store.latestLottery(roomId);
    return { t: 'lottery.entries', lotteryId, entries: now?.lottery.entries ?? record.lottery.entries };
  });
}

import type { Lottery } from '@live-shop/protocol';

/** What {@link verifyLottery} found. */
export interface LotteryVerification {
  /** True when the seed matches the commitment, the entrants are sorted and unique, and the winners recompute. */
  ok: boolean;
  /** `sha256(seed)` equals the commitment published at the start. */
  commitmentMatches: boolean;
  /** The published entrant list is sorted and has no repeat. */
  entrantsSorted: boolean;
  /** The winners recomputed here from the seed and the entrants. */
  expectedWinners: string[];
  /** The published winners equal {@link LotteryVerification.expectedWinners}. */
  winnersMatch: boolean;
}

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The winners of a drawn lottery by the published rule (docs/engagement.md), computed with WebCrypto:
 * each entrant's score is `sha256Hex(seed + ":" + entrantId)`; ordered by score, then by id; the first
 * `count` win.
 */
export async function lotteryWinners(seed: string, entrants: readonly string[], count: number): Promise<string[]> {
  const scored = await Promise.all(entrants.map(async (id) => ({ id, score: await sha256Hex(`${seed}:${id}`) })));
  scored.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, count).map((entry) => entry.id);
}

/**
 * Checks a drawn lottery (from `client.$lottery` or a `lottery.drawn` event) independently of the server: the
 * revealed seed hashes to the commitment published at the start, and the published winners are exactly what the
 * seed and the published entrants give. Anyone can run it (browser or Node 20+). A lottery not drawn yet
 * (no seed) resolves with `ok: false`.
 */
export async function verifyLottery(lottery: Lottery): Promise<LotteryVerification> {
  const { seed, entrants, winners } = lottery;
  if (seed === undefined || entrants === undefined || winners === undefined) {
    return { ok: false, commitmentMatches: false, entrantsSorted: false, expectedWinners: [], winnersMatch: false };
  }
  const commitmentMatches = (await sha256Hex(seed)) === lottery.commitment;
  const entrantsSorted = entrants.every((id, i) => i === 0 || (entrants[i - 1] as string) < id);
  const expectedWinners = await lotteryWinners(seed, entrants, lottery.winnersCount);
  const winnersMatch = expectedWinners.length === winners.length && expectedWinners.every((id, i) => winners[i] === id);
  return { ok: commitmentMatches && entrantsSorted && winnersMatch, commitmentMatches, entrantsSorted, expectedWinners, winnersMatch };
}

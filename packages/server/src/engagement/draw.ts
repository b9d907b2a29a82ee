import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of the UTF-8 text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The opaque id a viewer enters a lottery under: derived from the lottery's secret salt and the viewer's subject,
 * so it is stable for that viewer in that lottery, and says nothing about who they are (not even across lotteries).
 */
export function entrantIdFor(salt: string, subject: string): string {
  return createHash('sha256').update(`${salt}:${subject}`, 'utf8').digest('base64url').slice(0, 16);
}

/**
 * The winners of a lottery, a pure function of the revealed seed and the entrant ids (docs/engagement.md):
 * every entrant gets the score `sha256Hex(seed + ":" + entrantId)`; entrants ordered by score (then by id)
 * and the first `count` win. `@live-shop/core`'s `verifyLottery` recomputes it independently (WebCrypto).
 */
export function drawWinners(seed: string, sortedEntrants: readonly string[], count: number): string[] {
  return sortedEntrants
    .map((id) => ({ id, score: sha256Hex(`${seed}:${id}`) }))
    .sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, count)
    .map((entry) => entry.id);
}

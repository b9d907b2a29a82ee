/**
 * Lane bookkeeping of the danmaku (bullet comment) mode: which lane a new comment may enter now so that it never
 * overlaps the one before it in that lane.
 *
 * Every comment moves at the same speed (px per second), so two comments in one lane keep their distance all
 * the way across: a lane is free again once the tail of its last comment has travelled `gap` px into view.
 * Pure, no DOM: the element measures widths and drives the animations.
 */
export class DanmakuLanes {
  readonly #freeAt: number[];
  readonly #speed: number;
  readonly #gap: number;

  /**
   * @param lanes - how many lanes (rows) there are
   * @param speedPxPerSecond - how fast every comment moves
   * @param gapPx - least distance between two comments of a lane
   */
  constructor(lanes: number, speedPxPerSecond: number, gapPx: number) {
    this.#freeAt = Array.from({ length: Math.max(1, Math.floor(lanes)) }, () => -Infinity);
    this.#speed = Math.max(1, speedPxPerSecond);
    this.#gap = Math.max(0, gapPx);
  }

  /** The number of lanes. */
  get count(): number {
    return this.#freeAt.length;
  }

  /** The topmost lane free at `now` (ms), or null when every lane is busy. */
  pick(now: number): number | null {
    const lane = this.#freeAt.findIndex((freeAt) => freeAt <= now);
    return lane === -1 ? null : lane;
  }

  /** A comment `widthPx` wide entered `lane` at `now`: the lane is busy until its tail is `gap` px in. */
  occupy(lane: number, now: number, widthPx: number): void {
    if (lane < 0 || lane >= this.#freeAt.length) return;
    this.#freeAt[lane] = now + ((Math.max(0, widthPx) + this.#gap) / this.#speed) * 1000;
  }

  /** When the first lane frees up (ms), for a timer. */
  nextFreeAt(): number {
    return Math.min(...this.#freeAt);
  }

  /** How long (ms) a comment `widthPx` wide takes to cross a `trackPx` wide track and leave it. */
  durationMs(trackPx: number, widthPx: number): number {
    return ((Math.max(0, trackPx) + Math.max(0, widthPx)) / this.#speed) * 1000;
  }
}

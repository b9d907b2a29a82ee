import { MAX_REACTION_BATCH } from '@live-shop/protocol';

/** Fewest milliseconds between two `reaction.send` frames of one client. */
export const REACTION_BATCH_MS = 250;

/** Taps held at most while waiting to be sent; more are dropped (a stuck connection must not grow memory). */
export const MAX_PENDING_REACTIONS = MAX_REACTION_BATCH * 20;

/** Options of {@link ReactionBatcher}. */
export interface ReactionBatcherOptions {
  /** Sends one batch (1..{@link MAX_REACTION_BATCH} taps). */
  send(count: number): void;
  /** Fewest ms between two sends. Default {@link REACTION_BATCH_MS}. */
  periodMs?: number;
}

/**
 * Turns any number of taps into at most one send per period: the first tap after a quiet period goes out at
 * once (the viewer's own heart reaches the room without delay), later ones wait for the period to end and
 * leave together, at most {@link MAX_REACTION_BATCH} per frame.
 */
export class ReactionBatcher {
  readonly #send: (count: number) => void;
  readonly #periodMs: number;
  #pending = 0;
  /** `performance.now()` of the last send: a monotonic clock, so a wall-clock step never shortens a period. */
  #lastSentAt = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ReactionBatcherOptions) {
    this.#send = options.send;
    this.#periodMs = options.periodMs ?? REACTION_BATCH_MS;
  }

  /** Taps waiting to be sent. */
  get pending(): number {
    return this.#pending;
  }

  /** Adds `count` taps (a positive integer). */
  tap(count: number): void {
    this.#pending = Math.min(MAX_PENDING_REACTIONS, this.#pending + count);
    this.#schedule();
  }

  /** Drops waiting taps and clears the timer. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = 0;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#pending === 0) return;
    const wait = this.#lastSentAt + this.#periodMs - performance.now();
    if (wait <= 0) {
      this.#flush();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // Browsers may run a timer a few ms before its delay has passed on the monotonic clock (seen in CI):
      // #schedule sends only once the period is over, and waits out the rest otherwise.
      this.#schedule();
    }, wait);
  }

  #flush(): void {
    const count = Math.min(this.#pending, MAX_REACTION_BATCH);
    if (count === 0) return;
    this.#pending -= count;
    this.#lastSentAt = performance.now();
    this.#send(count);
    this.#schedule();
  }
}

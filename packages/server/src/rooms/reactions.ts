import type { ReactionsBurst } from '@live-shop/protocol';

/** How often a room's taps are summed into one `reactions.burst`. */
export const DEFAULT_REACTION_PERIOD_MS = 250;

/** Options of {@link ReactionAggregator}. */
export interface ReactionAggregatorOptions {
  /** Sends one burst to every socket of a room. */
  broadcast(roomId: string, burst: ReactionsBurst): void;
  /** Server clock in ms, stamped on each burst. */
  now: () => number;
  /** Period of the bursts. Default {@link DEFAULT_REACTION_PERIOD_MS}. */
  periodMs?: number;
}

/**
 * Sums every viewer's hearts per room and sends at most one `reactions.burst` per room per period, so
 * 10,000 tappers cost one broadcast every 250 ms instead of 10,000. Bursts are ephemeral: they are not
 * logged and carry no seq (a heart missed during a reconnect does not matter). In-process: with several
 * server processes each would send its own bursts, which still add up.
 */
export class ReactionAggregator {
  readonly #options: ReactionAggregatorOptions;
  readonly #periodMs: number;
  /** Taps not yet broadcast, per room. Only rooms with taps are here. */
  readonly #pending = new Map<string, number>();
  /** Runs only while some room has taps, so an idle server has no timer. */
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ReactionAggregatorOptions) {
    this.#options = options;
    this.#periodMs = options.periodMs ?? DEFAULT_REACTION_PERIOD_MS;
  }

  /** Adds `count` taps (a positive integer, already validated) to the room's next burst. */
  add(roomId: string, count: number): void {
    this.#pending.set(roomId, (this.#pending.get(roomId) ?? 0) + count);
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => this.#flush(), this.#periodMs);
      this.#timer.unref();
    }
  }

  /** Stops the timer; taps not yet sent are dropped (they are ephemeral). */
  dispose(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
  }

  #flush(): void {
    if (this.#pending.size === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
      return;
    }
    const at = this.#options.now();
    const rooms = [...this.#pending];
    this.#pending.clear();
    for (const [roomId, count] of rooms) this.#options.broadcast(roomId, { t: 'reactions.burst', count, at });
  }
}

/** Refill rate and burst size of a token bucket. */
export interface RateLimit {
  /** Tokens added per second. */
  perSecond: number;
  /** Most tokens the bucket holds (the largest burst). */
  burst: number;
}

/**
 * Per-connection limits: every frame counts against `frames`; a command type may have its own bucket on top
 * (defaults in `COMMANDS`, overridable here per type).
 */
export interface ConnectionLimits {
  frames: RateLimit;
  /** Replaces the default bucket of these command types (e.g. `{ 'chat.send': … }`). */
  commands?: Partial<Record<string, RateLimit>>;
}

/** Default per-connection frame limit; command types add their own buckets (see `COMMANDS`). */
export const DEFAULT_RATE_LIMITS: Readonly<ConnectionLimits> = {
  frames: { perSecond: 20, burst: 40 },
};

/** A token bucket: `take()` spends one token if one is left. Time comes from `now` (ms). */
export class TokenBucket {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  #tokens: number;
  #last: number;

  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
    this.#tokens = limit.burst;
    this.#last = now();
  }

  /** Spends one token; false when the bucket is empty (the caller refuses the action). */
  take(): boolean {
    const now = this.#now();
    const elapsed = Math.max(0, now - this.#last) / 1000;
    this.#last = now;
    this.#tokens = Math.min(this.#limit.burst, this.#tokens + elapsed * this.#limit.perSecond);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

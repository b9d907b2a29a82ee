/** Refill rate and burst size of a token bucket. */
export interface RateLimit {
  /** Tokens added per second. */
  perSecond: number;
  /** Most tokens the bucket holds (the largest burst). */
  burst: number;
}

/**
 * Default per-connection limits: every frame, and chat messages and reaction batches on top. The core sends
 * at most 4 reaction batches a second; 5/s with a burst of 10 leaves room for jitter and a reconnect flush.
 */
export const DEFAULT_RATE_LIMITS: Readonly<{ frames: RateLimit; chat: RateLimit; reactions: RateLimit }> = {
  frames: { perSecond: 20, burst: 40 },
  chat: { perSecond: 2, burst: 5 },
  reactions: { perSecond: 5, burst: 10 },
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

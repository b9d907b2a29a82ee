/** One NTP-style probe: client send time, client receive time, and the server time in the answer (all ms). */
export interface ClockSample {
  /** Client clock when the ping left. */
  sentAt: number;
  /** Client clock when the pong arrived. */
  receivedAt: number;
  /** Server clock when it answered. */
  serverTime: number;
}

/** The client's estimate of the server clock, as `$clock` shows it. */
export interface ClockEstimate {
  /** Add to the client's `Date.now()` to get the server's time; 0 until the first sample. */
  offsetMs: number;
  /** Round-trip time of the best sample used (ms); `null` until the first sample. */
  rttMs: number | null;
  /** How many samples the estimate rests on (at most the window). */
  samples: number;
}

/** Options of {@link ClockEstimator}. */
export interface ClockOptions {
  /** How many recent samples to keep. Default 16. */
  window?: number;
  /** Fraction of the kept samples, those with the lowest round trip, that the median is taken over. Default 0.5. */
  best?: number;
}

/**
 * Server clock offset from ping/pong round trips, the way NTP filters them: for a sample,
 * `offset = serverTime - (sentAt + receivedAt) / 2` is exact when the two legs take equal time, and its error
 * is at most half the round trip. So keep the recent samples, trust only the ones with the lowest round trip
 * (least queueing), and take the median of their offsets so one skewed sample cannot move the estimate.
 */
export class ClockEstimator {
  readonly #window: number;
  readonly #best: number;
  #samples: { offset: number; rtt: number }[] = [];

  constructor(options: ClockOptions = {}) {
    this.#window = Math.max(1, Math.floor(options.window ?? 16));
    this.#best = Math.min(1, Math.max(0, options.best ?? 0.5));
  }

  /** Adds a probe; ignores one whose times are impossible (negative round trip). Returns the new estimate. */
  add(sample: ClockSample): ClockEstimate {
    const rtt = sample.receivedAt - sample.sentAt;
    if (Number.isFinite(rtt) && rtt >= 0 && Number.isFinite(sample.serverTime)) {
      this.#samples.push({ offset: sample.serverTime - (sample.sentAt + sample.receivedAt) / 2, rtt });
      if (this.#samples.length > this.#window) this.#samples.shift();
    }
    return this.estimate();
  }

  /** The current estimate. */
  estimate(): ClockEstimate {
    const count = this.#samples.length;
    if (count === 0) return { offsetMs: 0, rttMs: null, samples: 0 };
    const byRtt = [...this.#samples].sort((a, b) => a.rtt - b.rtt);
    const kept = byRtt.slice(0, Math.max(1, Math.ceil(count * this.#best)));
    const offsets = kept.map((s) => s.offset).sort((a, b) => a - b);
    const middle = Math.floor(offsets.length / 2);
    const median = offsets.length % 2 === 1 ? (offsets[middle] ?? 0) : ((offsets[middle - 1] ?? 0) + (offsets[middle] ?? 0)) / 2;
    return { offsetMs: Math.round(median), rttMs: kept[0]?.rtt ?? null, samples: count };
  }

  /** Forgets every sample (the server may have changed, e.g. after a new epoch). */
  reset(): void {
    this.#samples = [];
  }
}

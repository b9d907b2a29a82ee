import { MAX_REPORTED_LATENCY_MS } from '@live-shop/protocol';

/** Smallest change of the playback latency (ms) worth a new `latency.report`. */
export const LATENCY_REPORT_STEP_MS = 100;
/** At most one `latency.report` per this many ms (the server's bucket allows one a second). */
export const LATENCY_REPORT_INTERVAL_MS = 1_000;

/** Options of {@link LatencyReporter}. */
export interface LatencyReporterOptions {
  /** Sends one report; the client sends a `latency.report` frame. */
  send: (latencyMs: number) => void;
  /** Minimum change worth reporting. Default {@link LATENCY_REPORT_STEP_MS}. */
  stepMs?: number;
  /** Minimum time between reports. Default {@link LATENCY_REPORT_INTERVAL_MS}. */
  intervalMs?: number;
  /** Clock, for tests of the pacing. Default `Date.now`. */
  now?: () => number;
}

/**
 * Decides when the viewer's playback latency is worth telling the server: the server ranks flash-sale
 * attempts by reaction time after the moment this viewer saw zero (`startsAt + latency`), so it needs a
 * recent figure, but a figure that wobbles by a few ms every `timeupdate` is not worth a frame.
 *
 * Reports when the value moved by more than `stepMs` since the last report, at most once per
 * `intervalMs` (a change inside the interval is sent, with the newest value, when the interval ends),
 * and again after every (re)connect, since the server keeps the figure per connection.
 */
export class LatencyReporter {
  readonly #send: (latencyMs: number) => void;
  readonly #stepMs: number;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #latest: number | null = null;
  #lastSent: number | null = null;
  #lastSentAt = -Infinity;
  #connected = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: LatencyReporterOptions) {
    this.#send = options.send;
    this.#stepMs = options.stepMs ?? LATENCY_REPORT_STEP_MS;
    this.#intervalMs = options.intervalMs ?? LATENCY_REPORT_INTERVAL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** The latest latency given to {@link LatencyReporter.update}, or null. */
  get latest(): number | null {
    return this.#latest;
  }

  /** The last latency sent on the current connection, or null. */
  get lastSent(): number | null {
    return this.#lastSent;
  }

  /** A new latency estimate (ms; null or not finite: unknown, ignored). Clamped to the protocol's bound. */
  update(latencyMs: number | null): void {
    if (latencyMs === null || !Number.isFinite(latencyMs)) return;
    this.#latest = Math.round(Math.min(Math.max(latencyMs, 0), MAX_REPORTED_LATENCY_MS));
    this.#schedule();
  }

  /** The connection joined (or rejoined) the room: the server knows nothing of this connection yet. */
  connected(): void {
    this.#connected = true;
    this.#lastSent = null;
    // A new connection has a new rate bucket on the server: report at once.
    this.#lastSentAt = -Infinity;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#schedule();
  }

  /** The connection dropped: hold reports until the next {@link LatencyReporter.connected}. */
  disconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Clears the pending timer for good. */
  dispose(): void {
    this.disconnected();
  }

  #due(): boolean {
    const latest = this.#latest;
    if (latest === null) return false;
    return this.#lastSent === null || Math.abs(latest - this.#lastSent) > this.#stepMs;
  }

  #schedule(): void {
    if (!this.#connected || this.#timer !== undefined || !this.#due()) return;
    const wait = this.#lastSentAt + this.#intervalMs - this.#now();
    if (wait <= 0) {
      this.#flush();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#connected && this.#due()) this.#flush();
    }, wait);
  }

  #flush(): void {
    const latest = this.#latest;
    if (latest === null) return;
    this.#lastSent = latest;
    this.#lastSentAt = this.#now();
    this.#send(latest);
  }
}

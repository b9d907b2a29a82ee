import {
  FLASH_SALE_EARLY_TOLERANCE_MS,
  FLASH_SALE_LATENCY_CAP_MS,
  FLASH_SALE_RANKING_WINDOW_MS,
  type FlashSale,
  type Order,
} from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { NewOrder, ReserveResult } from '../store/commerce.js';

/** One buy attempt in a live sale, as admission sees it. */
export interface SaleAttempt {
  order: NewOrder;
  /** Server ms the attempt arrived. */
  receivedAt: number;
  /** The viewer's frozen latency (already clamped), ms. */
  latencyMs: number;
}

/** Admits a batch of attempts atomically, in order (the store's `reserveMany`), and reports what happened. */
export type AdmitBatch = (orders: readonly NewOrder[]) => Promise<ReserveResult[]>;

/** What one admitted or refused attempt resolves to, for the caller to map to an ack. */
export type AdmissionOutcome = ReserveResult;

interface Pending {
  attempt: SaleAttempt;
  /** Ranking key: reaction time (ms after the viewer's own zero) inside the window, else ms after `startsAt`. */
  key: number;
  /** Server ms when it may be decided: no attempt with a smaller key can still arrive after this. */
  decideAt: number;
  /** Arrival order, to break ties. */
  n: number;
  resolve: (outcome: AdmissionOutcome) => void;
  reject: (error: unknown) => void;
  promise: Promise<AdmissionOutcome>;
}

/** Timings of fair admission (protocol constants unless a test changes them). */
export interface AdmissionTimings {
  latencyCapMs: number;
  windowMs: number;
  earlyToleranceMs: number;
  slackMs: number;
  batch: number;
}

/** The protocol's timings. */
export const DEFAULT_ADMISSION_TIMINGS: AdmissionTimings = {
  latencyCapMs: FLASH_SALE_LATENCY_CAP_MS,
  windowMs: FLASH_SALE_RANKING_WINDOW_MS,
  earlyToleranceMs: FLASH_SALE_EARLY_TOLERANCE_MS,
  slackMs: 100,
  batch: 500,
};

/**
 * Fair admission to one live flash sale.
 *
 * A viewer sees zero at `startsAt + L` (L: its latency frozen at the start, clamped to the cap); its attempt's
 * reaction time is `receivedAt - (startsAt + L)`. Attempts before the viewer's own zero (minus a small tolerance)
 * are refused `sale_not_started`. Until `startsAt + H + window` (H: the slowest frozen latency among the room's
 * viewers, at most the cap), attempts wait in a priority queue ordered by reaction time; an attempt with reaction
 * time r is decided at `startsAt + H + r + slack` (capped at the window's end), because no viewer — even the room's
 * slowest — can still send a smaller reaction time after that. After the
 * window, attempts are decided first come, first served. Decisions go to the store in batches, each attempt atomic
 * (quota, stock and per-viewer limits are checked in SQL), so the quota can never be exceeded whatever the order.
 *
 * One pending attempt per viewer: the same idempotency key again (another socket, a retry) joins the pending
 * attempt and gets the same outcome; a different one is refused `rate_limited`.
 */
export class SaleAdmission {
  readonly sale: FlashSale;
  readonly #admit: AdmitBatch;
  readonly #now: () => number;
  readonly #t: AdmissionTimings;
  readonly #heap: Pending[] = [];
  readonly #bySubject = new Map<string, Pending>();
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;
  #running = false;
  #closed = false;
  #n = 0;
  /** Called after each batch with the outcomes, for events (stock.changed, flashsale.changed). */
  readonly #afterBatch: (outcomes: readonly AdmissionOutcome[]) => void;
  readonly #slowest: () => number;
  #horizon: number | undefined;

  constructor(options: {
    sale: FlashSale;
    admit: AdmitBatch;
    now: () => number;
    timings?: Partial<AdmissionTimings>;
    afterBatch: (outcomes: readonly AdmissionOutcome[]) => void;
    /** The highest frozen latency among the room's viewers (ms, already clamped); default: the cap. */
    slowestLatencyMs?: () => number;
  }) {
    this.sale = options.sale;
    this.#admit = options.admit;
    this.#now = options.now;
    this.#t = { ...DEFAULT_ADMISSION_TIMINGS, ...options.timings };
    this.#afterBatch = options.afterBatch;
    this.#slowest = options.slowestLatencyMs ?? (() => this.#t.latencyCapMs);
  }

  /**
   * Ms after `startsAt` by which every viewer of the room has seen zero: the slowest frozen latency (at most the
   * cap). Fixed at the first use at or after the start (latencies are frozen then).
   */
  get horizonMs(): number {
    if (this.#horizon !== undefined) return this.#horizon;
    const horizon = Math.min(this.#t.latencyCapMs, Math.max(0, this.#slowest()));
    if (this.#now() >= this.sale.startsAt) this.#horizon = horizon;
    return horizon;
  }

  /** Server ms at which ranking by reaction time ends and first-come admission begins. */
  get windowEndsAt(): number {
    return this.sale.startsAt + this.horizonMs + this.#t.windowMs;
  }

  /** Attempts waiting for their decision. */
  get pending(): number {
    return this.#heap.length;
  }

  /**
   * Queues an attempt; resolves with the store's outcome once it is decided. Throws `sale_not_started` before the
   * viewer's own zero, `sale_ended` after the sale, `rate_limited` while another attempt of this viewer waits.
   */
  attempt(attempt: SaleAttempt, fingerprint: string): Promise<AdmissionOutcome> {
    if (this.#closed) return Promise.reject(new LiveShopServerError('internal', 'the server is stopping; retry'));
    const { order, receivedAt } = attempt;
    const waiting = this.#bySubject.get(order.subject);
    if (waiting) {
      const same = waiting.attempt.order.idempotencyKey === order.idempotencyKey && waiting.attempt.order.fingerprint === fingerprint;
      if (same) return waiting.promise;
      if (waiting.attempt.order.idempotencyKey === order.idempotencyKey) {
        return Promise.reject(new LiveShopServerError('conflict', 'this idempotency key was already used for a different order'));
      }
      return Promise.reject(new LiveShopServerError('rate_limited', 'one attempt at a time: the previous one is still being ranked'));
    }
    const zero = this.sale.startsAt + attempt.latencyMs;
    if (receivedAt < zero - this.#t.earlyToleranceMs) {
      return Promise.reject(new LiveShopServerError('sale_not_started', `the sale starts in ${zero - receivedAt} ms for you`));
    }
    if (receivedAt >= this.sale.endsAt) return Promise.reject(new LiveShopServerError('sale_ended', 'the flash sale is over'));
    const windowEnd = this.windowEndsAt;
    const ranked = receivedAt < windowEnd;
    const key = ranked ? receivedAt - zero : receivedAt - this.sale.startsAt;
    const decideAt = ranked
      ? Math.min(this.sale.startsAt + this.horizonMs + Math.max(0, key) + this.#t.slackMs, windowEnd)
      : receivedAt;
    let resolve!: Pending['resolve'];
    let reject!: Pending['reject'];
    const promise = new Promise<AdmissionOutcome>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const pending: Pending = { attempt, key, decideAt, n: this.#n++, resolve, reject, promise };
    this.#push(pending);
    this.#bySubject.set(order.subject, pending);
    this.#schedule();
    return promise;
  }

  /** Refuses every waiting attempt (`internal`, retry) and stops the timer. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const pending of this.#heap.splice(0)) {
      pending.reject(new LiveShopServerError('internal', 'the server is stopping; retry with the same idempotency key'));
    }
    this.#bySubject.clear();
  }

  #schedule(): void {
    if (this.#running || this.#closed) return;
    const head = this.#heap[0];
    if (!head) return;
    if (head.decideAt >= this.#timerAt && this.#timer) return;
    clearTimeout(this.#timer);
    this.#timerAt = head.decideAt;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Infinity;
      void this.#run();
    }, Math.max(0, head.decideAt - this.#now()));
    this.#timer.unref();
  }

  /** Decides every attempt whose time has come, best key first, in batches. */
  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (;;) {
        const now = this.#now();
        const batch: Pending[] = [];
        while (batch.length < this.#t.batch && this.#heap[0] && this.#heap[0].decideAt <= now) batch.push(this.#pop());
        if (batch.length === 0) break;
        let outcomes: ReserveResult[];
        try {
          outcomes = await this.#admit(batch.map((p) => p.attempt.order));
        } catch (error) {
          for (const pending of batch) {
            this.#bySubject.delete(pending.attempt.order.subject);
            pending.reject(error);
          }
          continue;
        }
        batch.forEach((pending, i) => {
          this.#bySubject.delete(pending.attempt.order.subject);
          const outcome = outcomes[i];
          if (outcome) pending.resolve(outcome);
          else pending.reject(new Error('the store answered fewer outcomes than attempts'));
        });
        this.#afterBatch(outcomes);
      }
    } finally {
      this.#running = false;
      this.#schedule();
    }
  }

  #less(a: Pending, b: Pending): boolean {
    return a.decideAt !== b.decideAt ? a.decideAt < b.decideAt : a.key !== b.key ? a.key < b.key : a.n < b.n;
  }

  #push(item: Pending): void {
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): Pending {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && this.#less(heap[l]!, heap[best]!)) best = l;
        if (r < heap.length && this.#less(heap[r]!, heap[best]!)) best = r;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best]!, heap[i]!];
        i = best;
      }
    }
    return top;
  }
}

/** The order a successful outcome carries, or the typed error a refused one means. */
export function orderOf(outcome: ReserveResult, quantity: number): Order {
  switch (outcome.kind) {
    case 'created':
    case 'replayed':
      return outcome.order;
    case 'conflict':
      throw new LiveShopServerError('conflict', 'this idempotency key was already used for a different order');
    case 'not_found':
      throw new LiveShopServerError('not_found', 'this variant is not sold here (or not in this sale)');
    case 'sold_out':
      throw new LiveShopServerError('sold_out', 'sold out');
    case 'insufficient_stock':
      throw new LiveShopServerError('insufficient_stock', `only ${outcome.available} left, fewer than the ${quantity} asked for`);
    case 'limit_reached':
      throw new LiveShopServerError('limit_reached', `at most ${outcome.limit} per viewer; you already have ${outcome.owned}`);
    case 'sale_not_started':
      throw new LiveShopServerError('sale_not_started', 'the flash sale has not started');
    case 'sale_ended':
      throw new LiveShopServerError('sale_ended', 'the flash sale is over');
    case 'coupon_invalid':
      throw new LiveShopServerError('coupon_invalid', outcome.message);
  }
}

import type { Logger } from '../logger.js';
import { SIGNATURE_HEADER, signBody } from '../security/hmac-signature.js';
import type { AttemptOutcome, MerchantStore, WebhookDelivery } from '../store/merchant.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff.js';
import { buildWebhookEvent } from './events.js';

/** Header with the event id (also in the body): the same on every retry of one event. */
export const EVENT_ID_HEADER = 'live-shop-event-id';
/** Header with the attempt number of this delivery, starting at 1. */
export const ATTEMPT_HEADER = 'live-shop-delivery-attempt';

/** Tuning of the dispatcher; the defaults suit production, tests shorten them. */
export interface DispatcherTuning {
  /** How often the outbox is polled for new history and due retries, in ms. Default 1 000. */
  pollMs: number;
  /** An attempt that has no answer after this many ms fails (and is retried). Default 10 000. */
  timeoutMs: number;
  /** Attempts in flight at once. Default 4. */
  concurrency: number;
  retry: RetryPolicy;
}

/** Defaults of {@link DispatcherTuning}. */
export const DEFAULT_DISPATCHER_TUNING: DispatcherTuning = {
  pollMs: 1_000,
  timeoutMs: 10_000,
  concurrency: 4,
  retry: DEFAULT_RETRY_POLICY,
};

/** What the dispatcher needs. */
export interface DispatcherOptions {
  store: MerchantStore;
  /** Where events are POSTed. */
  url: string;
  /** HMAC-SHA256 secret of the `live-shop-signature` header (the merchant secret). */
  secret: string;
  logger: Logger;
  now: () => number;
  tuning?: Partial<DispatcherTuning>;
}

/**
 * Throws unless `url` is an absolute http(s) URL without credentials in it (they would be logged and
 * fetch refuses them: put a secret path segment or rely on the signature instead). The message never
 * repeats the URL.
 */
export function assertWebhookUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('the webhook URL is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('the webhook URL must be http:// or https://');
  if (parsed.username !== '' || parsed.password !== '') throw new Error('the webhook URL must not carry a user name or password');
}

/** Most history entries moved into the outbox per transaction. */
const ENQUEUE_BATCH = 200;

/**
 * Sends signed webhooks of order events, at least once each, from a transactional outbox.
 *
 * The order status history (written in the same transaction as every status change) is the source:
 * each poll moves new history entries into the delivery table and advances a stored cursor in one
 * transaction, so a change is never skipped, even across a crash. Due deliveries are leased
 * (`timeoutMs` + 5 s) before they are attempted, so a process that dies mid-attempt leaves them due
 * again. A failed attempt (no answer, a network error, a non-2xx status) is retried with exponential
 * backoff up to `retry.maxAttempts`; then the delivery is `failed`, kept in the log, and can be requeued.
 * Deliveries are independent: one failing event does not hold back the others (events carry a
 * `sequence` for the receiver to order them).
 */
export class WebhookDispatcher {
  readonly #options: DispatcherOptions;
  readonly #tuning: DispatcherTuning;
  readonly #inflight = new Set<AbortController>();
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<void> | undefined;
  #stopped = true;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#tuning = {
      ...DEFAULT_DISPATCHER_TUNING,
      ...options.tuning,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.tuning?.retry },
    };
  }

  /** Starts polling (the first pass runs at once). */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling, aborts attempts in flight (they stay due and are retried after a restart) and waits for the pass to end. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const controller of this.#inflight) controller.abort();
    await this.#pass;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pass = this.#runPass().then((busy) => this.#schedule(busy ? 0 : this.#tuning.pollMs));
    }, delayMs);
  }

  /** One pass: fill the outbox, then attempt the due deliveries. Resolves true when more work is waiting. */
  async #runPass(): Promise<boolean> {
    const { store, logger, now } = this.#options;
    try {
      let moved = ENQUEUE_BATCH;
      while (moved === ENQUEUE_BATCH && !this.#stopped) moved = await store.enqueueWebhookEvents(ENQUEUE_BATCH, now(), buildWebhookEvent);
      if (this.#stopped) return false;
      const { concurrency, timeoutMs } = this.#tuning;
      const due = await store.claimWebhookDeliveries(now(), concurrency, timeoutMs + 5_000);
      await Promise.all(due.map((delivery) => this.#attempt(delivery)));
      return due.length === concurrency;
    } catch (error) {
      logger.error('webhook dispatch failed', { error });
      return false;
    }
  }

  async #attempt(delivery: WebhookDelivery): Promise<void> {
    const { store, url, secret, logger, now } = this.#options;
    const attempt = delivery.attempts + 1;
    const controller = new AbortController();
    this.#inflight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.#tuning.timeoutMs);
    let outcome: AttemptOutcome;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'live-shop-webhooks/1',
          [SIGNATURE_HEADER]: signBody(secret, delivery.body, Math.floor(now() / 1000)),
          [EVENT_ID_HEADER]: delivery.eventId,
          [ATTEMPT_HEADER]: String(attempt),
        },
        body: delivery.body,
        // A redirect is a misconfigured URL, not a delivery: the body must not be re-sent elsewhere.
        redirect: 'manual',
        signal: controller.signal,
      });
      // Only the status matters; release the connection without reading the receiver's body.
      await response.body?.cancel().catch(() => undefined);
      outcome = response.ok
        ? { ok: true, status: response.status, at: now() }
        : this.#failure(attempt, response.status, `HTTP ${response.status}`);
    } catch (error) {
      outcome = this.#stopped
        ? // Shutting down: the cut attempt is logged, and the delivery is due again as soon as a server runs.
          { ok: false, status: null, error: 'interrupted by shutdown', at: now(), retryAt: now() }
        : this.#failure(attempt, null, networkError(error, controller.signal.aborted));
    } finally {
      clearTimeout(timer);
      this.#inflight.delete(controller);
    }
    await store.recordWebhookAttempt(delivery.eventId, outcome);
    if (!outcome.ok) {
      const fields = { eventId: delivery.eventId, type: delivery.type, attempt, status: outcome.status, error: outcome.error };
      if (outcome.retryAt === null) logger.error('webhook delivery gave up; requeue it through the merchant API', fields);
      else if (!this.#stopped) logger.warn('webhook delivery failed; will retry', { ...fields, retryAt: outcome.retryAt });
    }
  }

  #failure(attempt: number, status: number | null, error: string): AttemptOutcome {
    const delay = retryDelayMs(attempt, this.#tuning.retry);
    const at = this.#options.now();
    return { ok: false, status, error, at, retryAt: delay === null ? null : at + delay };
  }
}

/** A short, data-free reason for a failed request: the timeout, or the network error's code. */
function networkError(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'network error';
}

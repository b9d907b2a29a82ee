import type { LiveShopError } from '../errors.js';

/**
 * Decides whether and when to reconnect: gets the attempt number (1 for the first retry) and the error
 * that ended the last connection; returns the delay in ms, or `null` to stop and close for good.
 */
export type ReconnectPolicy = (attempt: number, error: LiveShopError) => number | null;

/** Options of {@link exponentialBackoff} and {@link backoffDelay}. */
export interface BackoffOptions {
  /** Ceiling of the first delay, ms. Default 500. */
  baseMs?: number;
  /** Largest delay, ms. Default 15 000. */
  maxMs?: number;
  /** Attempts before giving up (the policy then returns `null`). Default 20. */
  maxAttempts?: number;
  /** Source of randomness in [0, 1); injectable so tests are deterministic. Default `Math.random`. */
  random?: () => number;
}

/**
 * Delay before retry `attempt` (1-based): exponential growth with "full jitter", i.e. a uniform random
 * delay in [0, min(maxMs, baseMs * 2^(attempt-1))). Full jitter spreads a crowd of viewers that lost the
 * server at the same instant, so the restarted server is not hit by all of them at once.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, maxMs = 15_000, random = Math.random } = options;
  const exponent = Math.max(0, Math.min(attempt - 1, 30)); // 2^30 already exceeds any sane cap
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/** Codes that a retry with the same token and room would only get again. */
const PERMANENT_CODES: ReadonlySet<string> = new Set(['forbidden', 'not_found', 'invalid', 'closed']);

/**
 * The default {@link ReconnectPolicy}: {@link backoffDelay} for up to `maxAttempts` attempts, and no retry
 * at all for errors a retry cannot fix (`forbidden`, `not_found`, `invalid`).
 */
export function exponentialBackoff(options: BackoffOptions = {}): ReconnectPolicy {
  const maxAttempts = options.maxAttempts ?? 20;
  return (attempt, error) => {
    if (PERMANENT_CODES.has(error.code) || attempt > maxAttempts) return null;
    return backoffDelay(attempt, options);
  };
}

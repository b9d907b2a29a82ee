/** How failed webhook deliveries are retried. */
export interface RetryPolicy {
  /** Delay after the first failed attempt, in ms; it doubles with every further failure. */
  baseMs: number;
  /** Longest delay between two attempts, in ms. */
  maxMs: number;
  /** Attempts in all (the first included); after the last failure the delivery is `failed`. */
  maxAttempts: number;
}

/** 5 s, 10 s, 20 s … capped at one hour, 12 attempts: about four hours of trying before giving up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 5_000, maxMs: 3_600_000, maxAttempts: 12 };

/**
 * Delay before the next attempt after `failures` failed attempts (1 or more), or null when the bound
 * is reached. Exponential with "equal jitter" (half fixed, half random), so many deliveries that failed
 * together do not all come back in the same millisecond, yet none comes back at once.
 */
export function retryDelayMs(failures: number, policy: RetryPolicy, random: () => number = Math.random): number | null {
  if (failures >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

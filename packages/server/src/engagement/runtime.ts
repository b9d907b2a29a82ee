import type { DomainContext } from '../rooms/context.js';
import { createStderrLogger, type Logger } from '../logger.js';

/** Fewest ms between two coalesced live-update events (poll results, entries, envelopes left) of one thing. */
export const COALESCE_MS = 500;

/**
 * The timers of engagement in one server process: deadlines (close a poll, draw a lottery, end a rain) and
 * coalesced live updates (at most one event per {@link COALESCE_MS} per key, the latest state each time).
 *
 * Timers are `unref`ed and only live while something runs. They are an optimisation of the deadlines, not
 * their truth: the store refuses votes, entries and grabs after `endsAt` whatever the timers do, and a
 * restarted server re-arms them from the store (see resume.ts).
 */
export class EngagementRuntime {
  readonly #ctx: DomainContext;
  readonly #logger: Logger;
  readonly #deadlines = new Map<string, NodeJS.Timeout>();
  readonly #coalesced = new Map<string, NodeJS.Timeout>();
  readonly #lastFlush = new Map<string, number>();
  /** Rooms whose deadlines were re-armed from the store by this process. */
  readonly resumed = new Set<string>();

  constructor(ctx: DomainContext, logger: Logger) {
    this.#ctx = ctx;
    this.#logger = logger;
  }

  /** Runs `task` at server time `at` (at once when past), replacing any deadline under `key`. */
  at(key: string, at: number, task: () => Promise<unknown>): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.#deadlines.delete(key);
      this.#run(key, task);
    }, Math.max(0, at - this.#ctx.now()));
    timer.unref();
    this.#deadlines.set(key, timer);
  }

  /** Drops the deadline and any pending coalesced update under `key`. */
  cancel(key: string): void {
    clearTimeout(this.#deadlines.get(key));
    this.#deadlines.delete(key);
    clearTimeout(this.#coalesced.get(key));
    this.#coalesced.delete(key);
  }

  /**
   * Runs `task` soon, at most once per {@link COALESCE_MS} per key: calls while one is pending do nothing, so a
   * thousand votes in a second become two result events. `task` reads the latest state when it runs.
   */
  coalesce(key: string, task: () => Promise<unknown>): void {
    if (this.#coalesced.has(key)) return;
    const wait = Math.max(0, (this.#lastFlush.get(key) ?? 0) + COALESCE_MS - Date.now());
    const timer = setTimeout(() => {
      this.#coalesced.delete(key);
      this.#lastFlush.set(key, Date.now());
      this.#run(key, task);
    }, wait);
    timer.unref();
    this.#coalesced.set(key, timer);
  }

  /** Records a failure nobody awaits (a timer's task, a chat hook). */
  warn(message: string, fields: Record<string, unknown>): void {
    this.#logger.warn(message, fields);
  }

  #run(key: string, task: () => Promise<unknown>): void {
    task().catch((error: unknown) => {
      // A deadline that fires after the server closed its database has nothing left to do.
      if (error instanceof TypeError && /database connection is not open/.test(error.message)) return;
      this.#logger.warn('engagement timer failed', { key, error });
    });
  }
}

const runtimes = new WeakMap<DomainContext, EngagementRuntime>();

/**
 * The engagement runtime of a domain context, made on first use. One per context (one per server), so two
 * servers in one process (tests) share nothing.
 */
export function runtimeOf(ctx: DomainContext): EngagementRuntime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    runtime = new EngagementRuntime(ctx, createStderrLogger({ quiet: true }));
    runtimes.set(ctx, runtime);
  }
  return runtime;
}

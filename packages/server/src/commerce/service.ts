import type { FlashSale } from '@live-shop/protocol';
import type { Logger } from '../logger.js';
import type { DomainContext } from '../rooms/context.js';
import type { ExpiredOrder, ReserveResult } from '../store/commerce.js';
import { SaleAdmission, type AdmissionTimings } from './admission.js';
import { recordLatency, RoomLatencies, type LatencyHistory } from './fair-latency.js';
import { CommerceEvents, reconcileStockEvents } from './events.js';
import { commerceSettingsFromEnv, type CommerceSettings } from './settings.js';

/**
 * The long-lived parts of commerce for one server: event coalescing, the expiry sweeper, flash-sale schedule
 * timers and admission queues. Domain functions reach it with {@link commerceOf}; the server {@link start}s it
 * (startup sweep + event repair + timers) and {@link stop}s it on close. Every timer is unref'd and cleared by stop.
 */
export class Commerce {
  readonly ctx: DomainContext;
  readonly settings: CommerceSettings;
  readonly events: CommerceEvents;
  /** Latency reports per room and viewer, for the slowest picture at a sale's start. */
  readonly latencies = new RoomLatencies();
  readonly #logger: Logger | undefined;
  readonly #admissions = new Map<string, SaleAdmission>();
  readonly #saleTimers = new Map<string, NodeJS.Timeout[]>();
  /** The room's current (scheduled or live) sale, or null; absent: not loaded yet. */
  readonly #roomSale = new Map<string, FlashSale | null>();
  #sweepTimer: NodeJS.Timeout | undefined;
  #sweeping: Promise<number> | undefined;
  #stopped = false;
  /** Timings for admission (tests shorten them). */
  admissionTimings: Partial<AdmissionTimings> = {};

  constructor(ctx: DomainContext, settings: CommerceSettings = commerceSettingsFromEnv(), logger?: Logger) {
    this.ctx = ctx;
    this.settings = settings;
    this.#logger = logger;
    this.events = new CommerceEvents(ctx, {
      intervalMs: settings.saleEventIntervalMs,
      onError: (error) => this.#logger?.error('commerce event failed', { error }),
    });
  }

  /**
   * Startup: expires every hold that lapsed while the server was down (returning its stock), re-sends events a
   * crash may have lost, schedules the start/end of open sales, then sweeps every `sweepIntervalMs`.
   */
  async start(): Promise<void> {
    await this.sweepAll();
    await reconcileStockEvents(this.ctx, this.events);
    for (const { roomId, sale } of await this.ctx.store.openFlashSales(this.ctx.now())) this.#scheduleSale(roomId, sale);
    this.#armSweeper();
  }

  /** Stops the sweeper, sale timers and admission queues (waiting attempts are refused `internal`), drains events. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#sweepTimer);
    this.#sweepTimer = undefined;
    for (const timers of this.#saleTimers.values()) timers.forEach((timer) => clearTimeout(timer));
    this.#saleTimers.clear();
    for (const admission of this.#admissions.values()) admission.close();
    this.#admissions.clear();
    await this.#sweeping;
    await this.events.close();
  }

  /** Expires due orders in batches until none is left; returns how many. */
  async sweepAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.sweepOnce();
      total += n;
      if (n < this.settings.sweepBatch) return total;
    }
  }

  /** One sweep: expires at most `sweepBatch` due orders (one transaction) and tells their rooms. */
  sweepOnce(): Promise<number> {
    const run = (async () => {
      const expired = await this.ctx.store.expireDue(this.ctx.now(), this.settings.sweepBatch);
      await this.announce(expired);
      return expired.length;
    })();
    this.#sweeping = run.catch(() => 0);
    return run;
  }

  /** Publishes what expired (or was cancelled) orders changed: `stock.changed` per variant, `flashsale.changed` per sale. */
  async announce(changes: readonly Pick<ExpiredOrder, 'order' | 'sale'>[]): Promise<void> {
    const published: Promise<void>[] = [];
    const seen = new Set<string>();
    for (const { order, sale } of changes) {
      const key = `${order.roomId}/${order.variantId}`;
      if (!seen.has(key)) {
        seen.add(key);
        published.push(this.events.stockChanged(order.roomId, order.variantId));
      }
      if (sale) this.events.saleChanged(order.roomId, sale.id);
    }
    await Promise.all(published);
  }

  /** The room's scheduled or live sale as of `now` (cached; refreshed when sales change), or null. */
  async roomSale(roomId: string, now: number): Promise<FlashSale | null> {
    let sale = this.#roomSale.get(roomId);
    if (sale === undefined || (sale !== null && now >= sale.endsAt)) {
      const current = await this.ctx.store.currentFlashSale(roomId, now);
      sale = current && current.status !== 'ended' ? current : null;
      this.#roomSale.set(roomId, sale);
    }
    return sale;
  }

  /** Forgets the cached sale of a room (after a start or stop). */
  forgetRoomSale(roomId: string): void {
    this.#roomSale.delete(roomId);
  }

  /** The admission queue of a live sale (created on first use). */
  admission(roomId: string, sale: FlashSale): SaleAdmission {
    let admission = this.#admissions.get(sale.id);
    if (!admission) {
      admission = new SaleAdmission({
        sale,
        now: this.ctx.now,
        timings: { batch: this.settings.admissionBatch, slackMs: this.settings.rankingSlackMs, ...this.admissionTimings },
        admit: (orders) => this.ctx.store.reserveMany(orders),
        slowestLatencyMs: () => this.latencies.maxFrozen(roomId, sale.startsAt, this.admissionTimings.latencyCapMs),
        afterBatch: (outcomes) => this.#afterAdmission(roomId, sale.id, outcomes),
      });
      if (this.#stopped) admission.close();
      this.#admissions.set(sale.id, admission);
    }
    return admission;
  }

  /** Publishes the sale's schedule now and arms its start and end events. */
  saleScheduled(roomId: string, sale: FlashSale): Promise<void> {
    this.forgetRoomSale(roomId);
    this.#scheduleSale(roomId, sale);
    return this.events.saleChangedNow(roomId, sale.id);
  }

  /** A sale ended early: drop its timers and queue (waiting attempts are decided normally by the store: ended). */
  saleStopped(roomId: string, saleId: string): Promise<void> {
    this.forgetRoomSale(roomId);
    this.#saleTimers.get(saleId)?.forEach((timer) => clearTimeout(timer));
    this.#saleTimers.delete(saleId);
    return this.events.saleChangedNow(roomId, saleId);
  }

  #afterAdmission(roomId: string, saleId: string, outcomes: readonly ReserveResult[]): void {
    const created = outcomes.filter((o) => o.kind === 'created');
    if (created.length === 0) return;
    const variants = new Set(created.map((o) => o.order.variantId));
    for (const variantId of variants) void this.events.stockChanged(roomId, variantId);
    this.events.saleChanged(roomId, saleId);
  }

  #scheduleSale(roomId: string, sale: FlashSale): void {
    if (this.#stopped || sale.status === 'ended') return;
    const saleId = sale.id;
    const timers: NodeJS.Timeout[] = [];
    const at = (when: number, what: () => void) => {
      const timer = setTimeout(what, Math.max(0, when - this.ctx.now()));
      timer.unref();
      timers.push(timer);
    };
    if (sale.status === 'scheduled') {
      at(sale.startsAt, () => {
        this.forgetRoomSale(roomId);
        void this.events.saleChangedNow(roomId, saleId);
      });
    }
    at(sale.endsAt, () => {
      this.forgetRoomSale(roomId);
      void this.events.saleChangedNow(roomId, saleId);
      // Attempts received before the end are still decided; the queue goes once the ranking window is surely over.
      at(sale.endsAt + 60_000, () => {
        this.#admissions.get(saleId)?.close();
        this.#admissions.delete(saleId);
        this.#saleTimers.delete(saleId);
      });
    });
    this.#saleTimers.set(saleId, timers);
  }

  #armSweeper(): void {
    if (this.#stopped) return;
    this.#sweepTimer = setTimeout(() => {
      void this.sweepAll()
        .catch((error: unknown) => this.#logger?.error('expiry sweep failed', { error }))
        .finally(() => this.#armSweeper());
    }, this.settings.sweepIntervalMs);
    this.#sweepTimer.unref();
  }
}

const registry = new WeakMap<DomainContext, Commerce>();

/**
 * The {@link Commerce} of a domain context: the one the server attached, else a fresh one with settings from the
 * environment (for tools and tests that build a context by hand; its timers are unref'd).
 */
export function commerceOf(ctx: DomainContext): Commerce {
  let commerce = registry.get(ctx);
  if (!commerce) {
    commerce = new Commerce(ctx);
    registry.set(ctx, commerce);
  }
  return commerce;
}

/** Attaches `commerce` to its context (the server does this before it accepts connections). */
export function attachCommerce(commerce: Commerce): Commerce {
  registry.set(commerce.ctx, commerce);
  return commerce;
}

/**
 * Records a viewer's `latency.report`: on its connection (its own frozen latency for a sale) and in the room (the
 * slowest picture, which bounds how long ranked attempts wait).
 */
export function noteLatency(ctx: DomainContext, roomId: string, subject: string, session: LatencyHistory, latencyMs: number): void {
  const at = ctx.now();
  recordLatency(session, at, latencyMs);
  commerceOf(ctx).latencies.note(roomId, subject, at, latencyMs);
}

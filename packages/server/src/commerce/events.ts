import type { DomainContext } from '../rooms/context.js';

/**
 * Publishes the room events of commerce — `stock.changed` and `flashsale.changed` — through the room log,
 * coalesced so a burst of orders does not become a burst of events.
 *
 * `stock.changed`: while an event for a variant waits in the room log's queue, further changes join it (the event
 * reads the units left when the log builds it, so it carries the latest count as of its own seq).
 * `flashsale.changed`: at most one per sale per `intervalMs` while its `remaining` moves; the last change is never
 * dropped, only delayed. Every timer is cleared by {@link close}.
 *
 * Durability: the events are appended after the order's transaction commits, so a crash in between could lose one;
 * {@link reconcileStockEvents} re-derives them at startup (compares each variant's stock with its last event).
 */
export class CommerceEvents {
  readonly #ctx: DomainContext;
  readonly #intervalMs: number;
  readonly #stockQueued = new Map<string, Promise<void>>();
  readonly #saleTimers = new Map<string, NodeJS.Timeout>();
  readonly #saleLastAt = new Map<string, number>();
  readonly #saleQueued = new Map<string, Promise<void>>();
  readonly #onError: (error: unknown) => void;
  #closed = false;

  constructor(ctx: DomainContext, options: { intervalMs: number; onError: (error: unknown) => void }) {
    this.#ctx = ctx;
    this.#intervalMs = options.intervalMs;
    this.#onError = options.onError;
  }

  /** Publishes the variant's units left (coalesced); resolves once an event at least this recent is in the log. */
  stockChanged(roomId: string, variantId: string): Promise<void> {
    const key = `${roomId}\u0000${variantId}`;
    const queued = this.#stockQueued.get(key);
    if (queued) return queued;
    const appended = this.#ctx.log
      .append(roomId, async () => {
        this.#stockQueued.delete(key); // changes from now on need a newer event
        return { t: 'stock.changed', variantId, available: (await this.#ctx.store.getVariantStock(variantId)) ?? 0 };
      })
      .then(
        () => undefined,
        (error: unknown) => {
          this.#stockQueued.delete(key);
          this.#onError(error);
        },
      );
    this.#stockQueued.set(key, appended);
    return appended;
  }

  /** Publishes the sale now (schedule, start, end): not rate limited. */
  saleChangedNow(roomId: string, saleId: string): Promise<void> {
    const timer = this.#saleTimers.get(saleId);
    if (timer) {
      clearTimeout(timer);
      this.#saleTimers.delete(saleId);
    }
    return this.#publishSale(roomId, saleId);
  }

  /** Publishes the sale's new `remaining`, at most once per interval (the latest state always goes out). */
  saleChanged(roomId: string, saleId: string): void {
    if (this.#closed || this.#saleTimers.has(saleId)) return;
    const wait = (this.#saleLastAt.get(saleId) ?? -Infinity) + this.#intervalMs - Date.now();
    if (wait <= 0) {
      void this.#publishSale(roomId, saleId);
      return;
    }
    const timer = setTimeout(() => {
      this.#saleTimers.delete(saleId);
      void this.#publishSale(roomId, saleId);
    }, wait);
    timer.unref();
    this.#saleTimers.set(saleId, timer);
  }

  /** Stops the timers and waits for the events already handed to the room log. */
  async close(): Promise<void> {
    this.#closed = true;
    // A delayed `remaining` is not flushed: startup re-sends each room's current sale (reconcileStockEvents).
    for (const timer of this.#saleTimers.values()) clearTimeout(timer);
    this.#saleTimers.clear();
    await Promise.all([...this.#stockQueued.values(), ...this.#saleQueued.values()]);
  }

  #publishSale(roomId: string, saleId: string): Promise<void> {
    this.#saleLastAt.set(saleId, Date.now());
    const published = this.#ctx.log
      .append(roomId, async (at) => {
        const sale = await this.#ctx.store.getFlashSale(saleId, at);
        if (!sale) throw new Error(`flash sale ${saleId} is gone`);
        return { t: 'flashsale.changed', sale };
      })
      .then(
        () => undefined,
        (error: unknown) => this.#onError(error),
      )
      .finally(() => {
        if (this.#saleQueued.get(saleId) === published) this.#saleQueued.delete(saleId);
      });
    this.#saleQueued.set(saleId, published);
    return published;
  }
}

/**
 * Startup repair of events a crash may have lost: for every variant of every room whose stock differs from its
 * last `stock.changed` (or that has moved but never had one), publishes `stock.changed` now; and the current flash
 * sale of each room once (its status may have changed while the server was down). Returns how many were sent.
 */
export async function reconcileStockEvents(ctx: DomainContext, events: CommerceEvents): Promise<number> {
  let sent = 0;
  for (const roomId of await ctx.store.listRoomIds()) {
    const last = await ctx.store.lastStockEvents(roomId);
    const stock = await ctx.store.getStock(roomId);
    for (const [variantId, units] of Object.entries(stock)) {
      const previous = last.get(variantId);
      const inventory = previous === undefined ? await ctx.store.getInventory(variantId) : null;
      const moved = previous === undefined ? inventory !== null && inventory.stock !== inventory.initial : previous !== units;
      if (!moved) continue;
      await events.stockChanged(roomId, variantId);
      sent += 1;
    }
    const sale = await ctx.store.currentFlashSale(roomId, ctx.now());
    if (sale) {
      await events.saleChangedNow(roomId, sale.id);
      sent += 1;
    }
  }
  return sent;
}

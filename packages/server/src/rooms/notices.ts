import { MAX_NAME_LENGTH, NOTICE_NAMES, type NoticeFrame } from '@live-shop/protocol';
import type { DomainContext } from './context.js';

/** Fewest ms between two notices of one kind in one room. */
export const DEFAULT_NOTICE_INTERVAL_MS = 1000;
/** A person who rejoins within this long (a reconnect) is not announced again. */
export const REJOIN_QUIET_MS = 5 * 60_000;
/** Most recently announced people remembered per room for {@link REJOIN_QUIET_MS}. */
const MAX_REMEMBERED = 2000;

/** Options of {@link Notices}. */
export interface NoticesOptions {
  /** Sends a notice to every socket of a room on this server. */
  broadcast(roomId: string, frame: NoticeFrame): void;
  /** Server clock in ms. */
  now: () => number;
  /** Fewest ms between two notices of one kind per room. Default {@link DEFAULT_NOTICE_INTERVAL_MS}. */
  intervalMs?: number;
}

interface Pending<T> {
  /** The first few items of the interval (the names a join notice spells out). */
  items: T[];
  /** The latest item of the interval (the purchase a purchase notice shows). */
  last: T | undefined;
  count: number;
  sentAt: number;
  timer: NodeJS.Timeout | undefined;
}

interface Purchase {
  name: string;
  product: string;
  quantity: number;
}

/**
 * Masks a buyer's name for a public notice: its first character and `**` ("张三" → "张**", "Alice" → "A**"), so
 * neither the full name nor its length is shown. Empty names become "**".
 */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return `${first ?? ''}**`;
}

/**
 * Join and purchase notices, aggregated so a 10,000-viewer room is not flooded: per room and kind, the first
 * notice goes out at once and everything after it within the interval is summed into ONE notice at the end of
 * the interval ("A, B and 23 others joined"; the latest purchase and how many others bought). Ephemeral: no
 * seq, not logged, never replayed; in-process like `reactions.burst` (each server node announces its own).
 */
export class Notices {
  readonly #options: NoticesOptions;
  readonly #intervalMs: number;
  readonly #joins = new Map<string, Pending<string>>();
  readonly #purchases = new Map<string, Pending<Purchase>>();
  /** Per room: subject → when last announced, oldest first (a Map keeps insertion order). */
  readonly #recent = new Map<string, Map<string, number>>();

  constructor(options: NoticesOptions) {
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? DEFAULT_NOTICE_INTERVAL_MS;
  }

  /** Someone joined the room. A subject announced within {@link REJOIN_QUIET_MS} (a reconnect) is skipped. */
  join(roomId: string, subject: string, name: string): void {
    const now = this.#options.now();
    let recent = this.#recent.get(roomId);
    if (!recent) {
      recent = new Map();
      this.#recent.set(roomId, recent);
    }
    const last = recent.get(subject);
    if (last !== undefined && now - last < REJOIN_QUIET_MS) return;
    recent.delete(subject);
    recent.set(subject, now);
    for (const [oldest, at] of recent) {
      if (recent.size <= MAX_REMEMBERED && now - at < REJOIN_QUIET_MS) break;
      recent.delete(oldest);
    }
    this.#add(this.#joins, roomId, name.slice(0, MAX_NAME_LENGTH), (names, _last, count) => ({
      kind: 'join',
      names: names.slice(0, NOTICE_NAMES),
      others: count - Math.min(count, NOTICE_NAMES),
    }));
  }

  /** Someone bought something in the room (`name` unmasked: it is masked here). */
  purchase(roomId: string, buyerName: string, productName: string, quantity: number): void {
    const item = { name: maskName(buyerName), product: productName.slice(0, 120), quantity: Math.max(1, Math.floor(quantity)) };
    this.#add(this.#purchases, roomId, item, (_items, last, count) => ({ kind: 'purchase', ...(last ?? item), others: count - 1 }));
  }

  /** The room has no sockets left on this server: forget its pending notices and remembered joiners. */
  forget(roomId: string): void {
    for (const map of [this.#joins, this.#purchases] as Map<string, Pending<unknown>>[]) {
      clearTimeout(map.get(roomId)?.timer);
      map.delete(roomId);
    }
    this.#recent.delete(roomId);
  }

  /** Clears every timer; pending notices are dropped (they are ephemeral). */
  dispose(): void {
    for (const map of [this.#joins, this.#purchases] as Map<string, Pending<unknown>>[]) {
      for (const pending of map.values()) clearTimeout(pending.timer);
      map.clear();
    }
    this.#recent.clear();
  }

  #add<T>(map: Map<string, Pending<T>>, roomId: string, item: T, build: (items: T[], last: T | undefined, count: number) => NoticeFrame['notice']): void {
    let pending = map.get(roomId);
    if (!pending) {
      pending = { items: [], last: undefined, count: 0, sentAt: -Infinity, timer: undefined };
      map.set(roomId, pending);
    }
    // Keep only what a notice can show (memory stays bounded however many join): the first few and the latest.
    if (pending.items.length < NOTICE_NAMES) pending.items.push(item);
    pending.last = item;
    pending.count += 1;
    if (pending.timer !== undefined) return; // the notice at the end of this interval takes it along
    const wait = pending.sentAt + this.#intervalMs - this.#options.now();
    const flush = (): void => {
      const current = map.get(roomId);
      if (current !== pending || pending.count === 0) return;
      const notice = build(pending.items, pending.last, pending.count);
      pending.items = [];
      pending.last = undefined;
      pending.count = 0;
      pending.sentAt = this.#options.now();
      this.#options.broadcast(roomId, { t: 'notice', at: pending.sentAt, notice });
    };
    if (wait <= 0) return flush();
    pending.timer = setTimeout(() => {
      if (pending) pending.timer = undefined;
      flush();
    }, wait);
    pending.timer.unref();
  }
}

// The hub of each server registers its notices here, so domain code (the order code) can announce a purchase
// with only the DomainContext it already has.
const registry = new WeakMap<DomainContext, Notices>();

/** Connects `ctx` to the notices of the hub that serves it (the hub calls this; tests may too). */
export function registerNotices(ctx: DomainContext, notices: Notices): void {
  registry.set(ctx, notices);
}

/**
 * Tells the room "张** just bought 2 × Coat": a purchase notice, masked and aggregated (at most one per room per
 * second, with the count of the others). Call it after an order is placed or paid. Does nothing when no hub
 * serves `ctx` (e.g. a script using the domain without sockets). Never throws.
 */
export function announcePurchase(ctx: DomainContext, roomId: string, buyerName: string, productName: string, quantity: number): void {
  registry.get(ctx)?.purchase(roomId, buyerName, productName, quantity);
}

import { formatMoney } from '@live-shop/protocol';
import { en, zhCN, type Messages } from './messages.js';

/**
 * The language an element speaks: its own `lang`, else the nearest `[lang]` ancestor — looking
 * through shadow roots, so a card inside the player follows the merchant page — else the browser's.
 */
export function resolveLanguage(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof HTMLElement && node.lang) return node.lang;
    const parent: Node | null = node.parentNode;
    // Cross from a shadow root to its host; stop at the document.
    node = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
}

/**
 * One string table per language the elements speak, as a messages module exports them (`en`, `zhCN`):
 * the shared table of i18n/messages.ts, or a lazily loaded element's own (`quick-checkout/messages.ts`…),
 * which then loads with that element's chunk instead of the script-tag entry.
 */
export interface Tables<T extends object> {
  readonly en: T;
  readonly zhCN: T;
}

/** The table of `tables` for a BCP 47 tag: Chinese for any `zh*`, English otherwise. */
export function tableFor<T extends object>(tables: Tables<T>, language: string): T {
  return /^zh\b/i.test(language) ? tables.zhCN : tables.en;
}

/** The message table for a BCP 47 tag: Chinese for any `zh*`, English otherwise. */
export function messagesFor(language: string): Messages {
  return tableFor({ en, zhCN }, language);
}

/** Shorthand for `messagesFor(resolveLanguage(element))`, with an explicit override winning. */
export function messagesOf(element: Element, override?: string | null): Messages {
  return messagesFor(override || resolveLanguage(element));
}

/** The shared table joined with each feature's own, per language: built once, not at every render. */
const joined = new WeakMap<object, Messages>();

/**
 * What a lazily loaded element says: the shared table joined with its own `tables` (its messages module),
 * in the element's language (see {@link messagesOf}), with an explicit override winning.
 */
export function featureMessagesOf<T extends object>(element: Element, tables: Tables<T>, override?: string | null): Messages & T {
  const own = tableFor(tables, override || resolveLanguage(element));
  let table = joined.get(own) as (Messages & T) | undefined;
  if (!table) {
    table = { ...(own === tables.zhCN ? zhCN : en), ...own };
    joined.set(own, table);
  }
  return table;
}

/** Formats minor units of `currency` for the table's locale (via the protocol's `formatMoney`). */
export function money(messages: Messages, minorUnits: number, currency: string): string {
  return formatMoney(minorUnits, currency, messages.locale);
}

export type { Messages } from './messages.js';
export { en, zhCN } from './messages.js';

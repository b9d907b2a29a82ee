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

/** The message table for a BCP 47 tag: Chinese for any `zh*`, English otherwise. */
export function messagesFor(language: string): Messages {
  return /^zh\b/i.test(language) ? zhCN : en;
}

/** Shorthand for `messagesFor(resolveLanguage(element))`, with an explicit override winning. */
export function messagesOf(element: Element, override?: string | null): Messages {
  return messagesFor(override || resolveLanguage(element));
}

/** Formats minor units of `currency` for the table's locale (via the protocol's `formatMoney`). */
export function money(messages: Messages, minorUnits: number, currency: string): string {
  return formatMoney(minorUnits, currency, messages.locale);
}

export type { Messages } from './messages.js';
export { en, zhCN } from './messages.js';

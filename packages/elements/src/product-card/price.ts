import { html } from 'lit';
import type { Product, Variant } from '@live-shop/protocol';
import { money, type Messages } from '../i18n/locale.js';

/** The price line of a product: its lowest variant price, and whether other variants cost more. */
export function priceOf(product: Product): { lowest: number; varies: boolean; compareAt: number | null } {
  const prices = product.variants.map((variant) => variant.price);
  const lowest = Math.min(...prices);
  const cheapest = product.variants.find((variant) => variant.price === lowest);
  return { lowest, varies: prices.some((price) => price !== lowest), compareAt: compareAtOf(cheapest) };
}

/** The struck-through "was" price of a variant, or null when it has none above its price. */
export function compareAtOf(variant: Variant | undefined): number | null {
  if (!variant || variant.compareAtPrice === undefined || variant.compareAtPrice <= variant.price) return null;
  return variant.compareAtPrice;
}

/**
 * The price (and the usual price struck through, on sale). With a `variant`, its price; without, the
 * lowest ("from …" when variants differ). The struck price is said as "Was …" to screen readers.
 */
export function renderPrice(product: Product, variant: Variant | null, t: Messages) {
  let text: string;
  let compareAt: number | null;
  if (variant) {
    text = money(t, variant.price, product.currency);
    compareAt = compareAtOf(variant);
  } else {
    const price = priceOf(product);
    text = price.varies ? t.priceFrom(money(t, price.lowest, product.currency)) : money(t, price.lowest, product.currency);
    compareAt = price.compareAt;
  }
  if (compareAt === null) return html`<p part="price">${text}</p>`;
  const was = money(t, compareAt, product.currency);
  return html`<p part="price-line">
    <span part="price sale-price" aria-hidden="true">${text}</span>
    <s part="compare-at-price" aria-hidden="true">${was}</s>
    <span class="visually-hidden">${t.nowPrice(text)}, ${t.wasPrice(was)}</span>
  </p>`;
}

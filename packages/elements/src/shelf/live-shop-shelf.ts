import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveShopClient } from '@live-shop/core';
import type { Product, Stock } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit, type ShelfToggleDetail } from '../events.js';
import { featureMessagesOf, money } from '../i18n/locale.js';
import { priceOf } from '../product-card/product-card.js';
import { unitsLeftOf } from '../stock.js';
import { handleModalKeys } from '../focus.js';
import { shelfStyles } from './live-shop-shelf.styles.js';
import * as shelfMessages from './messages.js';
import type { ShelfText } from './messages.js';

let instances = 0;

/**
 * The room's "shopping bag" (购物袋): every product of the room with its live stock, the one the host
 * is presenting highlighted and marked, and a buy button on each.
 *
 * It emits and never opens anything itself: buy fires `live-shop-product-buy` (the player answers
 * with its checkout sheet), a click on a product's picture or name fires the cancelable
 * `live-shop-product-click` and, unless cancelled, asks to buy it too. On its own it is a plain
 * panel; with `modal` (as the player shows it) it is a dialog with a close button, closed by Escape.
 *
 * @summary Shopping-bag drawer: all products of the room with live stock.
 *
 * @fires live-shop-product-click - A product's picture or name was clicked. Cancelable. `detail: { productId, source: 'shelf' }`.
 * @fires live-shop-product-buy - Buy was pressed (or a product click was not cancelled). `detail: { productId, source: 'shelf' }`.
 * @fires live-shop-shelf-toggle - (`modal` only) The viewer asked to close the shelf. `detail: { open: false, reason }`.
 *
 * @csspart base - The panel (`role="dialog"` when `modal`).
 * @csspart header - Title row.
 * @csspart title - "Shopping bag".
 * @csspart count - How many products.
 * @csspart close-button - The × button (`modal` only).
 * @csspart list - The product list.
 * @csspart item - One product; also `item-pinned` for the one being presented, `item-sold-out` when none is left.
 * @csspart product-button - The picture and name: fires `live-shop-product-click`.
 * @csspart image - The product picture.
 * @csspart name - The product name.
 * @csspart price - The price ("from" the lowest when variants differ).
 * @csspart presenting-badge - "Presenting" on the pinned product.
 * @csspart stock - Units left ("Only 3 left", "Sold out").
 * @csspart buy-button - The buy button (disabled when sold out).
 * @csspart empty - Shown while the room has no products.
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family.
 * @cssprop [--live-shop-text=#1a1a1a] - Text colour.
 * @cssprop [--live-shop-muted=#6b6b6b] - Secondary text colour.
 * @cssprop [--live-shop-surface=#ffffff] - Panel background.
 * @cssprop [--live-shop-muted-surface=#f2f2f2] - Image placeholder background.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 * @cssprop [--live-shop-accent=#e11d48] - Buy buttons, prices, the pinned product's mark.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on the accent.
 * @cssprop [--live-shop-border=#d9d9d9] - Lines between products.
 * @cssprop [--live-shop-danger=#d0021b] - Low stock and sold out colour.
 * @cssprop [--live-shop-disabled=#b8b8b8] - Disabled buy button background.
 * @cssprop [--live-shop-shelf-pinned-background=transparent] - Background of the pinned product (its accent bar and badge mark it already).
 * @cssprop [--live-shop-shelf-image-size=64px] - Product picture width and height.
 */
export class LiveShopShelf extends LitElement {
  static override styles = shelfStyles;

  /** The client whose products, stock and pinned product this shows. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  /** A dialog with a close button that Escape closes (how the player shows it). */
  @property({ type: Boolean, reflect: true }) modal = false;

  /** At or below this many units left, an item says "Only N left". */
  @property({ type: Number, attribute: 'low-stock' }) lowStock = 10;

  readonly #products = new StoreController<readonly Product[]>(this, () => this.client?.$products);
  readonly #stock = new StoreController<Stock>(this, () => this.client?.$stock);
  readonly #pinned = new StoreController<Product | null>(this, () => this.client?.$pinnedProduct);
  readonly #id = `lsshelf${++instances}`;

  /** Moves focus in: the presented product's buy button, else the first product, else the title. */
  override focus(options?: FocusOptions): void {
    const root = this.renderRoot as ShadowRoot;
    const target =
      root.querySelector<HTMLElement>('[part~="item-pinned"] [part="buy-button"]:not(:disabled)') ??
      root.querySelector<HTMLElement>('[part="product-button"]') ??
      root.querySelector<HTMLElement>('[part="title"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Asks to close the shelf (`modal` only): fires `live-shop-shelf-toggle` with `open: false`. */
  close(reason: NonNullable<ShelfToggleDetail['reason']> = 'close-button'): void {
    emit(this, 'live-shop-shelf-toggle', { open: false, reason });
  }

  override render() {
    const t = featureMessagesOf(this, shelfMessages, this.locale);
    const products = this.#products.value ?? [];
    const stock = this.#stock.value;
    const pinnedId = this.#pinned.value?.id ?? null;
    const id = this.#id;
    return html`
      <section
        part="base"
        role=${this.modal ? 'dialog' : 'region'}
        aria-modal=${this.modal ? 'true' : nothing}
        aria-labelledby="${id}-title"
        @keydown=${this.#onKeydown}
      >
        <div part="header">
          <h2 part="title" id="${id}-title" tabindex="-1">${t.shelfTitle}</h2>
          <span part="count">${t.shelfCount(products.length)}</span>
          ${this.modal
            ? html`<button part="close-button" type="button" aria-label=${t.closeShelf} @click=${() => this.close('close-button')}>×</button>`
            : nothing}
        </div>
        ${products.length === 0
          ? html`<p part="empty">${t.shelfEmpty}</p>`
          : html`<ul part="list">
              ${repeat(
                products,
                (product) => product.id,
                (product, index) => this.#item(product, unitsLeftOf(product, stock), product.id === pinnedId, `${id}-${index}`, t),
              )}
            </ul>`}
      </section>
    `;
  }

  #item(product: Product, units: number | null, pinned: boolean, id: string, t: ShelfText) {
    const soldOut = units === 0;
    const parts = ['item', pinned ? 'item-pinned' : '', soldOut ? 'item-sold-out' : ''].filter(Boolean).join(' ');
    const { lowest, varies } = priceOf(product);
    const price = money(t, lowest, product.currency);
    return html`
      <li part=${parts} aria-current=${pinned ? 'true' : nothing}>
        <button part="product-button" type="button" @click=${() => this.#onProductClick(product.id)}>
          <img part="image" src=${this.client ? this.client.resolveUrl(product.image) : product.image} alt="" loading="lazy" decoding="async" />
          <span part="name" id="${id}-name">${product.name}</span>
        </button>
        <div class="details">
          ${pinned ? html`<span part="presenting-badge">${t.presenting}</span>` : nothing}
          <span part="price">${varies ? t.priceFrom(price) : price}</span>
          ${this.#stockLine(units, t)}
        </div>
        <button
          part="buy-button"
          type="button"
          aria-describedby="${id}-name"
          ?disabled=${soldOut}
          @click=${() => this.#onBuy(product.id)}
        >
          ${soldOut ? t.soldOut : t.buy}
        </button>
      </li>
    `;
  }

  #stockLine(units: number | null, t: ShelfText) {
    if (units === null) return nothing;
    if (units === 0) return html`<span part="stock" class="out">${t.soldOut}</span>`;
    if (units <= this.lowStock) return html`<span part="stock" class="low">${t.onlyLeft(units)}</span>`;
    return html`<span part="stock">${t.inStock(units)}</span>`;
  }

  #onProductClick(productId: string): void {
    const proceed = emit(this, 'live-shop-product-click', { productId, source: 'shelf' }, { cancelable: true });
    // Not cancelled by the merchant: a click on the product means "I want this", like the buy button.
    if (proceed && unitsLeftOf(this.#productById(productId), this.#stock.value) !== 0) this.#onBuy(productId);
  }

  #productById(productId: string): Product {
    return (this.#products.value ?? []).find((product) => product.id === productId)!;
  }

  #onBuy(productId: string): void {
    emit(this, 'live-shop-product-buy', { productId, source: 'shelf' });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (this.modal) handleModalKeys(event, this.renderRoot as ShadowRoot, () => this.close('escape'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-shelf': LiveShopShelf;
  }
}

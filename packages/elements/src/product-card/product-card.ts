import { LitElement, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Product } from '@live-shop/protocol';
import { emit } from '../events.js';
import { messagesOf, money, type Messages } from '../i18n/locale.js';
import { productCardStyles } from './product-card.styles.js';

/** The price line of a product: its lowest variant price, and whether other variants cost more. */
export function priceOf(product: Product): { lowest: number; varies: boolean } {
  const prices = product.variants.map((variant) => variant.price);
  const lowest = Math.min(...prices);
  return { lowest, varies: prices.some((price) => price !== lowest) };
}

/**
 * A product as the host shows it: image, name, price, stock and a buy button.
 *
 * Product text is rendered as text only, so a hostile name stays inert.
 *
 * @summary A shoppable product card.
 *
 * @fires live-shop-product-buy - The buy button was pressed. `detail: { productId }`.
 *
 * @csspart base - The card box.
 * @csspart image - The product image (`alt` is the product name).
 * @csspart name - The product name.
 * @csspart description - The product description (two lines at most).
 * @csspart price - The price, "from" the lowest variant price when variants differ.
 * @csspart stock - Units left ("Only 3 left", "Sold out").
 * @csspart buy-button - The buy button (disabled when sold out).
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family.
 * @cssprop [--live-shop-text=#1a1a1a] - Text colour.
 * @cssprop [--live-shop-muted=#6b6b6b] - Secondary text colour.
 * @cssprop [--live-shop-surface=#ffffff] - Card background.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 * @cssprop [--live-shop-accent=#e11d48] - Buy button and price colour.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on the buy button.
 * @cssprop [--live-shop-danger=#d0021b] - Low stock and sold out colour.
 * @cssprop [--live-shop-disabled=#b8b8b8] - Disabled buy button background.
 * @cssprop [--live-shop-card-image-size=72px] - Image width and height.
 */
export class ProductCard extends LitElement {
  static override styles = productCardStyles;

  /** The product to show; nothing renders without one. */
  @property({ attribute: false }) product: Product | null = null;

  /** Units left (across variants, or of the pinned product); `null` when unknown. 0 = sold out. */
  @property({ attribute: false }) stock: number | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property({ reflect: false }) locale: string | null = null;

  /** At or below this many units left, the card says "Only N left". */
  @property({ type: Number, attribute: 'low-stock' }) lowStock = 10;

  @query('[part="buy-button"]') private buyButton!: HTMLButtonElement | null;

  /** Focuses the buy button (where focus returns when the checkout sheet closes). */
  override focus(options?: FocusOptions): void {
    if (this.buyButton && !this.buyButton.disabled) this.buyButton.focus(options);
    else super.focus(options);
  }

  override render() {
    const product = this.product;
    if (!product) return nothing;
    const t = messagesOf(this, this.locale);
    const soldOut = this.stock === 0;
    return html`
      <article part="base" aria-label=${product.name}>
        <img part="image" src=${product.image} alt=${product.name} loading="lazy" decoding="async" />
        <div class="body">
          <p part="name">${product.name}</p>
          ${product.description ? html`<p part="description">${product.description}</p>` : nothing}
          <p part="price">${this.#price(product, t)}</p>
          <div class="row">
            ${this.#stockLine(t)}
            <button part="buy-button" type="button" ?disabled=${soldOut} @click=${this.#onBuy}>
              ${soldOut ? t.soldOut : t.buy}
            </button>
          </div>
        </div>
      </article>
    `;
  }

  #price(product: Product, t: Messages): string {
    const { lowest, varies } = priceOf(product);
    const text = money(t, lowest, product.currency);
    return varies ? t.priceFrom(text) : text;
  }

  #stockLine(t: Messages) {
    const stock = this.stock;
    if (stock === null) return html`<span></span>`;
    if (stock === 0) return html`<span part="stock" class="out">${t.soldOut}</span>`;
    if (stock <= this.lowStock) return html`<span part="stock" class="low">${t.onlyLeft(stock)}</span>`;
    return html`<span part="stock">${t.inStock(stock)}</span>`;
  }

  #onBuy = (): void => {
    if (!this.product || this.stock === 0) return;
    emit(this, 'live-shop-product-buy', { productId: this.product.id });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'product-card': ProductCard;
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Product, ProductImage, Stock, Variant } from '@live-shop/protocol';
import { emit } from '../events.js';
import { messagesOf, type Messages } from '../i18n/locale.js';
import { productCardStyles } from './product-card.styles.js';
import { priceOf, renderPrice } from './price.js';
import { renderSwatches } from './swatches.js';

export { priceOf };

/** How much a card shows: `compact` (over the video) or `full` (gallery, swatches, add to cart). */
export type ProductCardLayout = 'compact' | 'full';
/** The picture area of a `full` card: the photo, the 360° turn or the 3D model. */
export type ProductCardView = 'photo' | '360' | '3d';

let radioGroups = 0;

/** Runs a view's lazy import (a no-op after the first); a failure is logged, and the view stays empty. */
function loadView(load: () => Promise<void>): void {
  load().catch((error: unknown) => console.warn('live-shop: could not load the product view', error));
}

/**
 * A product as the host shows it: picture, name, price (and the usual price struck through on sale),
 * stock and a buy button; with `layout="full"` also a 360° / 3D view when the product has one, the
 * variants as swatches with their own stock, and an add-to-cart button.
 *
 * Product text is rendered as text only, so a hostile name stays inert. Stock is live: set `stock` /
 * `variant-stock` again and "Only 3 left" or "Sold out" follow (the player does this from the room).
 *
 * @summary A shoppable product card.
 *
 * @fires live-shop-product-buy - The buy button was pressed. `detail: { productId }`.
 * @fires live-shop-add-to-cart - (full layout) The add-to-cart button was pressed. `detail: { productId, variantId, quantity, unitPrice, currency }`.
 *
 * @slot badge - Badges over the picture (a coupon, "new"); the `coupon` attribute fills a default one.
 *
 * @csspart base - The card box.
 * @csspart media - The picture area (full layout).
 * @csspart image - The product image (`alt` is the product name; `srcset`/`sizes` when the product has them).
 * @csspart views - The photo / 360° / 3D switch (full layout, when the product has a 360° turn or a model).
 * @csspart view-button - Each button of that switch (`aria-pressed` on the one shown).
 * @csspart viewer-360 - The `<live-shop-viewer-360>`.
 * @csspart model-3d - The `<live-shop-model-3d>`.
 * @csspart coupon - The coupon badge.
 * @csspart name - The product name.
 * @csspart description - The product description (two lines at most).
 * @csspart price-line - Price and usual price together, on sale.
 * @csspart price - The price, "from" the lowest variant price when variants differ (compact).
 * @csspart sale-price - The price when it is below the usual one.
 * @csspart compare-at-price - The usual price, struck through.
 * @csspart swatches - The variant picker (a radio group; full layout, several variants).
 * @csspart swatch - One variant (also `swatch-selected`, `swatch-sold-out`).
 * @csspart swatch-colour - The colour dot of a variant that has one.
 * @csspart swatch-label - The variant's name.
 * @csspart stock - Units left ("Only 3 left", "Sold out").
 * @csspart add-to-cart-button - Add to cart (full layout; disabled when the variant is sold out).
 * @csspart buy-button - The buy button (disabled when sold out).
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family.
 * @cssprop [--live-shop-text=#1a1a1a] - Text colour.
 * @cssprop [--live-shop-muted=#6b6b6b] - Secondary text colour.
 * @cssprop [--live-shop-surface=#ffffff] - Card background.
 * @cssprop [--live-shop-border=#d9d9d9] - Swatch and secondary button borders.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 * @cssprop [--live-shop-accent=#e11d48] - Buy button, price and selected swatch colour.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on the buy button.
 * @cssprop [--live-shop-danger=#d0021b] - Low stock and sold out colour.
 * @cssprop [--live-shop-disabled=#b8b8b8] - Disabled buy button background.
 * @cssprop [--live-shop-coupon=#b45309] - Coupon badge background.
 * @cssprop [--live-shop-swatch-outline=rgb(255 255 255 / 0.35)] - Ring around a swatch colour (so black shows on dark cards).
 * @cssprop [--live-shop-card-image-size=72px] - Image width and height (compact layout).
 */
export class ProductCard extends LitElement {
  static override styles = productCardStyles;

  /** The product to show; nothing renders without one. */
  @property({ attribute: false }) product: Product | null = null;

  /** Units left (across variants, or of the pinned product); `null` when unknown. 0 = sold out. */
  @property({ attribute: false }) stock: number | null = null;

  /** Units left per variant id (the room's stock); drives the swatches and the selected variant's stock line. */
  @property({ attribute: false }) variantStock: Stock | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property({ reflect: false }) locale: string | null = null;

  /** At or below this many units left, the card says "Only N left". */
  @property({ type: Number, attribute: 'low-stock' }) lowStock = 10;

  /** `compact` (default: one row, for over the video) or `full`. */
  @property({ reflect: true }) layout: ProductCardLayout = 'compact';

  /** Coupon text for the default badge (e.g. "¥50 off"); none when empty. */
  @property() coupon: string | null = null;

  /** The picked variant id (full layout); defaults to the first one in stock. */
  @property() variant: string | null = null;

  /** How many the add-to-cart button adds. */
  @property({ type: Number }) quantity = 1;

  /** The picture area shown (full layout). */
  @state() view: ProductCardView = 'photo';

  @query('[part="buy-button"]') private buyButton!: HTMLButtonElement | null;

  readonly #radioName = `variant-${++radioGroups}`;

  /** Focuses the buy button (where focus returns when the checkout sheet closes). */
  override focus(options?: FocusOptions): void {
    if (this.buyButton && !this.buyButton.disabled) this.buyButton.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('product')) {
      // A new product: back to its photo, and forget a variant it does not have.
      if (changed.get('product')?.id !== this.product?.id) this.view = 'photo';
      if (this.variant && !this.product?.variants.some((variant) => variant.id === this.variant)) this.variant = null;
    }
    if (this.view === '360' && !this.product?.spin) this.view = 'photo';
    if (this.view === '3d' && !this.product?.model) this.view = 'photo';
    // The views are lazy chunks of the script-tag bundle: fetched the first time one is shown.
    if (this.view === '360') loadView(() => import('../viewer-360/define.js').then((m) => m.defineLiveShopViewer360()));
    if (this.view === '3d') loadView(() => import('../model-3d/define.js').then((m) => m.defineLiveShopModel3d()));
  }

  override render() {
    const product = this.product;
    if (!product) return nothing;
    const t = messagesOf(this, this.locale);
    return this.layout === 'full' ? this.#full(product, t) : this.#compact(product, t);
  }

  /** The selected variant (full layout): the picked one, else the first in stock, else the first. */
  get selectedVariant(): Variant | null {
    const product = this.product;
    if (!product) return null;
    return (
      product.variants.find((variant) => variant.id === this.variant) ??
      product.variants.find((variant) => this.#unitsOf(variant) !== 0) ??
      product.variants[0] ??
      null
    );
  }

  #compact(product: Product, t: Messages) {
    const soldOut = this.#totalUnits() === 0;
    return html`
      <article part="base" aria-label=${product.name}>
        <div class="thumb">${this.#image(product, null)}${this.#badges(t)}</div>
        <div class="body">
          <p part="name">${product.name}</p>
          ${product.description ? html`<p part="description">${product.description}</p>` : nothing}
          ${renderPrice(product, null, t)}
          <div class="row">
            ${this.#stockLine(this.#totalUnits(), t)}
            <button part="buy-button" type="button" ?disabled=${soldOut} @click=${this.#onBuy}>${soldOut ? t.soldOut : t.buy}</button>
          </div>
        </div>
      </article>
    `;
  }

  #full(product: Product, t: Messages) {
    const variant = this.selectedVariant;
    const units = variant && this.variantStock ? this.#unitsOf(variant) : this.#totalUnits();
    const productSoldOut = this.#totalUnits() === 0;
    const variantSoldOut = units === 0;
    return html`
      <article part="base" aria-label=${product.name}>
        <div part="media">${this.#media(product, variant)}${this.#badges(t)}</div>
        ${this.#views(product, t)}
        <div class="body">
          <p part="name">${product.name}</p>
          ${product.description ? html`<p part="description">${product.description}</p>` : nothing}
          ${renderPrice(product, variant, t)}
          ${product.variants.length > 1
            ? renderSwatches(
                this.#radioName,
                product.variants.map((v) => ({ variant: v, units: this.#unitsOf(v) })),
                variant?.id ?? null,
                t,
                this.#onPick,
              )
            : nothing}
          ${this.#stockLine(units, t)}
          <div class="actions">
            <button part="add-to-cart-button" type="button" ?disabled=${variantSoldOut} @click=${this.#onAddToCart}>${t.addToCart}</button>
            <button part="buy-button" type="button" ?disabled=${productSoldOut || variantSoldOut} @click=${this.#onBuy}>
              ${productSoldOut || variantSoldOut ? t.soldOut : t.buy}
            </button>
          </div>
        </div>
      </article>
    `;
  }

  #image(product: Product, variant: Variant | null) {
    const picture: ProductImage | undefined = product.images?.[0];
    const src = variant?.image ?? picture?.src ?? product.image;
    // A variant's own picture has no srcset: the product's candidates would show the other colour.
    const srcset = variant?.image ? undefined : picture?.srcset;
    return html`<img
      part="image"
      src=${src}
      srcset=${srcset ?? nothing}
      sizes=${srcset ? (picture?.sizes ?? (this.layout === 'full' ? '(max-width: 480px) 100vw, 480px' : '72px')) : nothing}
      alt=${product.name}
      loading="lazy"
      decoding="async"
    />`;
  }

  #media(product: Product, variant: Variant | null) {
    const lang = this.locale;
    if (this.view === '360' && product.spin) {
      return html`<live-shop-viewer-360 part="viewer-360" .frames=${product.spin} label=${product.name} .locale=${lang}></live-shop-viewer-360>`;
    }
    if (this.view === '3d' && product.model) {
      return html`<live-shop-model-3d
        part="model-3d"
        src=${product.model.glb}
        ios-src=${product.model.usdz ?? ''}
        poster=${product.model.poster ?? ''}
        label=${product.name}
        .locale=${lang}
      ></live-shop-model-3d>`;
    }
    return this.#image(product, variant);
  }

  #views(product: Product, t: Messages) {
    if (!product.spin && !product.model) return nothing;
    const views: Array<[ProductCardView, string]> = [['photo', t.viewPhoto]];
    if (product.spin) views.push(['360', t.view360]);
    if (product.model) views.push(['3d', t.view3d]);
    return html`<div part="views" role="group" aria-label=${t.productViews}>
      ${views.map(
        ([view, label]) =>
          html`<button part="view-button" type="button" aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.showView(view)}>
            ${label}
          </button>`,
      )}
    </div>`;
  }

  #badges(t: Messages) {
    return html`<div class="badges">
      <slot name="badge">${this.coupon ? html`<span part="coupon">${t.couponBadge(this.coupon)}</span>` : nothing}</slot>
    </div>`;
  }

  /** Shows the photo, the 360° turn or the 3D model (full layout; ignored when the product has none). */
  showView(view: ProductCardView): void {
    if (view === '360' && !this.product?.spin) return;
    if (view === '3d' && !this.product?.model) return;
    this.view = view;
  }

  #unitsOf(variant: Variant): number | null {
    if (this.variantStock) return this.variantStock[variant.id] ?? 0;
    // Without per-variant stock, a sold-out product has every variant sold out.
    return this.stock === 0 ? 0 : null;
  }

  #totalUnits(): number | null {
    if (this.stock !== null) return this.stock;
    if (!this.variantStock || !this.product) return null;
    return this.product.variants.reduce((sum, variant) => sum + (this.variantStock?.[variant.id] ?? 0), 0);
  }

  #stockLine(units: number | null, t: Messages) {
    const [text, level] =
      units === null ? ['', ''] : units === 0 ? [t.soldOut, 'out'] : units <= this.lowStock ? [t.onlyLeft(units), 'low'] : [t.inStock(units), ''];
    // One live region that stays in place, so "Only 3 left" -> "Sold out" during the show is announced.
    return html`<span part="stock" class=${level} role="status">${text}</span>`;
  }

  #onPick = (variantId: string): void => {
    this.variant = variantId;
  };

  #onBuy = (): void => {
    if (!this.product || this.#totalUnits() === 0) return;
    emit(this, 'live-shop-product-buy', { productId: this.product.id });
  };

  #onAddToCart = (): void => {
    const product = this.product;
    const variant = this.selectedVariant;
    if (!product || !variant || this.#unitsOf(variant) === 0) return;
    const quantity = Math.max(1, Math.floor(this.quantity) || 1);
    emit(this, 'live-shop-add-to-cart', { productId: product.id, variantId: variant.id, quantity, unitPrice: variant.price, currency: product.currency });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'product-card': ProductCard;
  }
}

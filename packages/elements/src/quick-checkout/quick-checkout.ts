import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CartRefusedError, HandoffError, type CheckoutState, type LiveShopClient, type LiveShopError } from '@live-shop/core';
import type { Coupon, Customer, Order, Product, Stock, Variant } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit, type CheckoutCloseDetail } from '../events.js';
import { featureMessagesOf, money } from '../i18n/locale.js';
import { orderErrorText } from '../i18n/order-errors.js';
import { handleModalKeys } from '../focus.js';
import { formatClock } from '../flash-sale/clock.js';
import { Ticker } from '../flash-sale/ticker.js';
import { breakdownOf, couponApplies, serverBreakdown, type Breakdown } from './breakdown.js';
import { fieldNamedIn, maxQuantity, pickVariant, unitsLeft, type CustomerField } from './fields.js';
import { forgetProfile, loadProfile, saveProfile } from './profile.js';
import * as checkoutMessages from './messages.js';
import type { CheckoutText } from './messages.js';
import { renderBreakdown, renderCouponPicker, renderOrderDiscount } from './price-parts.js';
import { quickCheckoutStyles } from './quick-checkout.styles.js';

let instances = 0;

/** Under this many ms left, the hold shows as "expiring". */
export const EXPIRING_MS = 60_000;
/** A change of variant or quantity re-reserves after this pause (a buyer tapping + three times holds once). */
const RESERVE_DEBOUNCE_MS = 350;

/**
 * A checkout sheet for one product: pick a variant and a quantity, say where to deliver, pay — while the
 * units are held for the buyer.
 *
 * Driven by `client.checkout`: opening the sheet reserves the chosen variant and quantity (`order.reserve`),
 * so the units are the buyer's for a few minutes ("Reserved for 04:59", "Reservation expiring" near the end,
 * "expired" with a re-reserve button after); changing them re-reserves. Paying confirms the order with the
 * customer (`order.checkout`) and hands it to the room's payment adapter (`client.payment`: the merchant's
 * callback, a hosted checkout window, the browser's Payment Request sheet or a cart permalink), then shows
 * the confirmation. Closing before paying gives the units back (`order.cancel`). The sheet asks, the core
 * confirms, the sheet shows what was confirmed; it never talks to the network itself.
 *
 * A saved profile (name, phone, address) is kept on this device only, in localStorage, and only when the
 * buyer ticks "remember me": the next purchase is one tap. The price breakdown shows unit price × quantity,
 * the sale price of a flash sale, the chosen coupon's discount and the total, formatted with Intl. The coupon
 * goes with the order (`order.checkout`) and the server decides the discount: the breakdown is an estimate until
 * the server has priced the line and coupon on screen, then shows the server's figures (what the buyer pays).
 *
 * Inside `<live-shop-player>` it is a modal bottom sheet over the still-playing video; on its own it is a
 * plain panel.
 *
 * @summary Quick checkout sheet driven by a LiveShopClient.
 *
 * @fires live-shop-checkout-close - The sheet was closed (close button, Escape, a tap above the sheet in the player, "back to the stream"). `detail: { productId, reason }`.
 * @fires live-shop-order-placed - The server confirmed the order (placed or paid). `detail: { order }`.
 *
 * @csspart base - The dialog box (`role="dialog"`).
 * @csspart header - Title row.
 * @csspart title - The sheet title.
 * @csspart close-button - The × button.
 * @csspart product - Image, name and unit price of the product.
 * @csspart image - The product image.
 * @csspart product-name - The product name.
 * @csspart price - The unit price of the chosen variant.
 * @csspart form - The order form.
 * @csspart variants - The variant radio group (a fieldset).
 * @csspart variant - One variant option; also `variant-disabled` when sold out.
 * @csspart variant-label - A variant's label.
 * @csspart variant-stock - A variant's units left.
 * @csspart quantity - The quantity stepper.
 * @csspart quantity-decrease - Stepper −.
 * @csspart quantity-increase - Stepper +.
 * @csspart quantity-input - The quantity number field.
 * @csspart reservation - The hold: "Reserving…", "Reserved for 04:59" (also `reservation-expiring`), "expired" (a `role="status"`).
 * @csspart reserve-again - Re-reserves after the hold expired.
 * @csspart label - Every field label.
 * @csspart input - Every customer field; also `name-input`, `phone-input`, `address-input`.
 * @csspart profile - The saved-profile line ("Filled in your saved details") with its forget button.
 * @csspart forget-profile - Forgets the saved profile.
 * @csspart remember - The "remember my details on this device" checkbox label.
 * @csspart coupon - The coupon picker (label and select), when the viewer has coupons.
 * @csspart coupon-select - The coupon `<select>`.
 * @csspart breakdown - The price breakdown (a description list); `data-source="server"` once the figures are the server's (the order it holds or confirmed, coupon applied), `"estimate"` before.
 * @csspart breakdown-line - Each line of it; also `breakdown-discount` (the coupon's) and `breakdown-total`.
 * @csspart error - Why it failed, in the viewer's language (an aria-live region); the submit button then says "Try again".
 * @csspart retry-button - Tries the reservation again after it failed (sold out, limit reached, connection).
 * @csspart sold-out - Shown when every variant is sold out (the submit button then says "Sold out" and is disabled).
 * @csspart paying - While the payment handoff runs ("Finish paying in the payment window").
 * @csspart submit - The pay button (shows the total; `aria-busy` while placing or paying; "Try again" after a failure).
 * @csspart confirmation - The order confirmation.
 * @csspart confirmation-title - Product, variant and quantity bought.
 * @csspart payment-status - "Paid" or "waiting for the shop to confirm payment".
 * @csspart order-id - The order number.
 * @csspart order-discount - What the order's coupon took off, as the server decided (only with a coupon).
 * @csspart order-total - The order total.
 * @csspart done-button - "Back to the stream".
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family.
 * @cssprop [--live-shop-text=#1a1a1a] - Text colour.
 * @cssprop [--live-shop-muted=#6b6b6b] - Labels and secondary text.
 * @cssprop [--live-shop-surface=#ffffff] - Sheet background.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 * @cssprop [--live-shop-accent=#e11d48] - Buttons, price, chosen variant.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on buttons.
 * @cssprop [--live-shop-border=#d9d9d9] - Field and option borders.
 * @cssprop [--live-shop-danger=#d0021b] - Errors and the expiring hold.
 * @cssprop [--live-shop-disabled=#b8b8b8] - Disabled button background.
 * @cssprop [--live-shop-input-background=#ffffff] - Field background.
 * @cssprop [--live-shop-focus-ring=#2f6fed] - Keyboard focus outline.
 * @cssprop [--live-shop-sheet-radius=12px 12px 0 0] - Corners of the sheet (the player sets 0 for its side sheet).
 */
export class QuickCheckout extends LitElement {
  static override styles = quickCheckoutStyles;

  /** The client whose `checkout` this sheet drives. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** The product being bought. */
  @property({ attribute: false }) product: Product | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  /** Reserve the chosen variant and quantity as soon as the sheet shows (default). `false`: only when paying. */
  @property({ type: Boolean, attribute: 'no-reserve' }) noReserve = false;

  @state() private variantId: string | null = null;
  @state() private quantity = 1;
  @state() private couponId = '';
  @state() private remember = false;
  @state() private saved: Customer | null = null;

  readonly #checkout = new StoreController<CheckoutState>(this, () => this.client?.checkout.$state);
  readonly #stock = new StoreController<Stock>(this, () => this.client?.$stock);
  readonly #coupons = new StoreController<readonly Coupon[]>(this, () => (this.client as { $coupons?: ReadableCoupons } | null)?.$coupons);
  readonly #ticker = new Ticker(this, () => {
    const state = this.#state;
    return state.step === 'reserved' || (state.step === 'failed' && !!state.order);
  });
  readonly #id = `lsqc${++instances}`;
  /** The line last reserved automatically, so a refusal is not retried in a loop. */
  #attempted: string | null = null;
  #reserveTimer: ReturnType<typeof setTimeout> | undefined;
  #placedSeen: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.saved = loadProfile();
    this.remember = this.saved !== null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#reserveTimer);
    this.#reserveTimer = undefined;
  }

  /** Moves focus into the sheet: the confirmation's button, else the chosen variant, else the title. */
  override focus(options?: FocusOptions): void {
    const root = this.renderRoot as ShadowRoot;
    const target =
      root.querySelector<HTMLElement>('[part="done-button"]') ??
      root.querySelector<HTMLElement>('input[type="radio"]:checked') ??
      root.querySelector<HTMLElement>('[part="title"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** The state of the checkout as it concerns this sheet's product. */
  get #state(): CheckoutState {
    const current = this.#checkout.value ?? { step: 'closed' };
    if (current.step === 'closed' || !this.product || current.productId !== this.product.id) {
      return this.product ? { step: 'open', productId: this.product.id } : { step: 'closed' };
    }
    return current;
  }

  /** The order held or confirmed by the checkout for this sheet, if any. */
  get #order(): Order | null {
    const state = this.#state;
    return 'order' in state && state.order ? state.order : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('product')) {
      this.variantId = null;
      this.quantity = 1;
      this.#attempted = null;
    }
    const state = this.#state;
    // A hold made elsewhere (a flash sale's buy button) decides the variant and quantity shown.
    if (state.step === 'reserving') {
      this.variantId = state.variantId;
      this.quantity = state.quantity;
      this.#attempted ??= lineKey(state.variantId, state.quantity);
    } else if ((state.step === 'reserved' || state.step === 'expired') && changed.has('product')) {
      this.variantId = state.order.variantId;
      this.quantity = state.order.quantity;
      this.#attempted = lineKey(state.order.variantId, state.order.quantity);
    }
    if (this.product) {
      const stock = this.#stock.value;
      const held = this.#order;
      // The held variant stays selectable even when the room's stock reads 0: those units are the buyer's.
      this.variantId = held && held.variantId === this.variantId ? this.variantId : (pickVariant(this.product, stock, this.variantId)?.id ?? null);
      const max = held && held.variantId === this.variantId ? Math.max(maxQuantity(stock, this.variantId), held.quantity) : maxQuantity(stock, this.variantId);
      this.quantity = Math.min(Math.max(1, this.quantity), max);
    }
  }

  protected override updated(): void {
    this.#autoReserve();
    const state = this.#state;
    if ((state.step === 'placed' || state.step === 'paid') && this.#placedSeen !== `${state.order.id}:${state.step}`) {
      const first = this.#placedSeen === null || !this.#placedSeen.startsWith(`${state.order.id}:`);
      this.#placedSeen = `${state.order.id}:${state.step}`;
      // The confirmation replaced the form: focus moves to its button (before anyone hears about the order).
      if (first) this.focus();
      emit(this, 'live-shop-order-placed', { order: state.order });
    }
  }

  /** Reserves what is on screen when nothing (or something else) is held, after a short pause for changes. */
  #autoReserve(): void {
    const client = this.client;
    const product = this.product;
    if (!client || !product || !this.variantId || this.noReserve) return;
    const state = client.checkout.$state.get();
    if (state.step === 'closed' || state.productId !== product.id) return;
    const wanted = lineKey(this.variantId, this.quantity);
    const held = 'order' in state && state.order ? lineKey(state.order.variantId, state.order.quantity) : null;
    const idle = state.step === 'open' || state.step === 'reserved' || (state.step === 'failed' && state.stage === 'reserve');
    if (!idle || wanted === held || wanted === this.#attempted) return;
    clearTimeout(this.#reserveTimer);
    const first = this.#attempted === null;
    this.#reserveTimer = setTimeout(
      () => {
        this.#reserveTimer = undefined;
        if (!this.isConnected || !this.variantId) return;
        this.#attempted = lineKey(this.variantId, this.quantity);
        void client.checkout.reserve({ variantId: this.variantId, quantity: this.quantity });
      },
      first ? 0 : RESERVE_DEBOUNCE_MS,
    );
  }

  override render() {
    const product = this.product;
    if (!product) return nothing;
    const t = featureMessagesOf(this, checkoutMessages, this.locale);
    const current = this.#state;
    const done = current.step === 'placed' || current.step === 'paid';
    return html`
      <div
        part="base"
        role="dialog"
        aria-modal="true"
        aria-labelledby="${this.#id}-title"
        @keydown=${this.#onKeydown}
      >
        <div part="header">
          <h2 part="title" id="${this.#id}-title" tabindex="-1">${done ? (current.step === 'paid' ? t.orderPaid : t.orderPlaced) : t.checkoutTitle}</h2>
          <button part="close-button" type="button" aria-label=${t.close} @click=${() => this.close('close-button')}>×</button>
        </div>
        ${done ? this.#confirmation(current.order, current.step === 'paid', product, t) : this.#form(product, current, t)}
      </div>
    `;
  }

  #breakdown(product: Product, variant: Variant | null): Breakdown | null {
    if (!variant) return null;
    const order = this.#order;
    const held = order && order.variantId === variant.id && order.quantity === this.quantity ? order : null;
    const sale = this.client?.$flashSale.get();
    const saleUnit = sale && sale.variantId === variant.id && sale.status !== 'ended' ? sale.price : null;
    const unitPrice = held ? held.unitPrice : (saleUnit ?? variant.price);
    const regular = variant.compareAtPrice && variant.compareAtPrice > variant.price ? variant.compareAtPrice : variant.price;
    const coupon = this.#coupon(product, unitPrice * this.quantity);
    // The server's figures once it priced this line with this coupon; the estimate until then.
    const line = { variantId: variant.id, quantity: this.quantity, couponId: coupon?.id ?? '' };
    return serverBreakdown(held, line, regular) ?? breakdownOf(unitPrice, regular, this.quantity, coupon);
  }

  /** The coupon chosen, if it still applies. */
  #coupon(product: Product, subtotal: number): Coupon | null {
    if (!this.couponId) return null;
    const coupon = this.#usableCoupons(product, subtotal).find((item) => item.id === this.couponId);
    return coupon ?? null;
  }

  #usableCoupons(product: Product, subtotal: number): Coupon[] {
    const now = this.client ? this.client.serverNow() : Date.now();
    return (this.#coupons.value ?? []).filter((coupon) => couponApplies(coupon, subtotal, product.currency, now));
  }

  #form(product: Product, current: CheckoutState, t: CheckoutText) {
    const stock = this.#stock.value;
    const variant = product.variants.find((v) => v.id === this.variantId) ?? null;
    const held = this.#order;
    const max = held && held.variantId === this.variantId ? Math.max(maxQuantity(stock, this.variantId), held.quantity) : maxQuantity(stock, this.variantId);
    const busy = current.step === 'placing' || current.step === 'paying';
    const error = current.step === 'failed' ? current.error : null;
    const invalid = error?.code === 'invalid' ? fieldNamedIn(error.message) : null;
    const breakdown = this.#breakdown(product, variant);
    const total = breakdown ? money(t, breakdown.total, product.currency) : '';
    const expired = current.step === 'expired';
    const id = this.#id;
    const saved = this.saved;
    const coupons = breakdown ? this.#usableCoupons(product, breakdown.subtotal) : [];
    const label = !variant
      ? t.soldOut
      : current.step === 'placing'
        ? t.placing
        : current.step === 'paying'
          ? t.paying
          : error && !(current.step === 'failed' && current.stage === 'reserve')
            ? t.retryOrder(total)
            : this.client?.payment
              ? t.payNow(total)
              : t.placeOrder(total);
    return html`
      <div part="product">
        <img part="image" src=${this.client ? this.client.resolveUrl(product.image) : product.image} alt=${product.name} />
        <div>
          <p part="product-name">${product.name}</p>
          <p part="price">${money(t, breakdown?.unitPrice ?? (variant ?? product.variants[0]!).price, product.currency)}</p>
        </div>
      </div>
      <form part="form" novalidate @submit=${this.#onSubmit}>
        <fieldset part="variants" ?disabled=${busy}>
          <legend>${t.variant}</legend>
          <div class="options">${product.variants.map((v) => this.#variantOption(v, stock, t))}</div>
        </fieldset>
        <div part="quantity">
          <label part="label" for="${id}-quantity">${t.quantity}</label>
          <button part="quantity-decrease" type="button" aria-label=${t.decrease} ?disabled=${busy || this.quantity <= 1} @click=${() => this.#setQuantity(this.quantity - 1)}>−</button>
          <input
            part="quantity-input"
            id="${id}-quantity"
            name="quantity"
            type="number"
            inputmode="numeric"
            min="1"
            max=${max}
            ?disabled=${busy}
            .value=${live(String(this.quantity))}
            @change=${(e: Event) => this.#setQuantity(Number((e.target as HTMLInputElement).value))}
          />
          <button part="quantity-increase" type="button" aria-label=${t.increase} ?disabled=${busy || this.quantity >= max} @click=${() => this.#setQuantity(this.quantity + 1)}>+</button>
        </div>
        ${this.#reservation(current, t)}
        ${saved
          ? html`<p part="profile">${t.useSavedProfile(saved.name)} <button part="forget-profile" type="button" @click=${this.#onForget}>${t.forgetProfile}</button></p>`
          : nothing}
        <div class="field">
          <label part="label" for="${id}-name">${t.customerName}</label>
          <input part="input name-input" id="${id}-name" name="name" type="text" autocomplete="name" required .value=${saved?.name ?? ''} aria-invalid=${invalid === 'name'} aria-describedby="${id}-error" />
        </div>
        <div class="field">
          <label part="label" for="${id}-phone">${t.phone}</label>
          <input part="input phone-input" id="${id}-phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" required .value=${saved?.phone ?? ''} aria-invalid=${invalid === 'phone'} aria-describedby="${id}-error" />
        </div>
        <div class="field">
          <label part="label" for="${id}-address">${t.address}</label>
          <textarea part="input address-input" id="${id}-address" name="address" autocomplete="street-address" rows="2" required .value=${saved?.address ?? ''} aria-invalid=${invalid === 'address'} aria-describedby="${id}-error"></textarea>
        </div>
        <label part="remember" class="check">
          <input type="checkbox" name="remember" .checked=${live(this.remember)} @change=${(e: Event) => (this.remember = (e.target as HTMLInputElement).checked)} />
          ${t.rememberMe}
        </label>
        ${renderCouponPicker(
          // A confirmed order keeps its coupon (the server refuses to change it): a payment retry pays that order.
          { id, coupons, chosen: this.couponId, product, disabled: busy || held?.status === 'pending_payment' },
          (couponId) => (this.couponId = couponId),
          t,
        )}
        ${breakdown ? renderBreakdown(breakdown, product.currency, t) : nothing}
        ${variant ? nothing : html`<p part="sold-out" role="status">${t.soldOutNotice}</p>`}
        <p part="error" id="${id}-error" aria-live="assertive">${error ? t.orderFailed(this.#explain(error, invalid, t)) : ''}</p>
        ${current.step === 'failed' && current.stage === 'reserve' && variant && error?.code !== 'sold_out' && error?.code !== 'limit_reached' && error?.code !== 'sale_ended'
          ? html`<button part="retry-button" type="button" @click=${this.#onRetryReserve}>${t.tryAgain}</button>`
          : nothing}
        ${current.step === 'paying' ? html`<p part="paying" role="status">${t.payingHint}</p>` : nothing}
        <button part="submit" type="submit" aria-busy=${busy} ?disabled=${busy || !variant || expired}>${label}</button>
      </form>
    `;
  }

  #reservation(current: CheckoutState, t: CheckoutText) {
    if (current.step === 'reserving') return html`<p part="reservation" role="status">${t.reserving}</p>`;
    if (current.step === 'expired') {
      return html`<p part="reservation reservation-expired" role="status">
        ${t.reservationExpired}
        <button part="reserve-again" type="button" @click=${this.#onReserveAgain}>${t.reserveAgain}</button>
      </p>`;
    }
    const order = current.step === 'reserved' || current.step === 'failed' ? current.order : undefined;
    if (!order || order.expiresAt === null || !this.client) return nothing;
    const left = order.expiresAt - this.client.serverNow();
    const expiring = left <= EXPIRING_MS;
    // The countdown itself is not live (a screen reader would read it every second); the phrase changes are.
    return html`<p part=${expiring ? 'reservation reservation-expiring' : 'reservation'} role="status">
      <span aria-hidden="true">${expiring ? t.reservationExpiring(formatClock(left)) : t.reservedFor(formatClock(left))}</span>
      <span class="visually-hidden">${expiring ? t.reservationExpiring('') : t.reservedFor('')}</span>
    </p>`;
  }

  /** The error in the viewer's language where we know what it means; the core's message otherwise. */
  #explain(error: LiveShopError, field: CustomerField | null, t: CheckoutText): string {
    if (field) return t.checkField(field === 'name' ? t.customerName : t[field]);
    if (error instanceof HandoffError) {
      if (error.reason === 'popup_blocked') return t.popupBlocked;
      if (error.reason === 'cancelled') return t.paymentCancelled;
      if (error.reason === 'payment_failed') return t.paymentFailed;
    }
    if (error instanceof CartRefusedError) return t.cartRefused(error.message);
    if (error.code === 'coupon_invalid') return t.couponInvalid;
    return orderErrorText(error, t) ?? error.message;
  }

  #variantOption(variant: Variant, stock: Stock | undefined, t: CheckoutText) {
    const units = unitsLeft(stock, variant.id);
    const held = this.#order?.variantId === variant.id;
    const soldOut = units === 0 && !held;
    return html`
      <label part=${soldOut ? 'variant variant-disabled' : 'variant'}>
        <input
          type="radio"
          name="variant"
          value=${variant.id}
          .checked=${live(variant.id === this.variantId)}
          ?disabled=${soldOut}
          @change=${() => {
            this.variantId = variant.id;
          }}
        />
        <span part="variant-label">${variant.label}</span>
        ${units === null ? nothing : html`<span part="variant-stock">${t.variantStock(units)}</span>`}
      </label>
    `;
  }

  #confirmation(order: Order, paid: boolean, product: Product, t: CheckoutText) {
    const variant = product.variants.find((v) => v.id === order.variantId);
    return html`
      <div part="confirmation" role="status">
        <p part="confirmation-title">${product.name}${variant ? ` · ${variant.label}` : ''} × ${order.quantity}</p>
        <p part="payment-status">${paid ? t.orderPaid : t.awaitingPayment}</p>
        <dl>
          <dt>${t.orderId}</dt>
          <dd part="order-id">${order.id}</dd>
          ${renderOrderDiscount(order, t)}
          <dt>${t.total}</dt>
          <dd part="order-total">${money(t, order.total, order.currency)}</dd>
        </dl>
        <button part="done-button" type="button" @click=${() => this.close('back-to-stream')}>${t.backToStream}</button>
      </div>
    `;
  }

  /** Closes the sheet: tells the checkout (which gives back units not yet paid for), then fires `live-shop-checkout-close`. */
  close(reason: CheckoutCloseDetail['reason'] = 'close-button'): void {
    const productId = this.product?.id ?? null;
    clearTimeout(this.#reserveTimer);
    this.#reserveTimer = undefined;
    this.client?.checkout.close();
    emit(this, 'live-shop-checkout-close', { productId, reason });
  }

  #setQuantity(value: number): void {
    const held = this.#order;
    const stockMax = maxQuantity(this.#stock.value, this.variantId);
    const max = held && held.variantId === this.variantId ? Math.max(stockMax, held.quantity) : stockMax;
    this.quantity = Number.isFinite(value) ? Math.min(Math.max(1, Math.round(value)), max) : 1;
  }

  #onRetryReserve = (): void => {
    void this.client?.checkout.retry();
  };

  #onReserveAgain = (): void => {
    void this.client?.checkout.reReserve();
  };

  #onForget = (): void => {
    forgetProfile();
    this.saved = null;
    this.remember = false;
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const product = this.product;
    if (!client || !product || !this.variantId) return;
    const step = this.#state.step;
    if (step === 'placing' || step === 'paying' || step === 'expired') return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value : '';
    };
    const customer: Customer = { name: text('name'), phone: text('phone'), address: text('address') };
    const checkout = client.checkout;
    const now = checkout.$state.get();
    if (now.step === 'closed' || now.productId !== product.id) checkout.open(product.id);
    clearTimeout(this.#reserveTimer);
    this.#reserveTimer = undefined;
    const line = { variantId: this.variantId, quantity: this.quantity };
    this.#attempted = lineKey(line.variantId, line.quantity);
    // Synchronously inside the tap: the payment adapter may open its window now.
    const subtotal = this.#breakdown(product, product.variants.find((v) => v.id === line.variantId) ?? null)?.subtotal ?? 0;
    const coupon = this.#coupon(product, subtotal);
    const order = await checkout.confirm(customer, { line, coupon: coupon?.id ?? null });
    await this.updateComplete;
    if (order) {
      // Consent given: remember for a one-tap repeat purchase; consent withdrawn: forget.
      if (this.remember && saveProfile(customer)) this.saved = customer;
      else if (!this.remember) forgetProfile();
      return;
    }
    const after = checkout.$state.get();
    if (after.step === 'failed') this.#showInvalid(after.error);
  };

  #showInvalid(error: LiveShopError): void {
    if (error.code !== 'invalid') return;
    const field = fieldNamedIn(error.message);
    if (!field) return;
    this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  #onKeydown = (event: KeyboardEvent): void => {
    handleModalKeys(event, this.renderRoot as ShadowRoot, () => this.close('escape'));
  };
}

/** The coupons store of the client, when it has one. */
interface ReadableCoupons {
  get(): readonly Coupon[];
  listen(listener: (value: readonly Coupon[]) => void): () => void;
}

function lineKey(variantId: string, quantity: number): string {
  return `${variantId}×${quantity}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'quick-checkout': QuickCheckout;
  }
}

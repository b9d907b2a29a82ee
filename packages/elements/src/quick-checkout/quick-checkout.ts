import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutState, LiveShopClient, LiveShopError, OrderInput } from '@live-shop/core';
import type { Order, Product, Stock, Variant } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit, type CheckoutCloseDetail } from '../events.js';
import { messagesOf, money, type Messages } from '../i18n/locale.js';
import { handleModalKeys } from '../focus.js';
import { fieldNamedIn, maxQuantity, pickVariant, unitsLeft, type CustomerField } from './fields.js';
import { quickCheckoutStyles } from './quick-checkout.styles.js';

let instances = 0;

/**
 * A checkout sheet for one product: pick a variant and a quantity, say where to deliver, pay.
 *
 * Driven by `client.checkout`: the sheet asks (`place`), the core confirms, the sheet shows what
 * was confirmed. It never talks to the network itself. Inside `<live-shop-player>` it is a modal
 * bottom sheet over the still-playing video; on its own it is a plain panel.
 *
 * @summary Quick checkout sheet driven by a LiveShopClient.
 *
 * @fires live-shop-checkout-close - The sheet was closed (close button, Escape, a tap above the sheet in the player, "back to the stream"). `detail: { productId, reason }`.
 * @fires live-shop-order-placed - The server confirmed the order. `detail: { order }`.
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
 * @csspart label - Every field label.
 * @csspart input - Every customer field; also `name-input`, `phone-input`, `address-input`.
 * @csspart error - Why the order failed, in the viewer's language (an aria-live region); the submit button then says "Try again".
 * @csspart sold-out - Shown when every variant is sold out (the submit button then says "Sold out" and is disabled).
 * @csspart submit - The place-order button (shows the total; `aria-busy` and "Placing order…" while placing; "Try again" after a failure).
 * @csspart confirmation - The order confirmation.
 * @csspart confirmation-title - "Order placed".
 * @csspart order-id - The order number.
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
 * @cssprop [--live-shop-danger=#d0021b] - Errors.
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

  @state() private variantId: string | null = null;
  @state() private quantity = 1;

  readonly #checkout = new StoreController<CheckoutState>(this, () => this.client?.checkout.$state);
  readonly #stock = new StoreController<Stock>(this, () => this.client?.$stock);
  readonly #id = `lsqc${++instances}`;

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('product')) {
      this.variantId = null;
      this.quantity = 1;
    }
    if (this.product) {
      const stock = this.#stock.value;
      this.variantId = pickVariant(this.product, stock, this.variantId)?.id ?? null;
      this.quantity = Math.min(Math.max(1, this.quantity), maxQuantity(stock, this.variantId));
    }
  }

  override render() {
    const product = this.product;
    if (!product) return nothing;
    const t = messagesOf(this, this.locale);
    const current = this.#state;
    return html`
      <div
        part="base"
        role="dialog"
        aria-modal="true"
        aria-labelledby="${this.#id}-title"
        @keydown=${this.#onKeydown}
      >
        <div part="header">
          <h2 part="title" id="${this.#id}-title" tabindex="-1">${current.step === 'placed' ? t.orderPlaced : t.checkoutTitle}</h2>
          <button part="close-button" type="button" aria-label=${t.close} @click=${() => this.close('close-button')}>×</button>
        </div>
        ${current.step === 'placed' ? this.#confirmation(current.order, product, t) : this.#form(product, current, t)}
      </div>
    `;
  }

  #form(product: Product, current: CheckoutState, t: Messages) {
    const stock = this.#stock.value;
    const variant = product.variants.find((v) => v.id === this.variantId) ?? null;
    const max = maxQuantity(stock, this.variantId);
    const placing = current.step === 'placing';
    const error = current.step === 'failed' ? current.error : null;
    const invalid = error?.code === 'invalid' ? fieldNamedIn(error.message) : null;
    const total = variant ? money(t, variant.price * this.quantity, product.currency) : '';
    const id = this.#id;
    return html`
      <div part="product">
        <img part="image" src=${this.client ? this.client.resolveUrl(product.image) : product.image} alt=${product.name} />
        <div>
          <p part="product-name">${product.name}</p>
          <p part="price">${money(t, (variant ?? product.variants[0]!).price, product.currency)}</p>
        </div>
      </div>
      <form part="form" novalidate @submit=${this.#onSubmit}>
        <fieldset part="variants">
          <legend>${t.variant}</legend>
          <div class="options">${product.variants.map((v) => this.#variantOption(v, stock, t))}</div>
        </fieldset>
        <div part="quantity">
          <label part="label" for="${id}-quantity">${t.quantity}</label>
          <button part="quantity-decrease" type="button" aria-label=${t.decrease} ?disabled=${this.quantity <= 1} @click=${() => this.#setQuantity(this.quantity - 1)}>−</button>
          <input
            part="quantity-input"
            id="${id}-quantity"
            name="quantity"
            type="number"
            inputmode="numeric"
            min="1"
            max=${max}
            .value=${live(String(this.quantity))}
            @change=${(e: Event) => this.#setQuantity(Number((e.target as HTMLInputElement).value))}
          />
          <button part="quantity-increase" type="button" aria-label=${t.increase} ?disabled=${this.quantity >= max} @click=${() => this.#setQuantity(this.quantity + 1)}>+</button>
        </div>
        <div class="field">
          <label part="label" for="${id}-name">${t.customerName}</label>
          <input part="input name-input" id="${id}-name" name="name" type="text" autocomplete="name" required aria-invalid=${invalid === 'name'} aria-describedby="${id}-error" />
        </div>
        <div class="field">
          <label part="label" for="${id}-phone">${t.phone}</label>
          <input part="input phone-input" id="${id}-phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" required aria-invalid=${invalid === 'phone'} aria-describedby="${id}-error" />
        </div>
        <div class="field">
          <label part="label" for="${id}-address">${t.address}</label>
          <textarea part="input address-input" id="${id}-address" name="address" autocomplete="street-address" rows="2" required aria-invalid=${invalid === 'address'} aria-describedby="${id}-error"></textarea>
        </div>
        ${variant ? nothing : html`<p part="sold-out" role="status">${t.soldOutNotice}</p>`}
        <p part="error" id="${id}-error" aria-live="assertive">${error ? t.orderFailed(this.#explain(error, invalid, t)) : ''}</p>
        <button part="submit" type="submit" aria-busy=${placing} ?disabled=${placing || !variant}>
          ${!variant ? t.soldOut : placing ? t.placing : error ? t.retryOrder(total) : t.placeOrder(total)}
        </button>
      </form>
    `;
  }

  /** The error in the viewer's language where we know what it means; the core's message otherwise. */
  #explain(error: LiveShopError, field: CustomerField | null, t: Messages): string {
    if (field) return t.checkField(field === 'name' ? t.customerName : t[field]);
    switch (error.code) {
      case 'sold_out':
        return t.soldOutError;
      case 'insufficient_stock':
        return t.notEnoughStock;
      case 'network':
      case 'timeout':
      case 'closed':
        return t.connectionProblem;
      default:
        return error.message;
    }
  }

  #variantOption(variant: Variant, stock: Stock | undefined, t: Messages) {
    const units = unitsLeft(stock, variant.id);
    const soldOut = units === 0;
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

  #confirmation(order: Order, product: Product, t: Messages) {
    const variant = product.variants.find((v) => v.id === order.variantId);
    return html`
      <div part="confirmation" role="status">
        <p part="confirmation-title">${product.name}${variant ? ` · ${variant.label}` : ''} × ${order.quantity}</p>
        <dl>
          <dt>${t.orderId}</dt>
          <dd part="order-id">${order.id}</dd>
          <dt>${t.total}</dt>
          <dd part="order-total">${money(t, order.total, order.currency)}</dd>
        </dl>
        <button part="done-button" type="button" @click=${() => this.close('back-to-stream')}>${t.backToStream}</button>
      </div>
    `;
  }

  /** Closes the sheet: tells the checkout, then fires `live-shop-checkout-close`. */
  close(reason: CheckoutCloseDetail['reason'] = 'close-button'): void {
    const productId = this.product?.id ?? null;
    this.client?.checkout.close();
    emit(this, 'live-shop-checkout-close', { productId, reason });
  }

  #setQuantity(value: number): void {
    const max = maxQuantity(this.#stock.value, this.variantId);
    this.quantity = Number.isFinite(value) ? Math.min(Math.max(1, Math.round(value)), max) : 1;
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const product = this.product;
    if (!client || !product || !this.variantId || this.#state.step === 'placing') return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value : '';
    };
    const input: OrderInput = {
      variantId: this.variantId,
      quantity: this.quantity,
      customer: { name: text('name'), phone: text('phone'), address: text('address') },
    };
    const checkout = client.checkout;
    const now = checkout.$state.get();
    // One open() per sheet, so a retry after a failure reuses the same idempotency key.
    if (now.step === 'closed' || now.productId !== product.id) checkout.open(product.id);
    const order = await checkout.place(input);
    await this.updateComplete;
    if (order) {
      emit(this, 'live-shop-order-placed', { order });
      this.focus();
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

declare global {
  interface HTMLElementTagNameMap {
    'quick-checkout': QuickCheckout;
  }
}

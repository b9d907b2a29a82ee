import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { flashSalePhase, type CheckoutState, type FlashSalePhase, type LiveShopClient } from '@live-shop/core';
import type { FlashSale, Product } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import { featureMessagesOf, money } from '../i18n/locale.js';
import { orderErrorText } from '../i18n/order-errors.js';
import { formatClock } from './clock.js';
import { flashSaleStyles } from './live-shop-flash-sale.styles.js';
import { Ticker } from './ticker.js';
import * as flashSaleMessages from './messages.js';
import type { FlashSaleText } from './messages.js';

/** How long the banner says "ended" after a sale this viewer watched ended. */
export const ENDED_VISIBLE_MS = 30_000;

/**
 * The room's flash sale (秒杀) as a banner: the product, the sale price beside the usual one, a countdown to
 * the start, then a buy button and the units left, live, until it ends.
 *
 * The countdown runs on the SERVER clock (`client.serverNow()`) and ends at this viewer's own zero:
 * `startsAt` plus the playback latency the client reported (capped), which is when this viewer's picture
 * shows the host's "go" and when the server starts measuring this viewer's reaction time. So a viewer on
 * HLS, seconds behind, sees the same count as the host said it, and is ranked fairly against one on WebRTC.
 *
 * A sale that ended while the viewer watched says so for {@link ENDED_VISIBLE_MS}, then the banner goes; one
 * that was over before the viewer came is not shown at all.
 *
 * Buy opens the checkout (`client.checkout.open(productId, { variantId })`), which reserves through the sale
 * (the server ranks attempts of the first seconds by reaction time, so the answer may take a moment); inside
 * `<live-shop-player>` the checkout sheet shows it. The banner says how the attempt went.
 *
 * @summary Flash-sale banner with a server-clock countdown, live quota and a buy button.
 *
 * @fires live-shop-checkout - Buy was pressed; cancelable (cancel it to run your own checkout). `detail: { productId, source: 'flash-sale' }`.
 *
 * @csspart base - The banner (a labelled region).
 * @csspart badge - "Flash sale".
 * @csspart name - The product name.
 * @csspart price - The sale price.
 * @csspart original-price - The usual price, struck through.
 * @csspart countdown - "Starts in 00:05" / "Ends in 04:59" (a `role="timer"`).
 * @csspart remaining - Units left of the quota.
 * @csspart progress - The bar of units sold.
 * @csspart limit - The per-person limit.
 * @csspart buy-button - Buy (disabled before this viewer's zero, when sold out and after the end).
 * @csspart result - How this viewer's attempt went (queued, got it, sold out, limit reached…; `aria-live`).
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 * @cssprop [--live-shop-flash-background=linear-gradient(90deg, #e11d48, #f97316)] - Banner background.
 * @cssprop [--live-shop-flash-text=#ffffff] - Text on the banner.
 * @cssprop [--live-shop-flash-button-background=#ffffff] - Buy button background.
 * @cssprop [--live-shop-flash-button-text=#9f1239] - Buy button text.
 * @cssprop [--live-shop-flash-track=rgb(255 255 255 / 0.35)] - Progress bar track.
 * @cssprop [--live-shop-flash-fill=#ffffff] - Progress bar fill.
 * @cssprop [--live-shop-focus-ring=#2f6fed] - Keyboard focus outline.
 */
export class LiveShopFlashSale extends LitElement {
  static override styles = flashSaleStyles;

  /** The client whose room's flash sale this shows. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  readonly #sale = new StoreController<FlashSale | null>(this, () => this.client?.$flashSale);
  /** When (this page's clock) each sale was first seen ended; a sale already over when first seen is not shown. */
  readonly #endedSeen = new Map<string, number>();
  /** The latency each sale credits this viewer with, frozen at its start as the server freezes it. */
  readonly #frozenLatency = new Map<string, number | null>();
  readonly #products = new StoreController<readonly Product[]>(this, () => this.client?.$products);
  readonly #checkout = new StoreController<CheckoutState>(this, () => this.client?.checkout.$state);
  readonly #ticker = new Ticker(this, () => {
    const phase = this.#phase();
    return phase !== null && (phase.phase !== 'ended' || this.#visible());
  });

  /** Whether the sale is worth showing: not ended, or ended while this viewer watched, less than a little while ago. */
  #visible(): boolean {
    const sale = this.#sale.value ?? null;
    const client = this.client;
    if (!sale || !client) return false;
    const ended = this.#phaseOf(sale, client).phase === 'ended';
    if (!ended) {
      this.#endedSeen.set(sale.id, Number.POSITIVE_INFINITY);
      return true;
    }
    const seen = this.#endedSeen.get(sale.id);
    // Never seen running here: it was over before this viewer came.
    if (seen === undefined) return false;
    if (seen === Number.POSITIVE_INFINITY) this.#endedSeen.set(sale.id, Date.now());
    return Date.now() - (this.#endedSeen.get(sale.id) ?? 0) < ENDED_VISIBLE_MS;
  }

  /** Where the sale stands for this viewer now (null: no sale). */
  get phase(): FlashSalePhase | null {
    return this.#phase();
  }

  #phase(): FlashSalePhase | null {
    const sale = this.#sale.value ?? null;
    const client = this.client;
    if (!sale || !client) return null;
    return this.#phaseOf(sale, client);
  }

  /** The phase for this viewer; its latency stops moving at `startsAt` (later reports do not count for the sale). */
  #phaseOf(sale: FlashSale, client: LiveShopClient): FlashSalePhase {
    const now = client.serverNow();
    let latency = this.#frozenLatency.has(sale.id) ? (this.#frozenLatency.get(sale.id) ?? null) : client.reportedLatencyMs;
    if (now >= sale.startsAt && !this.#frozenLatency.has(sale.id)) this.#frozenLatency.set(sale.id, (latency = client.reportedLatencyMs));
    return flashSalePhase(sale, now, latency);
  }

  override render() {
    const sale = this.#sale.value ?? null;
    const client = this.client;
    if (!sale || !client || !this.#visible()) return nothing;
    const t = featureMessagesOf(this, flashSaleMessages, this.locale);
    const product = this.#products.value?.find((item) => item.id === sale.productId) ?? null;
    const currency = product?.currency ?? 'CNY';
    const phase = this.#phaseOf(sale, client);
    const sold = sale.quota - sale.remaining;
    const live = phase.phase === 'live';
    const label = phase.phase === 'ended' ? t.flashSaleEnded : phase.phase === 'sold-out' ? t.flashSaleSoldOut : t.flashSaleBuy;
    return html`
      <section part="base" class=${phase.phase} aria-label=${t.flashSale}>
        <div class="head">
          <span part="badge">${t.flashSale}</span>
          ${product ? html`<span part="name">${product.name}</span>` : nothing}
        </div>
        <div class="prices">
          <span part="price">${money(t, sale.price, currency)}</span>
          ${sale.originalPrice > sale.price ? html`<s part="original-price">${money(t, sale.originalPrice, currency)}</s>` : nothing}
        </div>
        <div class="row">
          <span part="countdown" role="timer">${this.#countdown(sale, phase, client.serverNow(), t)}</span>
          <span part="remaining">${t.flashSaleRemaining(sale.remaining, sale.quota)}</span>
        </div>
        <div part="progress" role="progressbar" aria-label=${t.flashSaleRemaining(sale.remaining, sale.quota)} aria-valuemin="0" aria-valuemax=${sale.quota} aria-valuenow=${sold}>
          <span style="width: ${Math.round((sold / sale.quota) * 100)}%"></span>
        </div>
        <div class="row">
          <span part="limit">${t.flashSaleLimit(sale.perViewerLimit)}</span>
          <button part="buy-button" type="button" ?disabled=${!live} aria-disabled=${live ? 'false' : 'true'} @click=${this.#onBuy}>
            ${phase.phase === 'scheduled' ? t.flashSaleStartsIn(formatClock(phase.msLeft)) : label}
          </button>
        </div>
        <p part="result" aria-live="polite">${this.#result(sale, t)}</p>
      </section>
    `;
  }

  #countdown(sale: FlashSale, phase: FlashSalePhase, now: number, t: FlashSaleText): string {
    if (phase.phase === 'scheduled') return t.flashSaleStartsIn(formatClock(phase.msLeft));
    if (phase.phase === 'ended') return t.flashSaleEnded;
    return t.flashSaleEndsIn(formatClock(sale.endsAt - now));
  }

  /** How this viewer's attempt on this sale went, from the checkout. */
  #result(sale: FlashSale, t: FlashSaleText): string {
    const state = this.#checkout.value;
    if (!state || state.step === 'closed' || state.productId !== sale.productId) return '';
    switch (state.step) {
      case 'reserving':
        return state.variantId === sale.variantId ? t.flashSaleQueued : '';
      case 'reserved':
      case 'placing':
      case 'paying':
      case 'placed':
      case 'paid':
        return state.order?.variantId === sale.variantId ? (state.step === 'paid' ? t.orderPaid : t.flashSaleWon) : '';
      case 'failed':
        if (state.stage !== 'reserve') return '';
        // A sale's own words for "gone"; every other order error reads as it does in the sheet.
        if (state.error.code === 'sold_out' || state.error.code === 'insufficient_stock') return t.flashSaleSoldOut;
        return orderErrorText(state.error, t) ?? state.error.message;
      default:
        return '';
    }
  }

  #onBuy = (): void => {
    const sale = this.#sale.value;
    const client = this.client;
    if (!sale || !client || this.#phase()?.phase !== 'live') return;
    if (!emit(this, 'live-shop-checkout', { productId: sale.productId, source: 'flash-sale' }, { cancelable: true })) return;
    client.checkout.open(sale.productId, { variantId: sale.variantId, quantity: 1 });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-flash-sale': LiveShopFlashSale;
  }
}

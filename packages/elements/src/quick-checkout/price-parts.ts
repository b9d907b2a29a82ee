import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Coupon, Order, Product } from '@live-shop/protocol';
import { money } from '../i18n/locale.js';
import type { Breakdown } from './breakdown.js';
import type { CheckoutText } from './messages.js';

/** What a coupon takes off, as the option shows it: an amount in the product's currency, or a percentage. */
export function discountText(coupon: Coupon, product: Product, t: CheckoutText): string {
  return coupon.discount.kind === 'amount' ? money(t, coupon.discount.amount, product.currency) : `${coupon.discount.percent}%`;
}

/** The coupon `<select>` of the sheet (nothing when the viewer has no coupon that fits the order). */
export function renderCouponPicker(
  view: { id: string; coupons: readonly Coupon[]; chosen: string; product: Product; disabled: boolean },
  onChange: (couponId: string) => void,
  t: CheckoutText,
): TemplateResult | typeof nothing {
  const { id, coupons, chosen, product } = view;
  if (coupons.length === 0) return nothing;
  return html`<div part="coupon" class="field">
    <label part="label" for="${id}-coupon">${t.coupon}</label>
    <select
      part="coupon-select"
      id="${id}-coupon"
      name="coupon"
      ?disabled=${view.disabled}
      .value=${live(chosen)}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="">${t.noCoupon}</option>
      ${coupons.map((coupon) => html`<option value=${coupon.id} ?selected=${coupon.id === chosen}>${t.couponOption(coupon.label, discountText(coupon, product, t))}</option>`)}
    </select>
  </div>`;
}

/**
 * The price breakdown: unit price × quantity (struck-through regular price in a sale), the coupon's discount, the
 * total. `data-source` says whose figures they are: `server` once the server priced this line and coupon (what
 * the buyer pays), `estimate` before.
 */
export function renderBreakdown(breakdown: Breakdown, currency: string, t: CheckoutText): TemplateResult {
  const format = (minor: number) => money(t, minor, currency);
  return html`<dl part="breakdown" aria-label=${t.priceBreakdown} data-source=${breakdown.source}>
    <div part="breakdown-line">
      <dt>${breakdown.regularPrice !== null ? t.salePrice : t.total}</dt>
      <dd>
        ${breakdown.regularPrice !== null ? html`<s>${format(breakdown.regularPrice)}</s> ` : nothing}${t.unitTimesQuantity(format(breakdown.unitPrice), breakdown.quantity)}
      </dd>
    </div>
    ${breakdown.discount > 0 ? html`<div part="breakdown-line breakdown-discount"><dt>${t.couponDiscount}</dt><dd>−${format(breakdown.discount)}</dd></div>` : nothing}
    <div part="breakdown-line breakdown-total"><dt>${t.total}</dt><dd>${format(breakdown.total)}</dd></div>
  </dl>`;
}

/** The confirmation's discount line: what the order's coupon took off, as the server decided (nothing without one). */
export function renderOrderDiscount(order: Order, t: CheckoutText): TemplateResult | typeof nothing {
  if (!order.discount) return nothing;
  return html`<dt>${t.couponDiscount}</dt>
    <dd part="order-discount">−${money(t, order.discount, order.currency)}</dd>`;
}

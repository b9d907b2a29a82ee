import { LitElement, html, nothing } from 'lit';
import { cssProps } from '../css-props.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveShopClient, RedEnvelopeState } from '@live-shop/core';
import { formatMoney, type Coupon, countFormat } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import { featureMessagesOf } from '../i18n/locale.js';
import { redEnvelopeStyles } from './live-shop-red-envelope.styles.js';
import * as redEnvelopeMessages from './messages.js';
import type { RedEnvelopeText } from './messages.js';

/** Envelopes falling at once: enough to feel like rain, few enough to stay cheap. */
export const FALLING_ENVELOPES = 8;

type Outcome = { rainId: string; coupon: Coupon | null; code: string | null; message: string | null };

/**
 * A red-envelope rain: envelopes fall over the video while the host's rain runs; tapping one grabs it (the server
 * grants at most the rain's quota in all and one per viewer), and the panel shows the coupon won, or why not.
 * The falling envelopes are pointer targets only (out of the tab order); the panel's grab button is the same action
 * for the keyboard and screen readers, and the only one with `prefers-reduced-motion: reduce` (nothing falls).
 * Shows nothing when no rain runs (and no result is left to show).
 *
 * @summary Red-envelope rain for a LiveShopClient.
 *
 * @fires live-shop-red-envelope-grab - After a grab: detail `{ rainId, coupon, error }` (coupon or the refusal code).
 *
 * @csspart rain - The layer the envelopes fall in.
 * @csspart envelope - One falling envelope (a button).
 * @csspart panel - The panel with the title, the envelopes left and the grab button or the result.
 * @csspart title - "Red envelope rain".
 * @csspart remaining - Envelopes left (a polite live region).
 * @csspart grab-button - Grab an envelope.
 * @csspart result - What the grab gave (or why nothing).
 * @csspart close-button - Hides the result.
 *
 * @cssprop [--live-shop-red-envelope-color=#d62828] - Envelope colour.
 * @cssprop [--live-shop-red-envelope-seal=#ffd36b] - Envelope seal.
 * @cssprop [--live-shop-red-envelope-size=44px] - Envelope width.
 * @cssprop [--live-shop-red-envelope-fall=3200ms] - Time to fall once.
 * @cssprop [--live-shop-red-envelope-distance=420px] - How far they fall.
 * @cssprop [--live-shop-red-envelope-panel=rgb(120 10 10 / 0.85)] - Panel background.
 * @cssprop [--live-shop-red-envelope-text=#fff7e0] - Panel text.
 * @cssprop [--live-shop-red-envelope-result=#ffd36b] - Result text.
 * @cssprop [--live-shop-red-envelope-button=#ffd36b] - Grab button background.
 * @cssprop [--live-shop-red-envelope-button-text=#7a0c0c] - Grab button text.
 * @cssprop [--live-shop-radius=12px] - Panel corner radius.
 */
export class LiveShopRedEnvelope extends LitElement {
  static override styles = redEnvelopeStyles;

  /** The client whose room rain this shows and grabs from. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private grabbing = false;
  @state() private outcome: Outcome | null = null;
  /** The rain whose result the viewer closed. */
  @state() private dismissed: string | null = null;

  readonly #rain = new StoreController<RedEnvelopeState | null>(this, () => this.client?.$redEnvelope);
  readonly #drops = Array.from({ length: FALLING_ENVELOPES }, (_, i) => ({
    id: i,
    style: { '--x': `${8 + ((i * 83) % 84)}%`, '--delay': `${(i * 410) % 3200}ms` },
  }));

  override render() {
    const rain = this.#rain.value;
    if (!rain || this.dismissed === rain.id) return nothing;
    const t = featureMessagesOf(this, redEnvelopeMessages, this.locale);
    const outcome = this.outcome?.rainId === rain.id ? this.outcome : null;
    const coupon = rain.grabbed ?? outcome?.coupon ?? null;
    const done = coupon !== null || outcome !== null;
    const open = rain.status === 'open' && rain.remaining > 0;
    if (!open && !done) return nothing;
    const number = countFormat(t.locale);
    return html`
      ${open && !done
        ? html`<div part="rain">
            ${repeat(
              this.#drops,
              (drop) => drop.id,
              (drop) => html`<button
                part="envelope"
                type="button"
                tabindex="-1"
                aria-label=${t.redEnvelopeGrab}
                ${cssProps(drop.style)}
                ?disabled=${this.grabbing}
                @click=${this.#grab}
              ></button>`,
            )}
          </div>`
        : nothing}
      <div part="panel" role="group" aria-label=${t.redEnvelopeLabel}>
        <p part="title">${t.redEnvelopeLabel}</p>
        <p part="remaining" aria-live="polite">${open ? t.redEnvelopeLeft(number.format(rain.remaining)) : t.redEnvelopeEnded}</p>
        ${done
          ? html`<p part="result" role="status">${coupon ? t.redEnvelopeGot(couponValue(coupon, t)) : refusal(outcome, t)}</p>
              <button part="close-button" type="button" @click=${() => (this.dismissed = rain.id)}>${t.close}</button>`
          : html`<button part="grab-button" type="button" ?disabled=${this.grabbing} @click=${this.#grab}>${t.redEnvelopeGrab}</button>`}
      </div>
    `;
  }

  readonly #grab = async (): Promise<void> => {
    const rain = this.#rain.value;
    if (!this.client || !rain || this.grabbing) return;
    this.grabbing = true;
    try {
      const coupon = await this.client.engagement.grabRedEnvelope();
      this.outcome = { rainId: rain.id, coupon, code: null, message: null };
      emit(this, 'live-shop-red-envelope-grab', { rainId: rain.id, coupon, error: null });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'internal';
      this.outcome = { rainId: rain.id, coupon: null, code, message: error instanceof Error ? error.message : String(error) };
      emit(this, 'live-shop-red-envelope-grab', { rainId: rain.id, coupon: null, error: code });
    } finally {
      this.grabbing = false;
    }
    // The panel's button is gone: keep keyboard focus in the panel, on its close button.
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLButtonElement>('[part="close-button"]')?.focus();
  };
}

function couponValue(coupon: Coupon, t: RedEnvelopeText): string {
  return coupon.discount.kind === 'amount' ? formatMoney(coupon.discount.amount, coupon.discount.currency, t.locale) : `${coupon.discount.percent}%`;
}

function refusal(outcome: Outcome | null, t: RedEnvelopeText): string {
  if (outcome?.code === 'exhausted') return t.redEnvelopeGone;
  if (outcome?.code === 'already_done') return t.redEnvelopeAlready;
  if (outcome?.code === 'ended') return t.redEnvelopeEnded;
  return t.actionFailed(outcome?.message ?? '');
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-red-envelope': LiveShopRedEnvelope;
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { LiveShopClient } from '@live-shop/core';
import type { Countdown } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import { featureMessagesOf } from '../i18n/locale.js';
import { countdownStyles } from './live-shop-countdown.styles.js';
import { formatRemaining, SecondTicker } from './time.js';
import * as countdownMessages from './messages.js';

/**
 * A countdown to an instant on the SERVER clock, so every viewer reaches zero at the same moment whatever their
 * own clock says.
 *
 * Two ways to drive it:
 * - the host's countdown: give it a `client` and nothing else; it follows `client.$countdown`
 *   (`countdown.started`, also from the snapshot for a viewer joining mid-way);
 * - any instant (e.g. a flash sale's `startsAt`): set `target` (server ms) and either `client` or `serverNow`
 *   (a function returning the server time, e.g. `() => client.serverNow()`), plus `label`.
 *
 * It shows nothing when there is nothing to count to. At zero it shows the "now" text and fires
 * `live-shop-countdown-end` once per target (only for a countdown it showed running).
 *
 * @summary Server-clock countdown (host countdowns, flash sales).
 *
 * @fires live-shop-countdown-end - The countdown reached zero; detail `{ countdownId, target }`.
 *
 * @csspart countdown - The box (`role="timer"`); has class `ended` at zero.
 * @csspart label - The label text.
 * @csspart time - The time left, `m:ss` (or `h:mm:ss`).
 *
 * @cssprop [--live-shop-countdown-background=rgb(0 0 0 / 0.75)] - Box background.
 * @cssprop [--live-shop-countdown-text=#ffffff] - Label colour.
 * @cssprop [--live-shop-countdown-time=#ffd36b] - Time colour.
 * @cssprop [--live-shop-countdown-ended=#ffffff] - Time colour at zero.
 * @cssprop [--live-shop-countdown-radius=999px] - Box corner radius.
 * @cssprop [--live-shop-countdown-font-size=0.875rem] - Text size.
 */
export class LiveShopCountdown extends LitElement {
  static override styles = countdownStyles;

  /** The client: its `$countdown` when no `target` is set, and its server clock. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** Server time (ms since the epoch) to count to; overrides the host's countdown. */
  @property({ type: Number }) target: number | null = null;

  /** The server clock; default `client.serverNow()`, else the local clock. */
  @property({ attribute: false }) serverNow: (() => number) | null = null;

  /** Label shown before the time (defaults to the host countdown's label, then "Countdown"). */
  @property() label: string | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  readonly #countdown = new StoreController<Countdown | null>(this, () => this.client?.$countdown);
  /** Re-renders when the displayed second changes. */
  protected readonly ticker = new SecondTicker(this, () => {
    const at = this.#targetAt();
    return at === null ? null : { at, now: this.#now };
  });
  /** The target last seen still running: only a countdown seen running announces its end. */
  #running: number | null = null;
  /** The target whose end was already announced, so each end fires once. */
  #ended: number | null = null;

  readonly #now = (): number => (this.serverNow ? this.serverNow() : this.client ? this.client.serverNow() : Date.now());

  #targetAt(): number | null {
    return this.target ?? this.#countdown.value?.endsAt ?? null;
  }

  override render() {
    const t = featureMessagesOf(this, countdownMessages, this.locale);
    const at = this.#targetAt();
    if (at === null) return nothing;
    const left = at - this.#now();
    const ended = left <= 0;
    const label = this.label ?? (this.target === null ? this.#countdown.value?.label : null) ?? t.countdownLabel;
    return html`<div part="countdown" class=${ended ? 'ended' : ''} role="timer" aria-label=${label}>
      <span part="label">${label}</span>
      <span part="time">${ended ? t.countdownEnded : formatRemaining(left)}</span>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const at = this.#targetAt();
    if (at === null || at === this.#ended) return;
    if (at - this.#now() > 0) {
      this.#running = at;
      return;
    }
    if (this.#running !== at) return; // already over when first shown: nothing happened in front of the viewer
    this.#ended = at;
    emit(this, 'live-shop-countdown-end', { countdownId: this.target === null ? (this.#countdown.value?.id ?? null) : null, target: at });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-countdown': LiveShopCountdown;
  }
}

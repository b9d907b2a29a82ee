import { LitElement, html, svg, type PropertyValues } from 'lit';
import { cssProps } from '../css-props.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveShopClient, Reactions } from '@live-shop/core';
import { StoreController } from '../controllers/store-controller.js';
import { messagesOf } from '../i18n/locale.js';
import { reactionsStyles } from './live-shop-reactions.styles.js';

/** Hearts on screen at most, whatever the room sends: the animation stays cheap at any tapping rate. */
export const MAX_FLOATING_HEARTS = 40;

const heartPath = svg`<path d="M12 21s-7.5-4.6-9.6-9.1C.9 8.6 2.8 5 6.3 5c2 0 3.3 1 4.2 2.3h3C14.4 6 15.7 5 17.7 5c3.5 0 5.4 3.6 3.9 6.9C19.5 16.4 12 21 12 21z"/>`;
const heartIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${heartPath}</svg>`;
const COLORS = ['#ff4d6d', '#ff8fab', '#ffb703', '#fb5607', '#c77dff', '#4cc9f0'];

interface Heart {
  id: number;
  /** `mine` for this viewer's own tap, shown at once; `burst` for the room's. */
  kind: 'mine' | 'burst';
  style: Record<string, string>;
}

/**
 * A heart button for the viewer and floating hearts for the room's reactions.
 *
 * A tap calls `client.sendReaction()` (the core batches taps into at most one frame per 250 ms) and floats
 * one heart at once; each `reactions.burst` from the room floats up to `maxPerBurst` hearts (the room's
 * bursts include this viewer's own taps). With `prefers-reduced-motion: reduce` the hearts fade in place
 * instead of travelling. The hearts are decorative (`aria-hidden`); the button is a native button, so
 * Enter and Space tap it.
 *
 * @summary Heart button and floating-heart animation for a LiveShopClient.
 *
 * @csspart button - The heart button.
 * @csspart hearts - The area above the button the hearts float in.
 * @csspart heart - One floating heart; also `mine-heart` for this viewer's own tap, `burst-heart` for the room's.
 *
 * @cssprop [--live-shop-reactions-button-size=44px] - Size of the button (and width of the element).
 * @cssprop [--live-shop-reactions-button-background=rgb(0 0 0 / 0.5)] - Button background.
 * @cssprop [--live-shop-reactions-button-color=#ff4d6d] - Heart colour on the button.
 * @cssprop [--live-shop-reactions-heart-size=28px] - Size of a floating heart.
 * @cssprop [--live-shop-reactions-height=220px] - How far above the button the hearts float.
 * @cssprop [--live-shop-reactions-duration=1800ms] - How long a heart floats.
 * @cssprop [--live-shop-accent=#e11d48] - Fallback heart colour.
 * @cssprop [--live-shop-focus-ring=#2563eb] - Focus outline of the button.
 */
export class LiveShopReactions extends LitElement {
  static override styles = reactionsStyles;

  /** The client whose room hearts this shows and sends to. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** Most hearts one burst floats (a burst of 300 taps still floats this many). */
  @property({ type: Number, attribute: 'max-per-burst' }) maxPerBurst = 8;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private hearts: readonly Heart[] = [];

  readonly #reactions = new StoreController<Reactions>(this, () => this.client?.$reactions);
  /** The `total` already animated; `null` until the first value, which is history, not news. */
  #seenTotal: number | null = null;
  #seenClient: LiveShopClient | null = null;
  #nextId = 0;

  override render() {
    const t = messagesOf(this, this.locale);
    return html`
      <div part="hearts" aria-hidden="true">
        ${repeat(
          this.hearts,
          (heart) => heart.id,
          (heart) => html`<span
            part="heart ${heart.kind}-heart"
            ${cssProps(heart.style)}
            @animationend=${() => this.#remove(heart.id)}
            @animationcancel=${() => this.#remove(heart.id)}
            >${heartIcon}</span
          >`,
        )}
      </div>
      <button part="button" type="button" aria-label=${t.sendHeart} ?disabled=${this.client === null} @click=${this.#onTap}>
        ${heartIcon}
      </button>
    `;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value = this.#reactions.value;
    if (this.client !== this.#seenClient) {
      // A new client: its past bursts are not news.
      this.#seenClient = this.client;
      // Read from the new client: the controller still follows the old store until this update.
      this.#seenTotal = this.client?.$reactions.get().total ?? null;
      return;
    }
    if (!value) return;
    if (this.#seenTotal === null) {
      this.#seenTotal = value.total;
      return;
    }
    if (value.total > this.#seenTotal) {
      this.#seenTotal = value.total;
      this.#float('burst', Math.min(value.last, this.maxPerBurst));
    }
  }

  readonly #onTap = (): void => {
    if (!this.client) return;
    this.client.sendReaction();
    this.#float('mine', 1);
  };

  #float(kind: Heart['kind'], count: number): void {
    const added: Heart[] = [];
    for (let i = 0; i < count; i++) {
      const id = ++this.#nextId;
      added.push({
        id,
        kind,
        style: {
          '--heart-delay': `${kind === 'mine' ? 0 : i * 90}ms`,
          '--heart-drift': `${Math.round((Math.random() - 0.5) * 60)}px`,
          '--heart-color': COLORS[id % COLORS.length] ?? '#ff4d6d',
        },
      });
    }
    // Oldest first out when the room taps faster than hearts can float away.
    this.hearts = [...this.hearts, ...added].slice(-MAX_FLOATING_HEARTS);
  }

  #remove(id: number): void {
    this.hearts = this.hearts.filter((heart) => heart.id !== id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed mid-animation: no animationend will come for these.
    this.hearts = [];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-reactions': LiveShopReactions;
  }
}

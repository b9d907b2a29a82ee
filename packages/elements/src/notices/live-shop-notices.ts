import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LiveShopClient, Notice } from '@live-shop/core';
import { StoreController } from '../controllers/store-controller.js';
import { messagesOf } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { noticesStyles } from './live-shop-notices.styles.js';

/** The sentence a notice shows, in the element's language. */
export function noticeText(notice: Notice, t: Messages): string {
  return notice.kind === 'join'
    ? t.joinNotice(notice.names, notice.others)
    : t.purchaseNotice(notice.name, notice.product, notice.quantity, notice.others);
}

/**
 * The room's passing notices, one at a time and briefly: "A, B and 23 others joined", "张** just bought 2 × Coat".
 * The server sends at most one per kind per second; each shows for `duration` ms or until the next replaces it.
 * Notices present before the element connected are not shown (they are old news). The region is a polite live
 * region, so screen readers read each notice without interrupting. With `prefers-reduced-motion: reduce` a
 * notice appears without sliding in. Text only.
 *
 * @summary Join and purchase notices of a LiveShopClient's room.
 *
 * @csspart region - The live region holding the notice.
 * @csspart notice - The notice shown; also `join-notice` or `purchase-notice`.
 *
 * @cssprop [--live-shop-notices-text=#ffffff] - Text colour.
 * @cssprop [--live-shop-notices-background=rgb(0 0 0 / 0.6)] - Background of a join notice.
 * @cssprop [--live-shop-notices-purchase-background=rgb(159 18 57 / 0.85)] - Background of a purchase notice.
 */
export class LiveShopNotices extends LitElement {
  static override styles = noticesStyles;

  /** The client whose room notices this shows. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** How long one notice stays, in ms. */
  @property({ type: Number }) duration = 4000;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private current: Notice | null = null;

  readonly #notices = new StoreController<readonly Notice[]>(this, () => this.client?.$notices);
  /** Highest notice id already shown or skipped; null until the first value (which is history). */
  #seenId: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.current = null;
    this.#seenId = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.#seenId = null;
      this.current = null;
    }
    const list = this.#notices.value ?? [];
    const latest = list.at(-1);
    if (this.#seenId === null) {
      this.#seenId = latest?.id ?? 0;
      return;
    }
    if (latest && latest.id > this.#seenId) {
      this.#seenId = latest.id;
      this.current = latest;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.current = null;
      }, this.duration);
    }
  }

  override render() {
    const t = messagesOf(this, this.locale);
    const notice = this.current;
    return html`<div part="region" role="status" aria-live="polite" aria-label=${t.noticesLabel}>
      ${notice ? html`<span part="notice ${notice.kind}-notice" data-id=${notice.id}>${noticeText(notice, t)}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-notices': LiveShopNotices;
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { countFormat } from '@live-shop/protocol';
import { property, state } from 'lit/decorators.js';
import { verifyLottery, type LiveShopClient, type LotteryState, type LotteryVerification, type Viewer } from '@live-shop/core';
import { StoreController } from '../controllers/store-controller.js';
import { formatRemaining, SecondTicker } from '../countdown/time.js';
import { emit } from '../events.js';
import { featureMessagesOf } from '../i18n/locale.js';
import { lotteryStyles } from './live-shop-lottery.styles.js';
import * as lotteryMessages from './messages.js';
import type { LotteryText } from './messages.js';

let instances = 0;

/**
 * The room's lottery (giveaway): the prize, how many entered, the time to the draw, and an enter button (a chat
 * comment with the keyword enters too). At the draw it says whether this viewer won, and checks the draw in the
 * browser with `verifyLottery` from `@live-shop/core`: the revealed seed must hash to the commitment shown from
 * the start, and the winners must recompute from the seed and the published entrants. Shows nothing when the room
 * has no lottery; a viewer joining mid-way sees it from the snapshot.
 *
 * @summary Lottery / giveaway with a verifiable draw, for a LiveShopClient.
 *
 * @fires live-shop-lottery-enter - This viewer entered; detail `{ lotteryId, entrantId }`.
 *
 * @csspart lottery - The box (a labelled group).
 * @csspart title - "Giveaway".
 * @csspart prize - The prize.
 * @csspart meta - Entrants, winners and time to the draw (a polite live region).
 * @csspart keyword - How to enter by comment.
 * @csspart enter-button - The enter button (while open, not yet entered).
 * @csspart result - Entered / you won / not this time; also `result-won` when this viewer won.
 * @csspart verification - The outcome of checking the draw.
 * @csspart commitment - The start of the published commitment (sha256 of the seed).
 * @csspart error - Why entering failed.
 *
 * @cssprop [--live-shop-lottery-background=linear-gradient(135deg, rgb(124 58 237 / 0.85), rgb(225 29 72 / 0.85))] - Box background.
 * @cssprop [--live-shop-lottery-text=#ffffff] - Text colour.
 * @cssprop [--live-shop-lottery-button-background=#ffd36b] - Enter button background.
 * @cssprop [--live-shop-lottery-button-text=#3b0764] - Enter button text.
 * @cssprop [--live-shop-lottery-won=#ffd36b] - "You won" colour.
 * @cssprop [--live-shop-lottery-error=#ffe4e6] - Error text.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 */
export class LiveShopLottery extends LitElement {
  static override styles = lotteryStyles;

  /** The client whose room lottery this shows and enters. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private entering = false;
  @state() private error: string | null = null;
  /** The check of the drawn lottery, per lottery id. */
  @state() private verification: { lotteryId: string; result: LotteryVerification } | null = null;

  readonly #lottery = new StoreController<LotteryState | null>(this, () => this.client?.$lottery);
  readonly #viewer = new StoreController<Viewer | null>(this, () => this.client?.$viewer);
  /** Re-renders each second until the draw. */
  protected readonly ticker = new SecondTicker(this, () => {
    const lottery = this.#lottery.value;
    return lottery?.status === 'open' && this.client ? { at: lottery.endsAt, now: () => this.client!.serverNow() } : null;
  });
  readonly #id = `lslottery${++instances}`;
  #verifying: string | null = null;

  override render() {
    const lottery = this.#lottery.value;
    if (!lottery) return nothing;
    const t = featureMessagesOf(this, lotteryMessages, this.locale);
    const number = countFormat(t.locale);
    const open = lottery.status === 'open';
    const left = open && this.client ? lottery.endsAt - this.client.serverNow() : 0;
    const isHost = this.#viewer.value?.role === 'host';
    const meta = [t.lotteryEntries(number.format(lottery.entries)), t.lotteryWinnersCount(number.format(lottery.winnersCount))];
    if (open) meta.push(left > 0 ? t.lotteryDrawIn(formatRemaining(left)) : t.lotteryDrawing);
    else meta.push(t.lotteryDrawn);
    const verified = this.verification?.lotteryId === lottery.id ? this.verification.result : null;
    return html`
      <section part="lottery" role="group" aria-labelledby="${this.#id}-title ${this.#id}-prize">
        <p part="title" id="${this.#id}-title">${t.lotteryLabel}</p>
        <p part="prize" id="${this.#id}-prize">${t.lotteryPrize(lottery.prize)}</p>
        <p part="meta" aria-live="polite">${meta.join(' · ')}</p>
        ${open && lottery.keyword && lottery.entrantId === null && !isHost ? html`<p part="keyword">${t.lotteryKeyword(lottery.keyword)}</p>` : nothing}
        ${open && lottery.entrantId === null && !isHost
          ? html`<button part="enter-button" type="button" ?disabled=${this.entering || left <= 0} @click=${this.#enter}>${t.lotteryEnter}</button>`
          : nothing}
        ${this.#result(lottery, t)}
        ${verified ? html`<p part="verification" role="status">${verified.ok ? t.lotteryVerified : t.lotteryVerifyFailed}</p>` : nothing}
        <p part="commitment" title=${lottery.commitment}>${t.lotteryCommitment(lottery.commitment.slice(0, 12))}</p>
        ${this.error ? html`<p part="error" role="alert">${t.actionFailed(this.error)}</p>` : nothing}
      </section>
    `;
  }

  #result(lottery: LotteryState, t: LotteryText) {
    if (lottery.entrantId === null) return nothing;
    if (lottery.status === 'open') return html`<p part="result" role="status">${t.lotteryEntered}</p>`;
    return lottery.won
      ? html`<p part="result result-won" role="status">${t.lotteryYouWon}</p>`
      : html`<p part="result" role="status">${t.lotteryNotWon}</p>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const lottery = this.#lottery.value;
    if (!lottery || lottery.status !== 'drawn' || this.#verifying === lottery.id) return;
    this.#verifying = lottery.id;
    void verifyLottery(lottery).then((result) => {
      this.verification = { lotteryId: lottery.id, result };
    });
  }

  readonly #enter = async (): Promise<void> => {
    const lottery = this.#lottery.value;
    if (!this.client || !lottery || this.entering) return;
    this.entering = true;
    this.error = null;
    try {
      const entrantId = await this.client.engagement.enterLottery();
      emit(this, 'live-shop-lottery-enter', { lotteryId: lottery.id, entrantId });
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.entering = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-lottery': LiveShopLottery;
  }
}

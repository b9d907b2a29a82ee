import { LitElement, html, nothing } from 'lit';
import { countFormat } from '@live-shop/protocol';
import { cssProps } from '../css-props.js';
import { property, state } from 'lit/decorators.js';
import type { LiveShopClient, PollState, Viewer } from '@live-shop/core';
import { StoreController } from '../controllers/store-controller.js';
import { formatRemaining, SecondTicker } from '../countdown/time.js';
import { emit } from '../events.js';
import { featureMessagesOf } from '../i18n/locale.js';
import { pollStyles } from './live-shop-poll.styles.js';
import * as pollMessages from './messages.js';

let instances = 0;

/**
 * The room's poll: the question and one button per option. A viewer votes once (the server refuses a second vote);
 * after voting, once the poll closes, and always for the host, the live results show as bars and percentages
 * (updated at most about twice a second, as the server coalesces them). A viewer joining mid-poll sees it from the
 * room snapshot at once, with their own vote marked after a reconnect. Shows nothing when the room has no poll.
 *
 * The options are native buttons (Tab, Enter, Space); the own vote is `aria-pressed="true"`; the status line is a
 * polite live region.
 *
 * @summary Live poll for a LiveShopClient.
 *
 * @fires live-shop-poll-vote - The server accepted this viewer's vote; detail `{ pollId, option }`.
 *
 * @csspart poll - The poll box (a labelled group).
 * @csspart question - The question.
 * @csspart options - The list of options.
 * @csspart option - One option button; also `option-voted` for this viewer's choice.
 * @csspart option-label - The option text.
 * @csspart option-percent - Its share of the votes (when results show).
 * @csspart bar - The result bar behind the option (when results show).
 * @csspart status - Votes so far and time left, or "closed".
 * @csspart error - Why the vote failed.
 *
 * @cssprop [--live-shop-poll-background=rgb(0 0 0 / 0.7)] - Box background.
 * @cssprop [--live-shop-poll-text=#ffffff] - Text colour.
 * @cssprop [--live-shop-poll-option-background=rgb(255 255 255 / 0.08)] - Option background.
 * @cssprop [--live-shop-poll-option-border=rgb(255 255 255 / 0.5)] - Option border.
 * @cssprop [--live-shop-poll-bar=rgb(225 29 72 / 0.55)] - Result bar.
 * @cssprop [--live-shop-poll-error=#ffb4b4] - Error text.
 * @cssprop [--live-shop-accent=#e11d48] - Border of the own vote.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 */
export class LiveShopPoll extends LitElement {
  static override styles = pollStyles;

  /** The client whose room poll this shows and votes in. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private voting = false;
  @state() private error: string | null = null;

  readonly #poll = new StoreController<PollState | null>(this, () => this.client?.$poll);
  readonly #viewer = new StoreController<Viewer | null>(this, () => this.client?.$viewer);
  /** Re-renders each second while a timed poll runs. */
  protected readonly ticker = new SecondTicker(this, () => {
    const poll = this.#poll.value;
    return poll?.status === 'open' && poll.endsAt !== null && this.client ? { at: poll.endsAt, now: () => this.client!.serverNow() } : null;
  });
  readonly #id = `lspoll${++instances}`;

  override render() {
    const poll = this.#poll.value;
    if (!poll) return nothing;
    const t = featureMessagesOf(this, pollMessages, this.locale);
    const closed = poll.status === 'closed';
    const voted = poll.myVote !== null;
    const showResults = voted || closed || this.#viewer.value?.role === 'host';
    const number = countFormat(t.locale);
    const percent = new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 0 });
    const left = poll.endsAt !== null && this.client ? poll.endsAt - this.client.serverNow() : null;
    const status = closed
      ? `${t.pollClosed} · ${t.pollVotes(number.format(poll.total))}`
      : left !== null && left > 0
        ? `${t.pollVotes(number.format(poll.total))} · ${t.pollEndsIn(formatRemaining(left))}`
        : t.pollVotes(number.format(poll.total));
    return html`
      <section part="poll" role="group" aria-labelledby="${this.#id}-q">
        <h3 part="question" id="${this.#id}-q"><span class="visually-hidden">${t.pollLabel}: </span>${poll.question}</h3>
        <ul part="options">
          ${poll.options.map((option, index) => {
            const share = poll.total > 0 ? (poll.counts[index] ?? 0) / poll.total : 0;
            const mine = poll.myVote === index;
            return html`<li>
              <button
                part=${mine ? 'option option-voted' : 'option'}
                type="button"
                aria-pressed=${mine ? 'true' : 'false'}
                aria-label=${showResults ? t.pollOptionResult(option, percent.format(share)) : option}
                ?disabled=${closed || voted || this.voting}
                @click=${() => this.#vote(poll.id, index)}
              >
                ${showResults ? html`<span part="bar" ${cssProps({ '--share': `${Math.round(share * 100)}%` })}></span>` : nothing}
                <span part="option-label">${option}</span>
                ${showResults ? html`<span part="option-percent" aria-hidden="true">${percent.format(share)}</span>` : nothing}
              </button>
            </li>`;
          })}
        </ul>
        <p part="status" aria-live="polite">${mineNote(poll, t.pollYourVote)}${status}</p>
        ${this.error ? html`<p part="error" role="alert">${t.actionFailed(this.error)}</p>` : nothing}
      </section>
    `;
  }

  async #vote(pollId: string, option: number): Promise<void> {
    if (!this.client || this.voting) return;
    this.voting = true;
    this.error = null;
    try {
      await this.client.engagement.vote(option);
      emit(this, 'live-shop-poll-vote', { pollId, option });
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.voting = false;
    }
  }
}

function mineNote(poll: PollState, label: string): string {
  const option = poll.myVote === null ? undefined : poll.options[poll.myVote];
  return option === undefined ? '' : `${label}: ${option} · `;
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-poll': LiveShopPoll;
  }
}

import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveShopClient, Viewer } from '@live-shop/core';
import { MAX_QUESTION_LENGTH, type Question } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import { featureMessagesOf } from '../i18n/locale.js';
import { questionsStyles } from './live-shop-questions.styles.js';
import * as questionsMessages from './messages.js';
import type { QuestionsText } from './messages.js';

let instances = 0;

/**
 * Q&A with the host: viewers ask (`client.askQuestion`), everyone sees the latest questions and the host's
 * answers; the host and moderators mark questions answered, and the host pins one (shown over the video by
 * `<live-shop-chat>`). Questions and names are rendered as text only. A refusal (muted, blocked word, rate
 * limit) shows below the field, and the text stays for another try.
 *
 * @summary Viewer questions and host answers for a LiveShopClient.
 *
 * @fires live-shop-question-ask - The server accepted this viewer's question. `detail: { text }`.
 *
 * @csspart title - The heading.
 * @csspart questions - The list of questions.
 * @csspart question - One question; also `answered-question`, and `pinned-question` for the pinned one.
 * @csspart question-author - The asker's name.
 * @csspart question-text - The question.
 * @csspart answered-badge - The "Answered" mark.
 * @csspart pinned-badge - The mark on the pinned question.
 * @csspart answer - The host's written answer.
 * @csspart actions - (host/moderator) The buttons of a question.
 * @csspart answer-button - Marks the question answered.
 * @csspart pin-button - (host) Pins the question.
 * @csspart unpin-button - (host) Unpins it.
 * @csspart empty - Shown when there are no questions.
 * @csspart form - The ask form.
 * @csspart input - The question field.
 * @csspart ask-button - The ask button.
 * @csspart error - Why the last question or action failed.
 *
 * @cssprop [--live-shop-surface=#ffffff] - Background.
 * @cssprop [--live-shop-text=#1a1a1a] - Text colour.
 * @cssprop [--live-shop-muted=#6b6b6b] - Answers and the empty text.
 * @cssprop [--live-shop-border=#d9d9d9] - Question borders.
 * @cssprop [--live-shop-accent=#e11d48] - Ask button and the pinned question's mark.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on the accent.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 */
export class LiveShopQuestions extends LitElement {
  static override styles = questionsStyles;

  /** The client whose room Q&A this shows. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** How many of the latest questions to show. */
  @property({ type: Number }) max = 10;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private busy = false;
  @state() private error: string | null = null;

  readonly #questions = new StoreController<readonly Question[]>(this, () => this.client?.$questions);
  readonly #pinned = new StoreController<Question | null>(this, () => this.client?.$pinnedQuestion);
  readonly #viewer = new StoreController<Viewer | null>(this, () => this.client?.$viewer);
  readonly #id = `lsqa${++instances}`;

  override render() {
    const t = featureMessagesOf(this, questionsMessages, this.locale);
    const all = this.#questions.value ?? [];
    const shown = this.max > 0 ? all.slice(-this.max) : [];
    const role = this.#viewer.value?.role;
    const pinnedId = this.#pinned.value?.id ?? null;
    return html`
      <h2 part="title" id="${this.#id}-title">${t.questionsLabel}</h2>
      ${shown.length === 0
        ? html`<p part="empty">${t.noQuestions}</p>`
        : html`<ol part="questions" aria-labelledby="${this.#id}-title">
            ${repeat(shown, (q) => q.id, (q) => this.#renderQuestion(q, q.id === pinnedId, role, t))}
          </ol>`}
      <form part="form" @submit=${this.#onSubmit}>
        <label class="visually-hidden" for="${this.#id}-input">${t.questionInputLabel}</label>
        <input
          part="input"
          id="${this.#id}-input"
          type="text"
          autocomplete="off"
          maxlength=${MAX_QUESTION_LENGTH}
          placeholder=${t.questionPlaceholder}
          aria-describedby="${this.#id}-error"
          ?disabled=${!this.client}
        />
        <button part="ask-button" type="submit" ?disabled=${!this.client || this.busy} aria-busy=${this.busy}>${t.ask}</button>
      </form>
      <p part="error" id="${this.#id}-error" aria-live="assertive">${this.error ? t.askFailed(this.error) : ''}</p>
    `;
  }

  #renderQuestion(q: Question, pinned: boolean, role: string | undefined, t: QuestionsText) {
    const parts = ['question', q.answer !== null ? 'answered-question' : '', pinned ? 'pinned-question' : ''].filter(Boolean).join(' ');
    const moderator = role === 'host' || role === 'moderator';
    return html`<li part=${parts}>
      <span part="question-author">${q.name}</span><span part="question-text">${q.text}</span>${q.answer !== null
        ? html`<span part="answered-badge">${t.answered}</span>`
        : nothing}${pinned ? html`<span part="pinned-badge">${t.pinnedQuestionLabel}</span>` : nothing}
      ${q.answer ? html`<p part="answer">${q.answer}</p>` : nothing}
      ${moderator
        ? html`<div part="actions">
            ${q.answer === null
              ? html`<button part="answer-button" type="button" @click=${() => this.#act(() => this.client?.answerQuestion(q.id))}>
                  ${t.answerQuestion}
                </button>`
              : nothing}
            ${role === 'host'
              ? pinned
                ? html`<button part="unpin-button" type="button" @click=${() => this.#act(() => this.client?.unpinQuestion())}>${t.unpinQuestion}</button>`
                : html`<button part="pin-button" type="button" @click=${() => this.#act(() => this.client?.pinQuestion(q.id))}>${t.pinQuestion}</button>`
              : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  async #act(action: () => Promise<unknown> | undefined): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part="input"]');
    if (!client || !input || this.busy) return;
    const text = input.value.trim();
    if (!text) return;
    this.busy = true;
    this.error = null;
    try {
      await client.askQuestion(text);
      input.value = '';
      emit(this, 'live-shop-question-ask', { text });
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-questions': LiveShopQuestions;
  }
}

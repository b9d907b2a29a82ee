import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveShopClient, Viewer } from '@live-shop/core';
import { MAX_CHAT_LENGTH, type ChatMessage, type PinnedMessage, type Question } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit, type MessageModerateDetail } from '../events.js';
import { messagesOf } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { LazyDanmaku } from './danmaku-lazy.js';
import { chatStyles } from './live-shop-chat.styles.js';

let instances = 0;

/** How the chat shows messages: a strip of the latest ones, or bullet comments flying across the video. */
export type ChatMode = 'list' | 'danmaku';

/** How long the mute button of the moderation controls mutes for. */
export const MUTE_MINUTES = 10;

/**
 * The room's chat: the last few messages and a field to write one, the host's pinned message above them,
 * and, in `mode="danmaku"`, the messages flying across the video as bullet comments.
 *
 * Every name and message is rendered as text, never as markup. Sending goes through `client.sendChat`; a
 * refusal (rate limit, muted, blocked word, closed connection) shows below the field.
 *
 * Danmaku: new messages fly right to left in lanes (`lanes`), all at one speed so a lane's comments never
 * overlap; the layer covers the nearest positioned ancestor (inside `<live-shop-player>`: the video). With
 * `prefers-reduced-motion: reduce` the chat falls back to the list. Screen readers get the same messages from
 * a visually hidden log. The host and moderators see the list in both modes, with moderation controls on each
 * message: delete, mute for {@link MUTE_MINUTES} minutes, ban (asks to confirm). They are native buttons
 * (Tab, Enter, Space; Escape closes them).
 *
 * @summary Live chat strip and danmaku overlay for a LiveShopClient.
 *
 * @fires live-shop-message-moderate - The server carried out a moderation action. `detail: { action, messageId, authorId? }`.
 *
 * @csspart pinned-message - The host's pinned message above the chat.
 * @csspart pinned-label - The "Pinned" mark in it (and the "The host is answering" mark of the pinned question).
 * @csspart pinned-question - The viewer question the host pinned (see `<live-shop-questions>`).
 * @csspart messages - The message list (inside the `role="log"` live region).
 * @csspart message - One message; also `host-message` for the host's and `system-message` for the room's.
 * @csspart author - The author's name.
 * @csspart host-badge - The "Host" mark before the host's name.
 * @csspart text - The message text.
 * @csspart moderate-button - (host/moderator) Opens the moderation controls of a message.
 * @csspart moderation - (host/moderator) The moderation controls of a message.
 * @csspart delete-button - Deletes the message for everyone.
 * @csspart mute-button - Mutes its author.
 * @csspart ban-button - Bans its author (after a confirmation).
 * @csspart confirm-ban-button - Confirms the ban.
 * @csspart cancel-button - Cancels the ban.
 * @csspart moderation-error - Why a moderation action failed.
 * @csspart danmaku - The bullet-comment layer over the video (`mode="danmaku"`).
 * @csspart bullet - One bullet comment; also `host-bullet` for the host's.
 * @csspart form - The send form.
 * @csspart input - The message field.
 * @csspart send-button - The send button.
 * @csspart error - Why the last message could not be sent (an aria-live region).
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family.
 * @cssprop [--live-shop-radius=12px] - Bubble corner radius.
 * @cssprop [--live-shop-accent=#e11d48] - Send button and host badge.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on the accent.
 * @cssprop [--live-shop-chat-text=#ffffff] - Message text colour.
 * @cssprop [--live-shop-chat-author=#ffd36b] - Author name colour.
 * @cssprop [--live-shop-chat-background=rgb(0 0 0 / 0.65)] - Bubble background.
 * @cssprop [--live-shop-chat-host-background=rgb(225 29 72 / 0.6)] - Host bubble background.
 * @cssprop [--live-shop-chat-input-background=rgb(0 0 0 / 0.35)] - Field background.
 * @cssprop [--live-shop-chat-error=#ffb4b4] - Error text colour.
 * @cssprop [--live-shop-chat-pinned-background=rgb(0 0 0 / 0.55)] - Pinned message background.
 * @cssprop [--live-shop-danmaku-top=8%] - Where the danmaku layer starts, from the top of the video.
 * @cssprop [--live-shop-danmaku-lane-height=30px] - Height of one danmaku lane.
 * @cssprop [--live-shop-danmaku-text=#ffffff] - Bullet comment colour.
 * @cssprop [--live-shop-danmaku-host-text=#ffd36b] - The host's bullet comment colour.
 */
export class LiveShopChat extends LitElement {
  static override styles = chatStyles;

  /** The client whose room chat this shows and sends to. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** How many of the latest messages to show in the list. */
  @property({ type: Number }) max = 6;

  /** `list` (default): the latest messages as a strip. `danmaku`: new messages fly across the video. */
  @property({ reflect: true }) mode: ChatMode = 'list';

  /** Danmaku lanes (rows). */
  @property({ type: Number }) lanes = 5;

  /** Danmaku speed, in px per second (every comment moves at the same speed). */
  @property({ type: Number, attribute: 'danmaku-speed' }) danmakuSpeed = 120;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private sending = false;
  @state() private error: string | null = null;
  @state() private reducedMotion = false;
  /** Message whose moderation controls are open, and whether its ban waits for confirmation. */
  @state() private moderating: { id: string; confirmBan: boolean } | null = null;
  @state() private moderationError: string | null = null;

  readonly #chat = new StoreController<readonly ChatMessage[]>(this, () => this.client?.$chat);
  readonly #viewer = new StoreController<Viewer | null>(this, () => this.client?.$viewer);
  readonly #pinned = new StoreController<PinnedMessage | null>(this, () => this.client?.$pinnedMessage);
  readonly #pinnedQuestion = new StoreController<Question | null>(this, () => this.client?.$pinnedQuestion);
  /** Its code loads the first time the chat flies comments. */
  readonly #danmaku = new LazyDanmaku(
    this,
    () => this.renderRoot.querySelector<HTMLElement>('[part="danmaku"]'),
    () => this.client?.serverNow() ?? Date.now(),
  );
  readonly #id = `lschat${++instances}`;
  #motionQuery: MediaQueryList | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof matchMedia === 'function') {
      this.#motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
      this.reducedMotion = this.#motionQuery.matches;
      this.#motionQuery.addEventListener('change', this.#onMotionChange);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#motionQuery?.removeEventListener('change', this.#onMotionChange);
    this.#motionQuery = null;
    this.#danmaku.clear();
  }

  /** The mode in effect: danmaku falls back to the list when the viewer asked for reduced motion. */
  get effectiveMode(): ChatMode {
    return this.mode === 'danmaku' && !this.reducedMotion ? 'danmaku' : 'list';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#danmaku.reset();
    const flying = this.effectiveMode === 'danmaku';
    this.#danmaku.configure({ lanes: this.lanes, speed: this.danmakuSpeed, enabled: flying });
    this.#danmaku.sync(this.#chat.value ?? []);
  }

  override render() {
    const t = messagesOf(this, this.locale);
    const all = this.#chat.value ?? [];
    const shown = this.max > 0 ? all.slice(-this.max) : [];
    const role = this.#viewer.value?.role;
    const moderator = role === 'host' || role === 'moderator';
    const flying = this.effectiveMode === 'danmaku';
    const pinned = this.#pinned.value;
    const question = this.#pinnedQuestion.value;
    return html`
      ${pinned
        ? html`<p part="pinned-message"><span part="pinned-label">${t.pinnedMessageLabel}</span><span part="pinned-text">${pinned.text}</span></p>`
        : nothing}
      ${question
        ? html`<p part="pinned-question"><span part="pinned-label">${t.pinnedQuestionLabel}</span><span part="author">${question.name}</span><span part="text">${question.text}</span></p>`
        : nothing}
      ${flying ? this.#renderDanmaku(t) : nothing}
      <div role="log" aria-live="polite" aria-label=${t.chatLabel} class=${flying && !moderator ? 'visually-hidden' : ''}>
        <ol part="messages">
          ${repeat(
            shown,
            (message) => message.id,
            (message) => html`
              <li part=${message.role === 'viewer' ? 'message' : `message ${message.role}-message`}>
                ${message.role === 'host' ? html`<span part="host-badge">${t.host}</span>` : nothing}<span part="author">${message.name}</span><span part="text">${message.text}</span>${moderator
                  ? this.#renderModeration(message, t)
                  : nothing}
              </li>
            `,
          )}
        </ol>
      </div>
      ${moderator ? html`<p part="moderation-error" role="status">${this.moderationError ? t.moderationFailed(this.moderationError) : ''}</p>` : nothing}
      <form part="form" @submit=${this.#onSubmit}>
        <label class="visually-hidden" for="${this.#id}-input">${t.chatInputLabel}</label>
        <input
          part="input"
          id="${this.#id}-input"
          name="text"
          type="text"
          autocomplete="off"
          enterkeyhint="send"
          maxlength=${MAX_CHAT_LENGTH}
          placeholder=${t.chatPlaceholder}
          aria-describedby="${this.#id}-error"
          ?disabled=${!this.client}
        />
        <button part="send-button" type="submit" ?disabled=${!this.client || this.sending} aria-busy=${this.sending}>${t.send}</button>
      </form>
      <p part="error" id="${this.#id}-error" aria-live="assertive">${this.error ? t.sendFailed(this.error) : ''}</p>
    `;
  }

  protected override updated(): void {
    this.#danmaku.launch();
  }

  #renderDanmaku(t: Messages) {
    // Decorative: the same messages are in the log for assistive technology.
    return html`<div part="danmaku" aria-hidden="true" data-label=${t.danmakuLabel}>
      ${repeat(
        this.#danmaku.bullets,
        (bullet) => bullet.message.id,
        (bullet) => html`<span
          part=${bullet.message.role === 'host' ? 'bullet host-bullet' : 'bullet'}
          data-id=${bullet.message.id}
          data-lane=${bullet.lane}
          ><span part="bullet-author">${bullet.message.name}</span>${bullet.message.text}</span
        >`,
      )}
    </div>`;
  }

  #renderModeration(message: ChatMessage, t: Messages) {
    const open = this.moderating?.id === message.id;
    const menuId = `${this.#id}-mod-${message.id}`;
    // Sanctions act on viewers: the host's and moderators' own messages can only be deleted.
    const sanctionable = message.role === 'viewer' && message.authorId !== undefined;
    return html`<button
        part="moderate-button"
        type="button"
        aria-label=${t.moderateMessage(message.name)}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${menuId}
        data-message=${message.id}
        @click=${() => this.#toggleModeration(message.id)}
      >
        ⋯
      </button>
      ${open
        ? html`<span part="moderation" id=${menuId} role="group" aria-label=${t.moderateMessage(message.name)} @keydown=${this.#onModerationKey}>
            ${this.moderating?.confirmBan
              ? html`<span part="confirm-text">${t.confirmBan(message.name)}</span>
                  <button part="confirm-ban-button" type="button" @click=${() => this.#act(message, 'ban', () => this.client?.banAuthor(message.authorId ?? ''))}>
                    ${t.confirmAction}
                  </button>
                  <button part="cancel-button" type="button" @click=${() => this.#cancelBan()}>${t.cancelAction}</button>`
              : html`<button part="delete-button" type="button" @click=${() => this.#act(message, 'delete', () => this.client?.deleteMessage(message.id))}>
                    ${t.deleteMessage}
                  </button>
                  ${sanctionable
                    ? html`<button
                          part="mute-button"
                          type="button"
                          @click=${() => this.#act(message, 'mute', () => this.client?.muteAuthor(message.authorId ?? '', MUTE_MINUTES * 60_000))}
                        >
                          ${t.muteAuthor(MUTE_MINUTES)}
                        </button>
                        <button part="ban-button" type="button" @click=${() => this.#askBan(message.id)}>${t.banAuthor}</button>`
                    : nothing}`}
          </span>`
        : nothing}`;
  }

  #toggleModeration(messageId: string): void {
    this.moderationError = null;
    this.moderating = this.moderating?.id === messageId ? null : { id: messageId, confirmBan: false };
    if (this.moderating) void this.#focusIn('[part="moderation"] button');
  }

  #askBan(messageId: string): void {
    this.moderating = { id: messageId, confirmBan: true };
    void this.#focusIn('[part="cancel-button"]');
  }

  #cancelBan(): void {
    const id = this.moderating?.id;
    if (!id) return;
    this.moderating = { id, confirmBan: false };
    void this.#focusIn('[part="ban-button"]');
  }

  async #focusIn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #onModerationKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    const id = this.moderating?.id;
    this.moderating = null;
    if (id) void this.#focusIn(`[part="moderate-button"][data-message="${CSS.escape(id)}"]`);
  };

  async #act(message: ChatMessage, kind: MessageModerateDetail['action'], action: () => Promise<unknown> | undefined): Promise<void> {
    this.moderationError = null;
    try {
      await action();
      this.moderating = null;
      emit(this, 'live-shop-message-moderate', {
        action: kind,
        messageId: message.id,
        ...(message.authorId === undefined ? {} : { authorId: message.authorId }),
      });
    } catch (error) {
      this.moderationError = error instanceof Error ? error.message : String(error);
    }
  }

  #onMotionChange = (event: MediaQueryListEvent): void => {
    this.reducedMotion = event.matches;
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part="input"]');
    if (!client || !input || this.sending) return;
    const text = input.value.trim();
    if (!text) return;
    this.sending = true;
    this.error = null;
    try {
      await client.sendChat(text);
      input.value = '';
    } catch (error) {
      // Shown to the viewer, who can edit and resend; the text stays in the field.
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.sending = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-chat': LiveShopChat;
  }
}

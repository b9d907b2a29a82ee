import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveShopClient } from '@live-shop/core';
import { MAX_CHAT_LENGTH, type ChatMessage } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { messagesOf } from '../i18n/locale.js';
import { chatStyles } from './live-shop-chat.styles.js';

let instances = 0;

/**
 * The room's chat as a strip: the last few messages and a field to write one.
 *
 * Every name and message is rendered as text, never as markup. Sending goes through
 * `client.sendChat`; a refusal (rate limit, empty text, closed connection) shows below the field.
 *
 * @summary Live chat strip for a LiveShopClient.
 *
 * @csspart messages - The message list (inside the `role="log"` live region).
 * @csspart message - One message; also `host-message` for the host's and `system-message` for the room's.
 * @csspart author - The author's name.
 * @csspart host-badge - The "Host" mark before the host's name.
 * @csspart text - The message text.
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
 * @cssprop [--live-shop-chat-background=rgb(0 0 0 / 0.4)] - Bubble background.
 * @cssprop [--live-shop-chat-host-background=rgb(225 29 72 / 0.6)] - Host bubble background.
 * @cssprop [--live-shop-chat-input-background=rgb(0 0 0 / 0.35)] - Field background.
 * @cssprop [--live-shop-chat-error=#ffb4b4] - Error text colour.
 */
export class LiveShopChat extends LitElement {
  static override styles = chatStyles;

  /** The client whose room chat this shows and sends to. */
  @property({ attribute: false }) client: LiveShopClient | null = null;

  /** How many of the latest messages to show. */
  @property({ type: Number }) max = 6;

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor, then the browser's. */
  @property() locale: string | null = null;

  @state() private sending = false;
  @state() private error: string | null = null;

  readonly #chat = new StoreController<readonly ChatMessage[]>(this, () => this.client?.$chat);
  readonly #id = `lschat${++instances}`;

  override render() {
    const t = messagesOf(this, this.locale);
    const all = this.#chat.value ?? [];
    const shown = this.max > 0 ? all.slice(-this.max) : [];
    return html`
      <div role="log" aria-live="polite" aria-label=${t.chatLabel}>
        <ol part="messages">
          ${repeat(
            shown,
            (message) => message.id,
            (message) => html`
              <li part=${message.role === 'viewer' ? 'message' : `message ${message.role}-message`}>
                ${message.role === 'host' ? html`<span part="host-badge">${t.host}</span>` : nothing}<span part="author">${message.name}</span><span part="text">${message.text}</span>
              </li>
            `,
          )}
        </ol>
      </div>
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

import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const chatStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--live-shop-chat-text, #ffffff);
      font-size: 0.85rem;
    }
    [part='messages'] {
      list-style: none;
      margin: 0 0 6px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
      /* The strip fades out at its top edge so older lines leave quietly. */
      mask-image: linear-gradient(to bottom, transparent 0, #000 24px);
    }
    [part~='message'] {
      align-self: flex-start;
      max-width: 100%;
      padding: 3px 10px;
      border-radius: var(--live-shop-radius, 12px);
      background: var(--live-shop-chat-background, rgb(0 0 0 / 0.4));
      overflow-wrap: anywhere;
      text-shadow: 0 1px 2px rgb(0 0 0 / 0.4);
    }
    [part~='author'] {
      font-weight: 600;
      color: var(--live-shop-chat-author, #ffd36b);
      margin-right: 6px;
    }
    [part~='host-badge'] {
      display: inline-block;
      margin-right: 4px;
      padding: 0 6px;
      border-radius: 999px;
      font-size: 0.8em;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
    }
    [part~='host-message'] {
      background: var(--live-shop-chat-host-background, rgb(225 29 72 / 0.6));
    }
    [part='form'] {
      display: flex;
      gap: 6px;
    }
    [part='input'] {
      flex: 1;
      min-width: 0;
      font: inherit;
      padding: 7px 12px;
      border-radius: 999px;
      border: 1px solid rgb(255 255 255 / 0.35);
      background: var(--live-shop-chat-input-background, rgb(0 0 0 / 0.35));
      color: inherit;
    }
    [part='input']::placeholder {
      color: rgb(255 255 255 / 0.7);
    }
    [part='send-button'] {
      border: 0;
      padding: 7px 12px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 600;
    }
    [part='error'] {
      margin: 4px 0 0;
      color: var(--live-shop-chat-error, #ffb4b4);
      font-size: 0.85em;
    }
    [part='error']:empty {
      display: none;
    }
  `,
];

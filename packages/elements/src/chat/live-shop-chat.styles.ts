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
      /* Opaque enough that white and the gold author names keep 4.5:1 over a light page (the side layout) too. */
      background: var(--live-shop-chat-background, rgb(0 0 0 / 0.65));
      overflow-wrap: anywhere;
      /* Dark enough to hold the text's contrast over any picture (axe measures against the shadow). */
      text-shadow: 0 1px 2px rgb(0 0 0 / 0.8);
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
    [part='pinned-message'],
    [part='pinned-question'] {
      margin: 0 0 6px;
      padding: 4px 10px;
      border-radius: var(--live-shop-radius, 12px);
      background: var(--live-shop-chat-pinned-background, rgb(0 0 0 / 0.55));
      overflow-wrap: anywhere;
    }
    [part='pinned-label'] {
      display: inline-block;
      margin-right: 6px;
      padding: 0 6px;
      border-radius: 999px;
      font-size: 0.8em;
      font-weight: 600;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
    }
    [part='moderate-button'] {
      margin-left: 6px;
      min-width: 24px;
      min-height: 24px;
      padding: 0 6px;
      border: 0;
      border-radius: 999px;
      background: rgb(255 255 255 / 0.2);
      color: inherit;
      line-height: 1;
    }
    [part='moderation'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
      margin-top: 4px;
    }
    [part='moderation'] button {
      border: 0;
      padding: 3px 10px;
      border-radius: 999px;
      background: rgb(255 255 255 / 0.92);
      color: #1a1a1a;
      font-size: 0.85em;
    }
    [part='moderation'] [part='ban-button'],
    [part='moderation'] [part='confirm-ban-button'] {
      background: #b91c1c;
      color: #ffffff;
    }
    [part='moderation-error'] {
      margin: 0 0 4px;
      color: var(--live-shop-chat-error, #ffb4b4);
      font-size: 0.85em;
    }
    [part='moderation-error']:empty {
      display: none;
    }
    /* Danmaku: a layer over the nearest positioned ancestor (the player's video area); taps fall through. */
    [part='danmaku'] {
      position: absolute;
      inset-inline: 0;
      top: var(--live-shop-danmaku-top, 8%);
      height: calc(var(--lanes, 5) * var(--live-shop-danmaku-lane-height, 30px));
      overflow: hidden;
      pointer-events: none;
      contain: layout paint;
    }
    [part~='bullet'] {
      position: absolute;
      left: 100%;
      top: calc(var(--lane, 0) * var(--live-shop-danmaku-lane-height, 30px));
      line-height: var(--live-shop-danmaku-lane-height, 30px);
      white-space: nowrap;
      font-size: 1rem;
      font-weight: 600;
      color: var(--live-shop-danmaku-text, #ffffff);
      text-shadow: 0 0 2px rgb(0 0 0 / 0.9), 0 1px 3px rgb(0 0 0 / 0.8);
      will-change: transform;
    }
    [part~='host-bullet'] {
      color: var(--live-shop-danmaku-host-text, #ffd36b);
    }
    [part='bullet-author'] {
      margin-right: 6px;
      opacity: 0.8;
      font-weight: 400;
    }
  `,
];

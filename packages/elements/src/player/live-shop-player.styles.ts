import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';
import { playerFrameStyles } from './frame.styles.js';

/** The player's styles: the shared base, its box and video ({@link playerFrameStyles}), then everything else. */
export const playerStyles = [
  baseStyles,
  playerFrameStyles,
  css`
    :host([layout='side']) .bottom {
      position: absolute;
      inset-block: 0;
      inset-inline-start: 100%;
      width: var(--live-shop-side-width, 320px);
      max-width: none;
      justify-content: flex-end;
      padding: 12px;
      background: var(--live-shop-side-background, #18181b);
    }
    /* Floating miniplayer: fixed to a corner of the viewport (logical insets, so RTL docks mirror), over the page. */
    :host([miniplayer]) {
      position: fixed;
      z-index: var(--live-shop-miniplayer-z-index, 2147483000);
      inset: auto;
      /* !important: a page's own width for the full-size player (often inline) must not apply while floating. */
      inline-size: min(var(--live-shop-miniplayer-width, 320px), calc(100vw - 2 * var(--live-shop-miniplayer-margin, 16px))) !important;
      block-size: auto !important;
      aspect-ratio: var(--live-shop-aspect-ratio, 16 / 9) !important;
      max-block-size: calc(100vh - 2 * var(--live-shop-miniplayer-margin, 16px)) !important;
      max-inline-size: none;
      margin: 0 !important;
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.45);
    }
    :host([miniplayer][layout='vertical']) {
      inline-size: min(calc(var(--live-shop-miniplayer-width, 320px) * 0.6), calc(100vw - 2 * var(--live-shop-miniplayer-margin, 16px))) !important;
      aspect-ratio: var(--live-shop-aspect-ratio, 9 / 16) !important;
    }
    :host([miniplayer]:not([miniplayer-dock^='start'])) {
      inset-block-end: var(--live-shop-miniplayer-margin, 16px);
    }
    :host([miniplayer][miniplayer-dock^='start']) {
      inset-block-start: var(--live-shop-miniplayer-margin, 16px);
    }
    :host([miniplayer]:not([miniplayer-dock$='-start'])) {
      inset-inline-end: var(--live-shop-miniplayer-margin, 16px);
    }
    :host([miniplayer][miniplayer-dock$='-start']) {
      inset-inline-start: var(--live-shop-miniplayer-margin, 16px);
    }
    :host([miniplayer-dragging]) {
      cursor: grabbing;
    }
    /* Small and floating: the video, its badge and controls, the pinned card; the rest waits for the full player. */
    :host([miniplayer]) [part='chat'],
    :host([miniplayer]) [part='reactions'],
    :host([miniplayer]) [part='volume'],
    :host([miniplayer]) [part='viewer-count'],
    :host([miniplayer]) [part='latency'],
    :host([miniplayer]) [part='quality'] {
      display: none;
    }
    /* A 16:9 window this small is all video: the card comes back with the full player (the bag stays). */
    :host([miniplayer]:not([layout='vertical'])) [part='card'] {
      display: none;
    }
    :host([miniplayer][layout='side']) [part='video'],
    :host([miniplayer][layout='side']) [part='overlay'] {
      width: 100%;
    }
    :host([miniplayer][layout='side']) .bottom {
      display: none;
    }
    [part='miniplayer-handle'] {
      position: absolute;
      inset-block-start: 0;
      inset-inline-start: 50%;
      translate: -50% 0;
      z-index: 1;
      display: grid;
      place-items: center;
      inline-size: 56px;
      block-size: 22px;
      padding: 0;
      border: 0;
      border-end-start-radius: 10px;
      border-end-end-radius: 10px;
      background: var(--live-shop-badge-background, rgb(0 0 0 / 0.5));
      color: inherit;
      cursor: grab;
      touch-action: none;
    }
    :host(:dir(rtl)) [part='miniplayer-handle'] {
      translate: 50% 0;
    }
    [part='quality'] {
      block-size: 28px;
      max-inline-size: 88px;
      border: 0;
      border-radius: 999px;
      padding-inline: 8px;
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: 0.8rem;
    }
    [part='quality'] option {
      color: #1a1a1a;
    }
    /* Themes set the defaults of the panels' custom properties; a page's own values still win. */
    :host([theme='dark']) {
      --live-shop-surface: #1c1c1e;
      --live-shop-text: #f2f2f7;
      --live-shop-muted: #a1a1aa;
      --live-shop-muted-surface: #2c2c2e;
      --live-shop-border: #3f3f46;
      --live-shop-input-background: #2c2c2e;
      --live-shop-disabled: #52525b;
      --live-shop-danger: #ff8a8a;
      --live-shop-accent: #fb7185;
      --live-shop-accent-contrast: #1a1a1a;
      --live-shop-focus-ring: #8ab4ff;
      color-scheme: dark;
    }
    [part='overlay'] {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      justify-content: space-between;
      gap: 8px;
      padding: 12px;
      /* Taps fall through to the video except on the controls themselves. */
      pointer-events: none;
    }
    [part='overlay'] button,
    [part='overlay'] input,
    [part='overlay'] select,
    [part='overlay'] product-card,
    [part='overlay'] live-shop-chat {
      pointer-events: auto;
    }
    [part='video']:focus-visible {
      outline-offset: -3px;
    }
    .top {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      flex-wrap: wrap;
    }
    [part='live-badge'] {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 3px 10px;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 700;
      letter-spacing: 0.04em;
      background: var(--live-shop-badge-background, rgb(0 0 0 / 0.5));
    }
    [part='live-badge'].live {
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
    }
    [part='live-badge'].live::before {
      content: '';
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: currentColor;
      animation: pulse 1.4s ease-in-out infinite;
    }
    [part='reactions'] {
      position: absolute;
      inset-inline-end: 12px;
      /* Above the bag button (44px + 12px gap), clear of the chat on the left. */
      inset-block-end: 68px;
    }
    [part='viewer-count'],
    [part='latency'] {
      align-self: center;
      font-size: 0.75rem;
      padding: 3px 8px;
      border-radius: 999px;
      background: var(--live-shop-badge-background, rgb(0 0 0 / 0.5));
      font-variant-numeric: tabular-nums;
    }
    [part='controls'] {
      display: flex;
      align-items: center;
      gap: 4px;
      margin-inline-start: auto;
      padding: 2px;
      border-radius: 999px;
      background: var(--live-shop-badge-background, rgb(0 0 0 / 0.5));
    }
    [part~='control'] {
      display: inline-grid;
      place-items: center;
      width: 32px;
      height: 32px;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: inherit;
    }
    [part~='control']:hover {
      background: rgb(255 255 255 / 0.15);
    }
    [part='volume'] {
      width: 72px;
      accent-color: var(--live-shop-accent, #e11d48);
    }
    [part='shelf-button'] {
      position: absolute;
      inset-inline-end: 12px;
      inset-block-end: 12px;
      display: inline-grid;
      place-items: center;
      width: 44px;
      height: 44px;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    }
    [part='shelf-count'] {
      position: absolute;
      inset-block-start: -4px;
      inset-inline-end: -4px;
      min-width: 20px;
      padding: 1px 5px;
      border-radius: 999px;
      background: #ffffff;
      color: #1a1a1a;
      font-size: 0.7rem;
      font-weight: 700;
    }
    [part='status'] {
      flex: 1 1 100%;
      padding: 6px 10px;
      border-radius: calc(var(--live-shop-radius, 12px) * 0.66);
      background: var(--live-shop-status-background, rgb(0 0 0 / 0.65));
      font-size: 0.85rem;
    }
    [part='status']:empty {
      display: none;
    }
    [part='status'].problem {
      background: var(--live-shop-status-problem-background, rgb(208 2 27 / 0.85));
    }
    [part='unmute-button'],
    [part='play-button'] {
      align-self: center;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      border: 0;
      padding: 8px 16px;
      border-radius: 999px;
      background: var(--live-shop-badge-background, rgb(0 0 0 / 0.55));
      color: inherit;
      font-size: 0.9rem;
    }
    .bottom {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: var(--live-shop-overlay-width, 340px);
      /* Room for the bag button at the inline end. */
      margin-inline-end: 52px;
    }
    :host([layout='side']) .bottom {
      margin-inline-end: 0;
    }
    [part='card'] {
      animation: card-in 320ms cubic-bezier(0.2, 0.9, 0.3, 1.2) both;
    }
    .sheet {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      justify-content: flex-end;
      background: var(--live-shop-scrim, rgb(0 0 0 / 0.35));
      animation: fade-in 200ms ease-out both;
    }
    [part='checkout'],
    [part='shelf'] {
      max-height: var(--live-shop-sheet-max-height, 85%);
      overflow: auto;
      --live-shop-sheet-radius: var(--live-shop-radius, 12px) var(--live-shop-radius, 12px) 0 0;
      animation: sheet-in 260ms cubic-bezier(0.2, 0.9, 0.3, 1) both;
    }
    [part='shelf'] {
      display: flex;
      flex-direction: column;
    }
    /* Wide players: the sheets slide in from the side and leave most of the video in view. */
    @container (min-width: 600px) {
      .sheet {
        flex-direction: row;
        justify-content: flex-end;
      }
      [part='checkout'],
      [part='shelf'] {
        width: min(var(--live-shop-side-sheet-width, 380px), 60%);
        height: 100%;
        max-height: none;
        --live-shop-sheet-radius: 0;
        animation-name: side-sheet-in;
      }
    }
    /* Horizontal slide-ins follow the writing direction (RTL: mirrored). */
    :host(:dir(rtl)) {
      --live-shop-dir-sign: -1;
    }
    @keyframes card-in {
      from {
        opacity: 0;
        transform: translateX(calc(-24px * var(--live-shop-dir-sign, 1))) scale(0.96);
      }
    }
    @keyframes sheet-in {
      from {
        transform: translateY(100%);
      }
    }
    @keyframes side-sheet-in {
      from {
        transform: translateX(calc(100% * var(--live-shop-dir-sign, 1)));
      }
    }
    @keyframes fade-in {
      from {
        opacity: 0;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.3;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [part='card'],
      [part='checkout'],
      [part='shelf'],
      .sheet,
      [part='live-badge'].live::before {
        animation: none;
      }
    }
  `,
];

import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const playerStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      position: relative;
      width: 100%;
      aspect-ratio: var(--live-shop-aspect-ratio, 9 / 16);
      max-height: var(--live-shop-max-height, 100vh);
      overflow: hidden;
      background: var(--live-shop-background, #000000);
      border-radius: var(--live-shop-radius, 12px);
      color: var(--live-shop-overlay-text, #ffffff);
      isolation: isolate;
    }
    [part='video'] {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: var(--live-shop-video-fit, cover);
      background: var(--live-shop-background, #000000);
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
    [part='overlay'] product-card,
    [part='overlay'] live-shop-chat {
      pointer-events: auto;
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
    [part='checkout'] {
      max-height: var(--live-shop-sheet-max-height, 85%);
      overflow: auto;
      animation: sheet-in 260ms cubic-bezier(0.2, 0.9, 0.3, 1) both;
    }
    @keyframes card-in {
      from {
        opacity: 0;
        transform: translateX(-24px) scale(0.96);
      }
    }
    @keyframes sheet-in {
      from {
        transform: translateY(100%);
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
      .sheet,
      [part='live-badge'].live::before {
        animation: none;
      }
    }
  `,
];

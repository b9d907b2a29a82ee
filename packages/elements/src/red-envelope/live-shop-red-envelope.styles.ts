import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const redEnvelopeStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      position: relative;
      color: var(--live-shop-red-envelope-text, #fff7e0);
      font-size: 0.875rem;
      /* Over the video: only the envelopes and the panel take taps. */
      pointer-events: none;
    }
    [part='rain'] {
      position: absolute;
      inset: 0;
      overflow: hidden;
    }
    [part~='envelope'] {
      position: absolute;
      inset-block-start: -64px;
      inset-inline-start: var(--x, 50%);
      inline-size: var(--live-shop-red-envelope-size, 44px);
      block-size: calc(var(--live-shop-red-envelope-size, 44px) * 1.3);
      padding: 0;
      border: 0;
      border-radius: 6px;
      background: var(--live-shop-red-envelope-color, #d62828);
      box-shadow: inset 0 -10px 0 rgb(0 0 0 / 0.15), 0 2px 6px rgb(0 0 0 / 0.35);
      pointer-events: auto;
      animation: fall var(--live-shop-red-envelope-fall, 3200ms) linear var(--delay, 0ms) infinite;
    }
    [part~='envelope']::after {
      content: '';
      position: absolute;
      inset-inline-start: 50%;
      inset-block-start: 40%;
      inline-size: 14px;
      block-size: 14px;
      margin-inline-start: -7px;
      border-radius: 50%;
      background: var(--live-shop-red-envelope-seal, #ffd36b);
    }
    @keyframes fall {
      from {
        transform: translateY(0) rotate(-8deg);
      }
      to {
        transform: translateY(var(--live-shop-red-envelope-distance, 420px)) rotate(8deg);
      }
    }
    [part='panel'] {
      position: absolute;
      inset-inline: 0;
      inset-block-end: 0;
      margin-inline: auto;
      inline-size: max-content;
      max-inline-size: 100%;
      display: grid;
      justify-items: center;
      gap: 6px;
      padding: 10px 14px;
      border-radius: var(--live-shop-radius, 12px);
      background: var(--live-shop-red-envelope-panel, rgb(120 10 10 / 0.85));
      pointer-events: auto;
      text-align: center;
    }
    [part='title'] {
      margin: 0;
      font-weight: 700;
    }
    [part='remaining'],
    [part='result'] {
      margin: 0;
    }
    [part='result'] {
      font-weight: 700;
      color: var(--live-shop-red-envelope-result, #ffd36b);
    }
    [part='grab-button'],
    [part='close-button'] {
      min-block-size: 36px;
      padding: 8px 16px;
      border: 0;
      border-radius: 999px;
      background: var(--live-shop-red-envelope-button, #ffd36b);
      color: var(--live-shop-red-envelope-button-text, #7a0c0c);
      font-weight: 700;
    }
    [part='close-button'] {
      background: transparent;
      color: inherit;
      text-decoration: underline;
      min-block-size: 24px;
      padding: 2px 8px;
    }
    @media (prefers-reduced-motion: reduce) {
      /* No falling: the one grab button in the panel does it all. */
      [part='rain'] {
        display: none;
      }
    }
  `,
];

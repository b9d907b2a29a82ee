import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const lotteryStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--live-shop-lottery-text, #ffffff);
      font-size: 0.875rem;
    }
    [part='lottery'] {
      display: grid;
      gap: 6px;
      padding: 12px;
      border-radius: var(--live-shop-radius, 12px);
      background: var(--live-shop-lottery-background, linear-gradient(135deg, rgb(124 58 237 / 0.85), rgb(225 29 72 / 0.85)));
    }
    [part='title'] {
      margin: 0;
      font-size: 0.8rem;
      font-weight: 600;
      letter-spacing: 0.02em;
      opacity: 0.9;
    }
    [part='prize'] {
      margin: 0;
      font-size: 1rem;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    [part='meta'],
    [part='keyword'],
    [part='commitment'] {
      margin: 0;
      font-size: 0.75rem;
      opacity: 0.9;
    }
    [part='commitment'] {
      font-family: ui-monospace, monospace;
    }
    [part='enter-button'] {
      min-block-size: 36px;
      padding: 8px 14px;
      border: 0;
      border-radius: 999px;
      background: var(--live-shop-lottery-button-background, #ffd36b);
      color: var(--live-shop-lottery-button-text, #3b0764);
      font-weight: 700;
    }
    [part='result'] {
      margin: 0;
      font-weight: 700;
    }
    [part~='result-won'] {
      color: var(--live-shop-lottery-won, #ffd36b);
    }
    [part='verification'] {
      margin: 0;
      font-size: 0.75rem;
    }
    [part='error'] {
      margin: 0;
      font-size: 0.75rem;
      color: var(--live-shop-lottery-error, #ffe4e6);
    }
  `,
];

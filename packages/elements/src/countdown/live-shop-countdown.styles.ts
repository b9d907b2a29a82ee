import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const countdownStyles = [
  baseStyles,
  css`
    :host {
      display: inline-block;
      color: var(--live-shop-countdown-text, #ffffff);
    }
    [part='countdown'] {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      padding: 6px 12px;
      border-radius: var(--live-shop-countdown-radius, 999px);
      background: var(--live-shop-countdown-background, rgb(0 0 0 / 0.75));
      font-size: var(--live-shop-countdown-font-size, 0.875rem);
    }
    [part='label'] {
      font-weight: 600;
    }
    [part='time'] {
      font-variant-numeric: tabular-nums;
      font-weight: 700;
      color: var(--live-shop-countdown-time, #ffd36b);
      min-inline-size: 3.5ch;
    }
    [part='countdown'].ended [part='time'] {
      color: var(--live-shop-countdown-ended, #ffffff);
    }
  `,
];

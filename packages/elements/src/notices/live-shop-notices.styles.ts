import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const noticesStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      font-size: 0.8rem;
      color: var(--live-shop-notices-text, #ffffff);
    }
    [part='region'] {
      min-height: 1px;
    }
    [part~='notice'] {
      display: inline-block;
      max-width: 100%;
      padding: 3px 10px;
      border-radius: 999px;
      background: var(--live-shop-notices-background, rgb(0 0 0 / 0.6));
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      animation: notice-in 240ms ease-out both;
    }
    [part~='purchase-notice'] {
      background: var(--live-shop-notices-purchase-background, rgb(159 18 57 / 0.85));
    }
    @keyframes notice-in {
      from {
        transform: translateX(-16px);
        opacity: 0;
      }
      to {
        transform: none;
        opacity: 1;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [part~='notice'] {
        animation: none;
      }
    }
  `,
];

import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const pollStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--live-shop-poll-text, #ffffff);
      font-size: 0.875rem;
    }
    [part='poll'] {
      display: grid;
      gap: 8px;
      padding: 12px;
      border-radius: var(--live-shop-radius, 12px);
      background: var(--live-shop-poll-background, rgb(0 0 0 / 0.7));
      min-inline-size: 0;
    }
    [part='question'] {
      margin: 0;
      font-size: 0.95rem;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    [part='options'] {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='option'] {
      position: relative;
      display: flex;
      justify-content: space-between;
      gap: 8px;
      inline-size: 100%;
      min-block-size: 36px;
      padding: 8px 10px;
      border: 1px solid var(--live-shop-poll-option-border, rgb(255 255 255 / 0.5));
      border-radius: calc(var(--live-shop-radius, 12px) * 0.66);
      background: var(--live-shop-poll-option-background, rgb(255 255 255 / 0.08));
      color: inherit;
      text-align: start;
      overflow: hidden;
      isolation: isolate;
    }
    [part~='option']:disabled {
      cursor: default;
    }
    [part~='option-voted'] {
      border-color: var(--live-shop-accent, #e11d48);
    }
    [part='bar'] {
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      inline-size: var(--share, 0%);
      background: var(--live-shop-poll-bar, rgb(225 29 72 / 0.55));
      z-index: -1;
      transition: inline-size 300ms ease-out;
    }
    [part='option-label'] {
      overflow-wrap: anywhere;
    }
    [part='option-percent'] {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    [part='status'] {
      margin: 0;
      font-size: 0.75rem;
      opacity: 0.85;
    }
    [part='error'] {
      margin: 0;
      font-size: 0.75rem;
      color: var(--live-shop-poll-error, #ffb4b4);
    }
    @media (prefers-reduced-motion: reduce) {
      [part='bar'] {
        transition: none;
      }
    }
  `,
];

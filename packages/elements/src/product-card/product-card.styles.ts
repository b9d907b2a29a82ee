import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const productCardStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--live-shop-text, #1a1a1a);
    }
    [part='base'] {
      display: grid;
      grid-template-columns: var(--live-shop-card-image-size, 72px) 1fr;
      gap: 10px;
      align-items: center;
      padding: 10px;
      background: var(--live-shop-surface, #ffffff);
      border-radius: var(--live-shop-radius, 12px);
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
    }
    [part='image'] {
      width: var(--live-shop-card-image-size, 72px);
      height: var(--live-shop-card-image-size, 72px);
      object-fit: cover;
      border-radius: calc(var(--live-shop-radius, 12px) * 0.66);
      background: var(--live-shop-muted-surface, #f2f2f2);
    }
    .body {
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    p {
      margin: 0;
    }
    [part='name'] {
      font-weight: 600;
      font-size: 0.95em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part='description'] {
      font-size: 0.8em;
      color: var(--live-shop-muted, #6b6b6b);
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .row {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin-top: 4px;
    }
    [part='price'] {
      font-weight: 700;
      color: var(--live-shop-price, var(--live-shop-accent, #e11d48));
    }
    [part='stock'] {
      font-size: 0.75em;
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part='stock'].low,
    [part='stock'].out {
      color: var(--live-shop-danger, #d0021b);
    }
    [part='buy-button'] {
      border: 0;
      padding: 8px 14px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 600;
      white-space: nowrap;
    }
    [part='buy-button']:disabled {
      background: var(--live-shop-disabled, #b8b8b8);
    }
  `,
];

import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const shelfStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--live-shop-text, #1a1a1a);
      font-size: 0.95rem;
    }
    [part='base'] {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-height: 0;
      max-height: 100%;
      background: var(--live-shop-surface, #ffffff);
      border-radius: var(--live-shop-sheet-radius, var(--live-shop-radius, 12px));
      overflow: hidden;
    }
    [part='header'] {
      display: flex;
      align-items: baseline;
      gap: 8px;
      padding: 14px 16px 10px;
      border-bottom: 1px solid var(--live-shop-border, #d9d9d9);
    }
    [part='title'] {
      margin: 0;
      font-size: 1.05em;
    }
    [part='title']:focus {
      outline: none;
    }
    [part='count'] {
      color: var(--live-shop-muted, #6b6b6b);
      font-size: 0.85em;
    }
    [part='close-button'] {
      margin-inline-start: auto;
      align-self: center;
      border: 0;
      background: transparent;
      font-size: 1.4em;
      line-height: 1;
      padding: 4px 8px;
      color: inherit;
    }
    [part='list'] {
      list-style: none;
      margin: 0;
      padding: 4px 0;
      overflow: auto;
      overscroll-behavior: contain;
    }
    [part~='item'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'product buy' 'details buy';
      align-items: center;
      gap: 2px 12px;
      padding: 10px 16px;
      border-bottom: 1px solid var(--live-shop-border, #d9d9d9);
    }
    [part~='item']:last-child {
      border-bottom: 0;
    }
    [part~='item-pinned'] {
      background: var(--live-shop-shelf-pinned-background, transparent);
      box-shadow: inset 3px 0 0 var(--live-shop-accent, #e11d48);
    }
    :host(:dir(rtl)) [part~='item-pinned'] {
      box-shadow: inset -3px 0 0 var(--live-shop-accent, #e11d48);
    }
    [part='product-button'] {
      grid-area: product;
      display: flex;
      align-items: center;
      gap: 10px;
      min-width: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: inherit;
      text-align: start;
    }
    [part='image'] {
      flex: none;
      width: var(--live-shop-shelf-image-size, 64px);
      height: var(--live-shop-shelf-image-size, 64px);
      object-fit: cover;
      border-radius: calc(var(--live-shop-radius, 12px) * 0.66);
      background: var(--live-shop-muted-surface, #f2f2f2);
    }
    [part~='item-sold-out'] [part='image'] {
      opacity: 0.5;
    }
    [part='name'] {
      font-weight: 600;
      overflow: hidden;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
    }
    .details {
      grid-area: details;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
      padding-inline-start: calc(var(--live-shop-shelf-image-size, 64px) + 10px);
      font-size: 0.85em;
    }
    [part='presenting-badge'] {
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 700;
    }
    [part='price'] {
      color: var(--live-shop-accent, #e11d48);
      font-weight: 700;
    }
    [part='stock'] {
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part='stock'].low,
    [part='stock'].out {
      color: var(--live-shop-danger, #d0021b);
    }
    [part='buy-button'] {
      grid-area: buy;
      border: 0;
      padding: 8px 14px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 700;
      white-space: nowrap;
    }
    [part='buy-button']:disabled {
      background: var(--live-shop-disabled, #b8b8b8);
    }
    [part='empty'] {
      margin: 0;
      padding: 24px 16px;
      text-align: center;
      color: var(--live-shop-muted, #6b6b6b);
    }
  `,
];

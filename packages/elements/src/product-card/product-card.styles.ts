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
    .thumb,
    [part='media'] {
      position: relative;
    }
    [part='image'] {
      display: block;
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
    [part='price-line'] {
      display: flex;
      align-items: baseline;
      gap: 6px;
      flex-wrap: wrap;
    }
    [part~='price'] {
      font-weight: 700;
      color: var(--live-shop-price, var(--live-shop-accent, #e11d48));
    }
    [part='compare-at-price'] {
      font-size: 0.8em;
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part='stock'] {
      font-size: 0.75em;
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part='stock'].low,
    [part='stock'].out {
      color: var(--live-shop-danger, #d0021b);
    }
    [part='buy-button'],
    [part='add-to-cart-button'] {
      border: 0;
      padding: 8px 14px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 600;
      white-space: nowrap;
    }
    [part='add-to-cart-button'] {
      background: transparent;
      color: var(--live-shop-text, #1a1a1a);
      box-shadow: inset 0 0 0 1.5px var(--live-shop-border, #d9d9d9);
    }
    [part='buy-button']:disabled {
      background: var(--live-shop-disabled, #b8b8b8);
    }
    [part='add-to-cart-button']:disabled {
      color: var(--live-shop-muted, #6b6b6b);
    }
    .badges {
      position: absolute;
      inset-block-start: 4px;
      inset-inline-start: 4px;
      display: flex;
      gap: 4px;
    }
    [part='coupon'] {
      display: inline-block;
      padding: 1px 6px;
      border-radius: 4px;
      font-size: 0.7em;
      font-weight: 700;
      background: var(--live-shop-coupon, #b45309);
      color: #ffffff;
      white-space: nowrap;
    }

    /* Full layout: picture on top, then the text, variants and buttons. */
    :host([layout='full']) [part='base'] {
      grid-template-columns: 1fr;
      align-items: stretch;
      padding: 12px;
    }
    :host([layout='full']) [part='image'],
    :host([layout='full']) [part='viewer-360'],
    :host([layout='full']) [part='model-3d'] {
      width: 100%;
      height: auto;
      aspect-ratio: var(--live-shop-viewer-aspect-ratio, 1 / 1);
    }
    :host([layout='full']) [part='name'] {
      white-space: normal;
      font-size: 1.05em;
    }
    [part='views'] {
      display: flex;
      gap: 4px;
      justify-content: center;
    }
    [part='view-button'] {
      border: 0;
      padding: 4px 12px;
      border-radius: 999px;
      background: transparent;
      color: var(--live-shop-text, #1a1a1a);
      box-shadow: inset 0 0 0 1px var(--live-shop-border, #d9d9d9);
      font-size: 0.85em;
    }
    [part='view-button'][aria-pressed='true'] {
      background: var(--live-shop-text, #1a1a1a);
      color: var(--live-shop-surface, #ffffff);
    }
    [part='swatches'] {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 6px 0 2px;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    [part~='swatch'] {
      position: relative;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 4px 10px;
      border-radius: 999px;
      font-size: 0.8em;
      cursor: pointer;
      box-shadow: inset 0 0 0 1px var(--live-shop-border, #d9d9d9);
    }
    [part~='swatch-selected'] {
      box-shadow: inset 0 0 0 2px var(--live-shop-accent, #e11d48);
      font-weight: 600;
    }
    [part~='swatch-sold-out'] {
      cursor: not-allowed;
      color: var(--live-shop-muted, #6b6b6b);
      text-decoration: line-through;
    }
    [part~='swatch']:has(input:focus-visible) {
      outline: 2px solid var(--live-shop-focus-ring, #2f6fed);
      outline-offset: 2px;
    }
    [part='swatch-colour'] {
      inline-size: 14px;
      block-size: 14px;
      border-radius: 50%;
      background: var(--swatch);
      /* Visible on either theme: a black swatch on a dark card, a white one on a light card. */
      box-shadow:
        inset 0 0 0 1px rgb(0 0 0 / 0.25),
        0 0 0 1px var(--live-shop-swatch-outline, rgb(255 255 255 / 0.35));
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .actions > button {
      flex: 1;
    }
  `,
];

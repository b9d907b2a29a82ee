import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const flashSaleStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--live-shop-flash-text, #ffffff);
    }
    [part='base'] {
      display: grid;
      gap: 6px;
      padding: 10px 12px;
      border-radius: var(--live-shop-radius, 12px);
      background: var(--live-shop-flash-background, linear-gradient(90deg, #be123c, #c2410c));
    }
    .head,
    .row,
    .prices {
      display: flex;
      align-items: center;
      gap: 8px;
      justify-content: space-between;
      min-width: 0;
    }
    .head,
    .prices {
      justify-content: flex-start;
    }
    [part='badge'] {
      font-weight: 700;
      font-size: 0.8em;
      padding: 2px 6px;
      border-radius: 4px;
      background: rgb(0 0 0 / 0.25);
      flex: none;
    }
    [part='name'] {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part='price'] {
      font-size: 1.3em;
      font-weight: 700;
    }
    [part='original-price'] {
      opacity: 0.9;
    }
    [part='countdown'] {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    [part='progress'] {
      height: 6px;
      border-radius: 3px;
      background: var(--live-shop-flash-track, rgb(255 255 255 / 0.35));
      overflow: hidden;
    }
    [part='progress'] > span {
      display: block;
      height: 100%;
      background: var(--live-shop-flash-fill, #ffffff);
      transition: width 0.25s ease-out;
    }
    [part='limit'] {
      font-size: 0.85em;
    }
    [part='buy-button'] {
      border: 0;
      border-radius: 999px;
      padding: 8px 16px;
      font-weight: 700;
      background: var(--live-shop-flash-button-background, #ffffff);
      color: var(--live-shop-flash-button-text, #9f1239);
      font-variant-numeric: tabular-nums;
    }
    [part='buy-button']:disabled {
      opacity: 0.75;
    }
    [part='result'] {
      margin: 0;
      min-height: 1.2em;
      font-size: 0.9em;
      font-weight: 600;
    }
    [part='result']:empty {
      display: none;
    }
    @media (prefers-reduced-motion: reduce) {
      [part='progress'] > span {
        transition: none;
      }
    }
  `,
];

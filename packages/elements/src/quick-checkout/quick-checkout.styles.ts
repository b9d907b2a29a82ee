import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const quickCheckoutStyles = [
  baseStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      color: var(--live-shop-text, #1a1a1a);
      font-size: 0.95rem;
    }
    [part='base'] {
      /* Fills the host: as tall as its content in a bottom sheet, the full height in a side sheet. */
      flex: 1 1 auto;
      background: var(--live-shop-surface, #ffffff);
      border-radius: var(--live-shop-sheet-radius, var(--live-shop-radius, 12px) var(--live-shop-radius, 12px) 0 0);
      padding: 14px 16px 16px;
      max-height: 100%;
      overflow: auto;
      overscroll-behavior: contain;
    }
    [part='header'] {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin-bottom: 10px;
    }
    [part='title'] {
      margin: 0;
      font-size: 1.05em;
    }
    [part='title']:focus {
      outline: none;
    }
    [part='close-button'] {
      border: 0;
      background: transparent;
      font-size: 1.4em;
      line-height: 1;
      padding: 4px 8px;
      color: inherit;
    }
    [part='product'] {
      display: flex;
      gap: 10px;
      align-items: center;
      margin-bottom: 10px;
    }
    [part='image'] {
      width: 56px;
      height: 56px;
      object-fit: cover;
      border-radius: calc(var(--live-shop-radius, 12px) * 0.66);
      background: var(--live-shop-muted-surface, #f2f2f2);
    }
    p {
      margin: 0;
    }
    [part='product-name'] {
      font-weight: 600;
    }
    [part='price'] {
      color: var(--live-shop-accent, #e11d48);
      font-weight: 700;
    }
    form {
      display: grid;
      gap: 10px;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend,
    label,
    .label {
      font-size: 0.85em;
      color: var(--live-shop-muted, #6b6b6b);
      margin-bottom: 4px;
      padding: 0;
    }
    [part='variants'] .options {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    [part~='variant'] {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 6px 10px;
      border: 1px solid var(--live-shop-border, #d9d9d9);
      border-radius: 999px;
      color: var(--live-shop-text, #1a1a1a);
      margin: 0;
      cursor: pointer;
    }
    [part~='variant']:has(input:checked) {
      border-color: var(--live-shop-accent, #e11d48);
    }
    [part~='variant-disabled'] {
      opacity: 0.5;
      cursor: not-allowed;
    }
    [part~='variant-stock'] {
      font-size: 0.8em;
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part='quantity'] {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    [part='quantity'] label {
      margin: 0 auto 0 0;
    }
    [part='quantity-decrease'],
    [part='quantity-increase'] {
      width: 32px;
      height: 32px;
      border-radius: 50%;
      border: 1px solid var(--live-shop-border, #d9d9d9);
      background: transparent;
      color: inherit;
    }
    [part='quantity-input'] {
      width: 3.5em;
      text-align: center;
    }
    .field {
      display: grid;
    }
    [part~='input'],
    [part='quantity-input'] {
      font: inherit;
      padding: 8px 10px;
      border: 1px solid var(--live-shop-border, #d9d9d9);
      border-radius: calc(var(--live-shop-radius, 12px) * 0.5);
      background: var(--live-shop-input-background, #ffffff);
      color: inherit;
    }
    [part~='input'][aria-invalid='true'] {
      border-color: var(--live-shop-danger, #d0021b);
    }
    textarea[part~='input'] {
      resize: vertical;
      min-height: 2.6em;
    }
    [part='error'] {
      color: var(--live-shop-danger, #d0021b);
      font-size: 0.85em;
      min-height: 0;
    }
    [part='sold-out'] {
      color: var(--live-shop-danger, #d0021b);
      font-weight: 600;
      text-align: center;
    }
    [part='error']:empty {
      display: none;
    }
    [part='submit'],
    [part='done-button'] {
      border: 0;
      padding: 12px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 700;
      width: 100%;
    }
    [part='submit'][aria-busy='true'] {
      opacity: 0.7;
      cursor: progress;
    }
    [part='submit']:disabled {
      background: var(--live-shop-disabled, #b8b8b8);
    }
    [part='confirmation'] {
      display: grid;
      gap: 8px;
      text-align: center;
    }
    [part='confirmation-title'] {
      font-size: 1.1em;
      font-weight: 700;
      margin: 0;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 12px;
      margin: 0 auto;
      text-align: left;
    }
    dt {
      color: var(--live-shop-muted, #6b6b6b);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    [part~='reservation'] {
      margin: 0;
      font-size: 0.9em;
      font-variant-numeric: tabular-nums;
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part~='reservation-expiring'],
    [part~='reservation-expired'] {
      color: var(--live-shop-danger, #d0021b);
      font-weight: 600;
    }
    [part='reserve-again'],
    [part='retry-button'],
    [part='forget-profile'] {
      border: 1px solid var(--live-shop-border, #d9d9d9);
      border-radius: 999px;
      background: transparent;
      color: inherit;
      padding: 2px 10px;
      margin-inline-start: 6px;
    }
    [part='retry-button'] {
      justify-self: start;
      margin: 0;
    }
    [part='profile'],
    [part='paying'],
    [part='payment-status'] {
      margin: 0;
      font-size: 0.9em;
      color: var(--live-shop-muted, #6b6b6b);
    }
    .check {
      display: flex;
      align-items: center;
      gap: 6px;
      font-size: 0.9em;
    }
    [part='coupon-select'] {
      font: inherit;
      padding: 6px 8px;
      border: 1px solid var(--live-shop-border, #d9d9d9);
      border-radius: 8px;
      background: var(--live-shop-input-background, #ffffff);
      color: inherit;
    }
    [part='breakdown'] {
      margin: 0;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 12px;
      text-align: start;
      width: 100%;
    }
    [part~='breakdown-line'] {
      display: contents;
    }
    [part~='breakdown-total'] dt,
    [part~='breakdown-total'] dd {
      font-weight: 700;
      color: var(--live-shop-text, #1a1a1a);
    }
    [part='breakdown'] dd {
      text-align: end;
    }
  `,
];

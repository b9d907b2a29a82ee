import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const questionsStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      font-size: 0.9rem;
      color: var(--live-shop-text, #1a1a1a);
      background: var(--live-shop-surface, #ffffff);
      border-radius: var(--live-shop-radius, 12px);
      padding: 12px;
    }
    [part='title'] {
      margin: 0 0 8px;
      font-size: 1rem;
    }
    [part='questions'] {
      list-style: none;
      margin: 0 0 10px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    [part~='question'] {
      padding: 8px 10px;
      border-radius: var(--live-shop-radius, 12px);
      border: 1px solid var(--live-shop-border, #d9d9d9);
      overflow-wrap: anywhere;
    }
    [part~='pinned-question'] {
      border-color: var(--live-shop-accent, #e11d48);
      box-shadow: inset 3px 0 0 var(--live-shop-accent, #e11d48);
    }
    [part='question-author'] {
      font-weight: 600;
      margin-right: 6px;
    }
    [part='answered-badge'],
    [part='pinned-badge'] {
      display: inline-block;
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 999px;
      font-size: 0.8em;
      background: var(--live-shop-muted-surface, #f0f0f0);
      color: var(--live-shop-text, #1a1a1a);
    }
    [part='answer'] {
      margin: 4px 0 0;
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part='actions'] {
      display: flex;
      gap: 6px;
      margin-top: 6px;
    }
    [part='actions'] button {
      border: 1px solid var(--live-shop-border, #d9d9d9);
      background: transparent;
      color: inherit;
      border-radius: 999px;
      padding: 2px 10px;
    }
    [part='empty'] {
      margin: 0 0 10px;
      color: var(--live-shop-muted, #6b6b6b);
    }
    [part='form'] {
      display: flex;
      gap: 6px;
    }
    [part='input'] {
      flex: 1;
      min-width: 0;
      font: inherit;
      padding: 7px 12px;
      border-radius: 999px;
      border: 1px solid var(--live-shop-border, #d9d9d9);
      background: var(--live-shop-input-background, #ffffff);
      color: inherit;
    }
    [part='ask-button'] {
      border: 0;
      padding: 7px 14px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 600;
    }
    [part='error'] {
      margin: 4px 0 0;
      color: var(--live-shop-danger, #b91c1c);
      font-size: 0.85em;
    }
    [part='error']:empty {
      display: none;
    }
  `,
];

import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const model3dStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      position: relative;
      aspect-ratio: var(--live-shop-viewer-aspect-ratio, 1 / 1);
      overflow: hidden;
      border-radius: var(--live-shop-radius, 12px);
      background: var(--live-shop-muted-surface, #f2f2f2);
      color: var(--live-shop-text, #1a1a1a);
    }
    [part='viewer'] {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      --poster-color: transparent;
    }
    [part='status'] {
      position: absolute;
      inset-inline: 8px;
      inset-block-start: 8px;
      margin: 0;
      text-align: center;
      font-size: 0.8em;
      color: var(--live-shop-muted, #595959);
      pointer-events: none;
    }
    [part='status']:empty {
      display: none;
    }
    [part='ar-button'] {
      position: absolute;
      inset-inline-end: 8px;
      inset-block-end: 8px;
      border: 0;
      padding: 8px 12px;
      border-radius: 999px;
      background: var(--live-shop-accent, #e11d48);
      color: var(--live-shop-accent-contrast, #ffffff);
      font-weight: 600;
    }
  `,
];

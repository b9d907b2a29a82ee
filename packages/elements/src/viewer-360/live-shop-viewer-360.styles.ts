import { css } from 'lit';
import { baseStyles } from '../styles/shared.js';

export const viewer360Styles = [
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
    [part='stage'] {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      cursor: grab;
      /* Horizontal swipes turn the product; vertical ones still scroll the page. */
      touch-action: pan-y;
      user-select: none;
      -webkit-user-select: none;
    }
    [part='stage'].dragging {
      cursor: grabbing;
    }
    [part='frame'] {
      max-inline-size: 100%;
      max-block-size: 100%;
      object-fit: contain;
      transform: scale(var(--zoom, 1));
      transition: transform 120ms ease-out;
      pointer-events: none;
      -webkit-user-drag: none;
    }
    [part='hint'],
    [part='progress'] {
      position: absolute;
      inset-inline: 8px;
      inset-block-end: 8px;
      margin: 0;
      text-align: center;
      font-size: 0.75em;
      color: var(--live-shop-muted, #595959);
      pointer-events: none;
    }
    [part='progress'] {
      inset-block-end: auto;
      inset-block-start: 8px;
    }
    @media (prefers-reduced-motion: reduce) {
      [part='frame'] {
        transition: none;
      }
    }
  `,
];

import { css } from 'lit';

/**
 * Styles every element starts from: the host is a box of its own, text inherits the
 * `--live-shop-font`, and `.visually-hidden` keeps labels for screen readers only.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--live-shop-font, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--live-shop-focus-ring, #2f6fed);
    outline-offset: 2px;
  }
`;

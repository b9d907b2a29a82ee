import { css } from 'lit';

export const reactionsStyles = css`
  :host {
    position: relative;
    display: inline-block;
    width: var(--live-shop-reactions-button-size, 44px);
    /* Only the button takes taps; the hearts float over the video without blocking it. */
    pointer-events: none;
    font-family: var(--live-shop-font, system-ui, sans-serif);
  }
  [part='hearts'] {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 100%;
    height: var(--live-shop-reactions-height, 220px);
    overflow: visible;
  }
  [part~='heart'] {
    position: absolute;
    inset-block-end: 0;
    inset-inline-start: 50%;
    width: var(--live-shop-reactions-heart-size, 28px);
    height: var(--live-shop-reactions-heart-size, 28px);
    margin-inline-start: calc(var(--live-shop-reactions-heart-size, 28px) / -2);
    color: var(--heart-color, var(--live-shop-accent, #e11d48));
    opacity: 0;
    animation: float var(--live-shop-reactions-duration, 1800ms) ease-out forwards;
    animation-delay: var(--heart-delay, 0ms);
  }
  [part~='heart'] svg {
    width: 100%;
    height: 100%;
    fill: currentColor;
    filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.35));
  }
  @keyframes float {
    0% {
      opacity: 0;
      transform: translate(0, 0) scale(0.6);
    }
    10% {
      opacity: 1;
    }
    100% {
      opacity: 0;
      transform: translate(var(--heart-drift, 0px), calc(-1 * var(--live-shop-reactions-height, 220px))) scale(1.1);
    }
  }
  @keyframes fade {
    0% {
      opacity: 0;
    }
    30% {
      opacity: 1;
    }
    100% {
      opacity: 0;
    }
  }
  [part='button'] {
    pointer-events: auto;
    display: inline-grid;
    place-items: center;
    width: var(--live-shop-reactions-button-size, 44px);
    height: var(--live-shop-reactions-button-size, 44px);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--live-shop-reactions-button-background, rgb(0 0 0 / 0.5));
    color: var(--live-shop-reactions-button-color, #ff4d6d);
    cursor: pointer;
    transition: transform 120ms ease-out;
  }
  [part='button'] svg {
    width: 60%;
    height: 60%;
    fill: currentColor;
  }
  [part='button']:active {
    transform: scale(0.9);
  }
  [part='button']:focus-visible {
    outline: 3px solid var(--live-shop-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    /* No travelling hearts: each fades in place (the fade still ends, so it is removed). */
    [part~='heart'] {
      animation-name: fade;
      animation-duration: 900ms;
    }
    [part='button'] {
      transition: none;
    }
    [part='button']:active {
      transform: none;
    }
  }
`;

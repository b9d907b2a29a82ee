import { svg } from 'lit';

// Inline SVG icons (no icon font, no extra request). All are decorative: the buttons carry the names.
const wrap = (body: ReturnType<typeof svg>, size = 20) =>
  svg`<svg viewBox="0 0 24 24" width=${size} height=${size} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const mutedIcon = wrap(svg`<path d="M11 5 6 9H2v6h4l5 4V5z" fill="currentColor"/><path d="m23 9-6 6M17 9l6 6"/>`, 16);
export const bigPlayIcon = svg`<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false" fill="currentColor"><path d="M7 4v16l13-8z"/></svg>`;
export const playIcon = wrap(svg`<path d="M7 4v16l13-8z" fill="currentColor" stroke="none"/>`);
export const pauseIcon = wrap(svg`<path d="M7 4h3v16H7zM14 4h3v16h-3z" fill="currentColor" stroke="none"/>`);
export const volumeIcon = wrap(svg`<path d="M11 5 6 9H2v6h4l5 4V5z" fill="currentColor"/><path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14"/>`);
export const volumeOffIcon = wrap(svg`<path d="M11 5 6 9H2v6h4l5 4V5z" fill="currentColor"/><path d="m23 9-6 6M17 9l6 6"/>`);
export const fullscreenIcon = wrap(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`);
export const exitFullscreenIcon = wrap(svg`<path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5"/>`);
export const pipIcon = wrap(svg`<rect x="2" y="4" width="20" height="16" rx="2"/><rect x="12" y="12" width="8" height="6" rx="1" fill="currentColor"/>`);
export const bagIcon = wrap(svg`<path d="M6 7h12l1 14H5L6 7z"/><path d="M9 7V6a3 3 0 0 1 6 0v1"/>`, 22);
/** Control-bar icon of the miniplayer toggle. */
export const miniplayerIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M10 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-5"/><path d="M14 3h7v7M21 3l-8 8"/></svg>`;

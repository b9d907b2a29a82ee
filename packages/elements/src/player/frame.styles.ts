// css-tag alone, not 'lit': importing 'lit' would bring lit-html and ReactiveElement (modules with top-level side
// effects, so never tree-shaken) into the script-tag entry's early-start chunk, to evaluate before any stream starts.
import { css } from '@lit/reactive-element/css-tag.js';

/**
 * The player's box and its `<video>`: the size of the host in every layout and where the video sits in it. The
 * script-tag entry's early start (early-start.ts) adopts these alone while the first frame loads, so the page lays
 * out only them then; the player adopts them again with the rest ({@link playerStyles}) when it upgrades, and
 * nothing moves (tested). A rule that changes the host's or the video's box belongs here, not in the rest.
 */
export const playerFrameStyles = css`
    :host([hidden]) {
      display: none !important;
    }
    :host {
      display: block;
      position: relative;
      width: 100%;
      aspect-ratio: var(--live-shop-aspect-ratio, 9 / 16);
      max-height: var(--live-shop-max-height, 100vh);
      overflow: hidden;
      /* clip, not a scroll container: focusing into a sheet that is still sliding in (below the edge)
         must not scroll the whole player up and leave the video shifted. */
      overflow: clip;
      background: var(--live-shop-background, #000000);
      border-radius: var(--live-shop-radius, 12px);
      color: var(--live-shop-overlay-text, #ffffff);
      isolation: isolate;
      /* The sheets become side sheets on wide players: they ask the player's width, not the page's. */
      container-type: inline-size;
    }
    /* Layouts: CSS only, the same parts in every one. Vertical is the default, which the player reflects to its
       attribute only once it is defined: before that, no layout attribute means vertical too. */
    :host(:not([layout])),
    :host([layout='vertical']) {
      max-width: var(--live-shop-vertical-max-width, 480px);
      margin-inline: auto;
    }
    :host([layout='overlay']),
    :host([layout='side']) {
      aspect-ratio: var(--live-shop-aspect-ratio, 16 / 9);
    }
    :host([layout='overlay']) [part='video'],
    :host([layout='side']) [part='video'] {
      object-fit: var(--live-shop-video-fit, contain);
    }
    :host([layout='side']) [part='video'],
    :host([layout='side']) [part='overlay'] {
      /* A width, not an inset: an absolutely placed <video> with width auto takes its intrinsic 300px. */
      width: calc(100% - var(--live-shop-side-width, 320px));
    }
    :host(:fullscreen) {
      max-width: none;
      max-height: none;
      aspect-ratio: auto;
      border-radius: 0;
    }
    [part='video'] {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: var(--live-shop-video-fit, cover);
      background: var(--live-shop-background, #000000);
    }
`;

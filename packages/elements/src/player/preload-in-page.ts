/**
 * The first module of the script-tag entry to run (its first import): for every `<live-shop-player>` already in
 * the page that will autoplay, it starts downloading the media code (hls.js, the WHEP player) before the rest of
 * the bundle (lit, the elements) evaluates, so that download overlaps the evaluation instead of following it.
 * A module script runs after the document is parsed, so players written in the HTML are there to be found.
 * The player asks again when it connects; each chunk is fetched once per page. It imports the loaders alone
 * (`@live-shop/core/preload`), not the core's index, so nothing else has to evaluate before it.
 */
import { preloadMediaCode } from '@live-shop/core/preload';
import { transportsToPreload } from './transports-to-preload.js';

/** Preloads the transports of every autoplaying `<live-shop-player>` in `root` (defined or not yet). */
export function preloadForPlayersIn(root: ParentNode): void {
  for (const player of root.querySelectorAll('live-shop-player')) {
    if (player.getAttribute('autoplay') === 'false') continue;
    preloadMediaCode(transportsToPreload(player.getAttribute('src')));
  }
}

if (typeof document !== 'undefined') preloadForPlayersIn(document);

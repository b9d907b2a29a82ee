/**
 * The script-tag bundle's entry (`live-shop.js`): a small loader in front of {@link ./define.ts}.
 *
 * ```html
 * <script type="module" src="https://cdn.example.com/live-shop/live-shop.js"></script>
 * <live-shop-player server="https://live.example.com" room="demo" src="/media/demo/live.m3u8"></live-shop-player>
 * ```
 *
 * A bare hls.js page shows its first frame as soon as hls.js has loaded the first segment and the main thread is
 * free to handle it. Evaluating the elements (lit, the core's client, every element) takes that main thread for
 * tens of milliseconds, so this entry does the media first: it starts fetching the media code (preload-in-page),
 * starts the stream of each autoplaying player that names one (`src`: early-start), waits until those show their
 * first frame (at most `MEDIA_FIRST_MAX_MS`), and only then evaluates the elements, whose chunk was fetched
 * meanwhile. A page without such a player gets its elements at once.
 *
 * Module scripts that import this entry get its exports once the elements are defined (top-level await).
 * @packageDocumentation
 */
import './player/preload-in-page.js';
import { startPlayersEarly, stopUnclaimedEarlyStarts } from './player/early-start.js';

/**
 * The URL of the elements' chunk: the build puts it here (rollup.config.mjs, `elementsChunkUrl`); null unbuilt.
 */
const elementsChunk: string | null = null; // @elements-chunk-url

/** Fetches (and compiles) the elements' chunk while the streams start, without evaluating it yet. */
function prefetchElements(): void {
  if (elementsChunk === null) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = elementsChunk;
  document.head.append(link);
}

if (typeof document !== 'undefined') {
  const firstFrames = startPlayersEarly(document);
  prefetchElements();
  await firstFrames;
}
const elements = await import('./define.js');
stopUnclaimedEarlyStarts();

export const { LiveShopPlayer, ProductCard, LiveShopChat, LiveShopReactions, LiveShopNotices } = elements;

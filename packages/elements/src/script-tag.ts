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
 * tens of milliseconds, so this entry does the media first: it starts downloading hls.js for the autoplaying
 * players in the page, starts the stream of each (its `src`, or its room's current stream: player/early-start.ts),
 * waits until those show their first frame (at most `MEDIA_FIRST_MAX_MS`), and only then fetches and evaluates the
 * elements. A page without such a player gets its elements at once.
 *
 * It has no static imports in the build, on purpose: a module's static imports are fetched and evaluated before its
 * own code runs, and rollup would move what this entry shares with the chunks it imports into another chunk in front
 * of it (they cannot import from an entry that awaits them). So hls.js is asked for first, straight from here. The one
 * module it imports (player/room-media-request.ts) is imported by nothing else, so the build puts it inside the entry.
 *
 * Module scripts that import this entry get its exports once the elements are defined (top-level await).
 * @packageDocumentation
 */
import { requestRoomMedia } from './player/room-media-request.js';

/**
 * Whether a player in the page will play HLS through hls.js soon: it autoplays (`autoplay` is on unless "false"),
 * and Media Source Extensions exist (core's `hasMediaSource`, which this entry cannot import). A player of a room
 * may play WebRTC instead, but falls back to HLS; player/preload-in-page.ts asks the same of the WebRTC player.
 */
function playsHlsSoon(page: Document): boolean {
  const mse = typeof globalThis.MediaSource === 'function' || 'ManagedMediaSource' in globalThis;
  return mse && [...page.querySelectorAll('live-shop-player')].some((player) => player.getAttribute('autoplay') !== 'false');
}

// A failed download is not reported here: the player imports hls.js again when it plays and reports that failure.
if (typeof document !== 'undefined' && playsHlsSoon(document)) import('hls.js').catch(() => undefined);
// Room players' media, asked for now, while hls.js and the early start load (the early start reads the answers).
const roomMedia = typeof document === 'undefined' ? undefined : requestRoomMedia(document);
const { startPlayersEarly, stopUnclaimedEarlyStarts } = await import('./player/early-start-in-page.js');
// The elements' chunk is not even preloaded meanwhile: compiling it takes the main thread from hls.js just as
// evaluating it would (bench/README.md, sixth session). So the controls come a fetch later than the picture.
if (typeof document !== 'undefined') await startPlayersEarly(document, roomMedia);
const elements = await import('./define.js');
stopUnclaimedEarlyStarts();

export const { LiveShopPlayer, ProductCard, LiveShopChat, LiveShopReactions, LiveShopNotices } = elements;

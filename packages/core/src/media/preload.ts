/**
 * Fetching the transports' code ahead of `play()`, without the rest of the core: the script-tag bundle runs this
 * before it evaluates anything else (see elements' player/preload-in-page.ts), so it imports only the loaders.
 * @packageDocumentation
 */
import { hasMediaSource, loadHlsJs } from './hls.js';
import { canPlayNativeHls } from './native.js';
import type { MediaSourceConfig } from './types.js';
import { hasWebRtc, loadWhep } from './whep-loader.js';

/**
 * Starts downloading the code the transports of `types` need (hls.js for `hls` where this browser would play HLS
 * with it; the WebRTC player and webrtc-adapter for `whep` where WebRTC exists), without waiting for it, so a later
 * `MediaController.play()` does not wait for it either. Each module is fetched once per page.
 *
 * A download that fails here is not reported: `play()` imports again and reports that failure.
 */
export function preloadMediaCode(types: readonly MediaSourceConfig['type'][] = ['whep', 'hls'], options: { preferNative?: boolean } = {}): void {
  const ignore = (): void => {
    // play() retries the import and reports its own failure (see above).
  };
  if (types.includes('whep') && hasWebRtc()) loadWhep().catch(ignore);
  if (!types.includes('hls') || !hasMediaSource()) return;
  // Where the browser plays HLS itself and is preferred, hls.js may never be needed.
  if (options.preferNative && typeof document !== 'undefined' && canPlayNativeHls(document.createElement('video'))) return;
  loadHlsJs().catch(ignore);
}

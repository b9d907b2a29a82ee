import type Hls from 'hls.js';
import type { ErrorData } from 'hls.js';
import { LiveShopError } from '../errors.js';
import { backoffDelay } from '../signaling/backoff.js';
import { PlaylistPrefetch, prefetchingPlaylistLoader } from './playlist-prefetch.js';
import type { FatalHandler, MediaQuality, MediaTransport } from './types.js';

/** Retry bounds of {@link HlsJsTransport}. */
export interface HlsRetryOptions {
  /**
   * How long the stream may make no progress (no segment buffered) while loads keep failing before the
   * player gives up for good. In that time hls.js retries each request itself, and after each of its
   * fatal network errors loading restarts on the same hls.js instance and MediaSource (no reload),
   * with exponential backoff (1 s doubling to 8 s, jittered). Default 60 000 ms.
   */
  maxOutageMs?: number;
  /**
   * `recoverMediaError()` calls after fatal media errors while the `<video>` itself is in error (a
   * decode error), without a segment buffered in between. Default 2.
   */
  maxMediaRecoveries?: number;
}

/** True where hls.js can work: Media Source Extensions exist (checked without loading hls.js). */
export function hasMediaSource(): boolean {
  return typeof globalThis.MediaSource === 'function' || 'ManagedMediaSource' in globalThis;
}

/** How far behind the live edge, in target durations, a live HLS player is moved back to it (see `#catchUp`). */
const FAR_BEHIND_TARGET_DURATIONS = 10;

let hlsJs: Promise<typeof Hls> | null = null;
/** hls.js once its import finished: a transport started after that attaches without yielding first. */
let hlsJsLoaded: typeof Hls | null = null;

/**
 * hls.js, imported once per page by a dynamic `import('hls.js')` (its own chunk in the script-tag bundle):
 * the first call starts the download, later calls share it ({@link MediaController.preload} starts it early).
 * A failed import is forgotten, so the next call tries again.
 */
export function loadHlsJs(): Promise<typeof Hls> {
  hlsJs ??= import('hls.js').then(
    (module) => (hlsJsLoaded = module.default),
    (cause: unknown) => {
      hlsJs = null;
      throw new LiveShopError('network', 'could not load hls.js', { cause });
    },
  );
  return hlsJs;
}

/**
 * HLS through hls.js, loaded only by {@link loadHlsJs}, so pages that never play (or play natively) never
 * download it.
 */
export class HlsJsTransport implements MediaTransport {
  readonly kind = 'hls.js' as const;
  readonly #video: HTMLVideoElement;
  readonly #onFatal: FatalHandler;
  readonly #maxOutageMs: number;
  readonly #maxMediaRecoveries: number;
  #hls: Hls | null = null;
  #url = '';
  #stopped = false;
  /** Restarts since the last buffered segment; drives the backoff. */
  #restarts = 0;
  #mediaRecoveries = 0;
  /** When a segment was last buffered (or loading started): the outage bound counts from here. */
  #lastProgressAt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The first playlist, requested while hls.js loads (until hls.js takes it over or the transport stops). */
  #prefetch: PlaylistPrefetch | null = null;
  /** Told the stream's renditions once the manifest is parsed (the player's quality menu). */
  onQualities: ((levels: readonly MediaQuality[]) => void) | null = null;

  constructor(video: HTMLVideoElement, onFatal: FatalHandler, options: HlsRetryOptions = {}) {
    this.#video = video;
    this.#onFatal = onFatal;
    this.#maxOutageMs = options.maxOutageMs ?? 60_000;
    this.#maxMediaRecoveries = options.maxMediaRecoveries ?? 2;
  }

  async start(url: string): Promise<void> {
    // hls.js still on its way: its first request, the playlist, goes out now, and hls.js finds the answer waiting.
    const prefetch = hlsJsLoaded ? null : (this.#prefetch = new PlaylistPrefetch(url));
    // Preloaded: attach and request the playlist in this task, before the page's next rendering work.
    const HlsClass = hlsJsLoaded ?? (await loadHlsJs().catch((error: unknown) => {
      prefetch?.cancel();
      throw error;
    }));
    this.#prefetch = null;
    if (this.#stopped) return;
    if (!HlsClass.isSupported()) throw new LiveShopError('media_unsupported', 'hls.js is not supported in this browser');
    const hls = new HlsClass({
      ...(prefetch ? { pLoader: prefetchingPlaylistLoader(HlsClass, prefetch) } : {}),
      enableWorker: true,
      // An LL-HLS playlist (parts, preload hints, blocking reload: the server packages a host's WebRTC so) plays
      // from its parts at its PART-HOLD-BACK, about a second behind; one without parts plays as plain HLS at three
      // target durations either way. No explicit sync count: hls.js lets one override the part hold-back.
      lowLatencyMode: true,
      // Fetch the first segment while the MediaSource opens, not after: one segment's download earlier.
      // (bench/media's bare hls.js page uses the same settings, so its figures stay comparable.)
      startFragPrefetch: true,
    });
    this.#hls = hls;
    this.#url = url;
    this.#lastProgressAt = performance.now();
    hls.on(HlsClass.Events.ERROR, (_event, data) => this.#onError(HlsClass, data));
    hls.on(HlsClass.Events.MANIFEST_PARSED, (_event, data) =>
      this.onQualities?.(data.levels.map((level, index) => ({ index, height: level.height || 0, bitrate: level.bitrate }))),
    );
    // Progress: the retries so far worked, so the bounds count from the last buffered segment only.
    hls.on(HlsClass.Events.FRAG_BUFFERED, () => {
      this.#restarts = 0;
      this.#mediaRecoveries = 0;
      this.#lastProgressAt = performance.now();
      this.#catchUp(hls);
    });
    hls.attachMedia(this.#video);
    hls.loadSource(url);
  }

  /**
   * After an outage the sliding window has moved past the buffered position: hls.js seeks to the live edge when
   * the playhead is outside the window (also while starved); this moves a player that is still more than
   * {@link FAR_BEHIND_TARGET_DURATIONS} target durations behind to the live sync point without waiting for a
   * stall. (hls.js' own `liveMaxLatencyDurationCount` needs an explicit sync count, which would override an LL-HLS
   * playlist's part hold-back.)
   */
  #catchUp(hls: Hls): void {
    const targetDuration = hls.levels[hls.currentLevel]?.details?.targetduration;
    const liveSync = hls.liveSyncPosition;
    if (!targetDuration || liveSync === null || hls.latency <= FAR_BEHIND_TARGET_DURATIONS * targetDuration) return;
    this.#video.currentTime = liveSync;
  }

  stop(): void {
    this.#stopped = true;
    this.#prefetch?.cancel();
    this.#prefetch = null;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    // destroy() removes hls.js's listeners, its workers and the MediaSource it attached.
    this.#hls?.destroy();
    this.#hls = null;
  }

  /** Switches rendition at the next segment (-1: back to automatic, by measured bandwidth). */
  setQuality(index: number): void {
    if (this.#hls) this.#hls.nextLevel = index;
  }

  latencyMs(serverNow: number): number | null {
    const date = this.#hls?.playingDate;
    return date ? Math.max(0, serverNow - date.getTime()) : null;
  }

  #onError(HlsClass: typeof Hls, data: ErrorData): void {
    const hls = this.#hls;
    if (!data.fatal || !hls || this.#stopped) return;
    const isMedia = data.type === HlsClass.ErrorTypes.MEDIA_ERROR;
    // A decode error puts the element itself in error: only then does a new MediaSource help.
    if (isMedia && this.#video.error && this.#mediaRecoveries < this.#maxMediaRecoveries) {
      this.#mediaRecoveries += 1;
      hls.recoverMediaError();
      return;
    }
    const code = isMedia ? 'media' : 'network';
    const outageMs = performance.now() - this.#lastProgressAt;
    if ((this.#video.error && isMedia) || outageMs >= this.#maxOutageMs) {
      const why = this.#video.error ? `media element error ${this.#video.error.code}` : `no progress for ${Math.round(outageMs)} ms`;
      this.#onFatal(new LiveShopError(code, `hls.js: ${data.details} (${why})`, { cause: data.error }));
      return;
    }
    // hls.js stopped loading (it does on every fatal error) after spending its own per-request retries.
    // Restart on the same instance and MediaSource, so what is buffered keeps playing and nothing reloads.
    this.#restarts += 1;
    clearTimeout(this.#retryTimer);
    const delay = Math.min(backoffDelay(this.#restarts, { baseMs: 1_000, maxMs: 8_000 }), this.#maxOutageMs - outageMs);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (this.#stopped || this.#hls !== hls) return;
      // Without levels the manifest never loaded: load it again (no MediaSource exists to recreate yet).
      if (hls.levels.length === 0) hls.loadSource(this.#url);
      else hls.startLoad(-1);
    }, Math.max(0, delay));
  }
}

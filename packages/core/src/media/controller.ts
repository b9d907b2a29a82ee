import { atom, type ReadableAtom } from 'nanostores';
import { LiveShopError, toLiveShopError } from '../errors.js';
import { HlsJsTransport, hasMediaSource, type HlsRetryOptions } from './hls.js';
import { preloadMediaCode } from './preload.js';
import { NativeHlsTransport, canPlayNativeHls } from './native.js';
import type { MediaQualityState, MediaSourceConfig, MediaState, MediaTransport, TransportKind } from './types.js';
import { LazyWhepTransport, hasWebRtc } from './whep-loader.js';

/** Options of {@link MediaController}. */
export interface MediaControllerOptions {
  /** Give up on an HLS transport when no frame is shown this long after `play()`. Default 15 000 ms. */
  ttffTimeoutMs?: number;
  /**
   * Give up on WHEP (and fall back to the next source) when no frame is shown this long. WebRTC shows its
   * first frame well under a second when it works, so this is short. Default 5 000 ms.
   */
  whepTimeoutMs?: number;
  /** Try the browser's own HLS before hls.js where both work. Default false. */
  preferNative?: boolean;
  /**
   * Bounds of hls.js's recovery: how long an origin outage is ridden out (`maxOutageMs`, default 60 s)
   * before `$media` ends in `error`, and how many decode errors are recovered from.
   */
  hls?: HlsRetryOptions;
  /**
   * The server's clock (ms), e.g. `() => client.serverNow()`: HLS latency is measured against it, because
   * program-date-time is stamped by the server's clock. Default `Date.now`; can be set later with
   * {@link MediaController.useServerClock}.
   */
  serverNow?: () => number;
}

const NO_QUALITIES: MediaQualityState = { levels: [], selected: -1 };

const IDLE: MediaState = {
  status: 'idle',
  transport: null,
  ttffMs: null,
  stalls: 0,
  latencyMs: null,
  muted: false,
  error: null,
  fallbacks: [],
};

/**
 * Plays a live stream into one `<video>`: tries the sources in order (WHEP over WebRTC, loaded lazily;
 * HLS through hls.js where Media Source Extensions exist, loaded lazily, else native HLS), falls back
 * to the next one when a transport is refused or shows no frame in time (and from WHEP to the next
 * source when the WebRTC session is lost while playing), and exposes what happens in `$media` (status,
 * transport, time to first frame, stalls, live latency).
 */
export class MediaController {
  readonly #video: HTMLVideoElement;
  readonly #ttffTimeoutMs: number;
  readonly #whepTimeoutMs: number;
  readonly #preferNative: boolean;
  readonly #hlsOptions: HlsRetryOptions;
  readonly #state = atom<MediaState>(IDLE);
  readonly #quality = atom<MediaQualityState>(NO_QUALITIES);
  #serverNow: () => number;
  #transport: MediaTransport | null = null;
  /** Bumped by every play()/stop(), so async work of an older call stops touching anything. */
  #generation = 0;
  #cleanups: (() => void)[] = [];

  /**
   * Starts downloading the code the transports of `types` need (hls.js for `hls` where this browser would
   * play HLS with it; the WebRTC player and webrtc-adapter for `whep` where WebRTC exists), without waiting
   * for it, so a later {@link MediaController.play} does not wait for it either. Call it as soon as playing
   * is likely, e.g. while the room's connection is still opening. Each module is fetched once per page.
   *
   * A download that fails here is not reported: `play()` imports again and reports that failure.
   */
  static preload(types: readonly MediaSourceConfig['type'][] = ['whep', 'hls'], options: { preferNative?: boolean } = {}): void {
    preloadMediaCode(types, options);
  }

  /** @param video - the element to play into; the controller owns its `src` while playing. */
  constructor(video: HTMLVideoElement, options: MediaControllerOptions = {}) {
    this.#video = video;
    this.#ttffTimeoutMs = options.ttffTimeoutMs ?? 15_000;
    this.#whepTimeoutMs = options.whepTimeoutMs ?? 5_000;
    this.#preferNative = options.preferNative ?? false;
    this.#hlsOptions = { ...options.hls };
    this.#serverNow = options.serverNow ?? Date.now;
  }

  /** Measures latency against this clock from now on (the server clock of a client that connected later). */
  useServerClock(serverNow: () => number): void {
    this.#serverNow = serverNow;
  }

  /**
   * The live latency this instant, fresher than `$media.latencyMs` (which follows `timeupdate`), or null
   * while unknown.
   */
  latencyNow(): number | null {
    return this.#transport?.latencyMs(this.#serverNow()) ?? null;
  }

  /**
   * The server-clock time of the moment shown on screen now: the server clock minus the live latency
   * (for HLS exactly the program-date-time of the frame on screen); null while unknown. Room events
   * stamped with a server time `at` are "in the picture" once this reaches `at`.
   */
  pictureTime(): number | null {
    const serverNow = this.#serverNow();
    const latency = this.#transport?.latencyMs(serverNow) ?? null;
    return latency === null ? null : serverNow - latency;
  }

  /** What the player is doing now. */
  get $media(): ReadableAtom<MediaState> {
    return this.#state;
  }

  /** The renditions of the stream playing now (HLS via hls.js; empty otherwise) and the one picked. */
  get $quality(): ReadableAtom<MediaQualityState> {
    return this.#quality;
  }

  /** Picks a rendition of `$quality.levels` by index, or -1 to let bandwidth decide again. */
  setQuality(index: number): void {
    const { levels } = this.#quality.get();
    if (index !== -1 && !levels.some((level) => level.index === index)) return;
    this.#transport?.setQuality?.(index);
    this.#quality.set({ levels, selected: index });
  }

  /**
   * Starts playing the first source and transport that shows a frame. Resolves once playing, or once it
   * gave up (then `$media.status` is `error`, with `media_unsupported`, `timeout`, `network` or `media`), or once
   * {@link stop} (or another `play()`) ended it first (then `$media.status` is what that made it).
   */
  async play(sources: readonly MediaSourceConfig[]): Promise<void> {
    this.stop();
    this.#state.set({ ...IDLE, status: 'loading' });
    await this.#playFrom(sources, 0, performance.now(), this.#generation, null);
  }

  async #playFrom(
    sources: readonly MediaSourceConfig[],
    from: number,
    startedAt: number,
    generation: number,
    previousError: LiveShopError | null,
  ): Promise<void> {
    let lastError = previousError;
    for (let index = from; index < sources.length; index += 1) {
      const source = sources[index];
      if (!source) continue;
      // A WebRTC session lost while playing moves on to the next source instead of ending in error.
      const onLost =
        source.type === 'whep' && index + 1 < sources.length
          ? (error: LiveShopError): void => {
              const fallbacks = [...this.#state.get().fallbacks, { transport: 'whep' as const, error }];
              this.#update({ status: 'loading', transport: null, latencyMs: null, fallbacks });
              void this.#playFrom(sources, index + 1, performance.now(), generation, error);
            }
          : undefined;
      for (const kind of this.#transportsFor(source)) {
        try {
          await this.#attempt(kind, source.url, startedAt, generation, onLost);
          return;
        } catch (error) {
          if (generation !== this.#generation) return;
          lastError = toLiveShopError(error, 'media', `${kind} failed`);
          this.#update({ fallbacks: [...this.#state.get().fallbacks, { transport: kind, error: lastError }] });
          this.#release();
        }
      }
    }
    if (generation !== this.#generation) return;
    const error = lastError ?? new LiveShopError('media_unsupported', 'this browser can play none of the sources');
    this.#state.set({ ...this.#state.get(), status: 'error', transport: null, error });
  }

  /** Stops playing: destroys hls.js, removes every listener and timer, leaves the video without a source. */
  stop(): void {
    this.#generation += 1;
    this.#release();
    this.#state.set(IDLE);
  }

  #transportsFor(source: MediaSourceConfig): TransportKind[] {
    if (source.type === 'whep') return hasWebRtc() ? ['whep'] : [];
    const kinds: TransportKind[] = [];
    if (hasMediaSource()) kinds.push('hls.js');
    if (canPlayNativeHls(this.#video)) kinds.push('native');
    return this.#preferNative ? kinds.reverse() : kinds;
  }

  /** One transport, one try: resolves at its first frame; rejects on a fatal error or TTFF timeout. */
  #attempt(
    kind: TransportKind,
    url: string,
    startedAt: number,
    generation: number,
    onLost?: (error: LiveShopError) => void,
  ): Promise<void> {
    const video = this.#video;
    const current = () => generation === this.#generation;
    return new Promise<void>((resolve, reject) => {
      let shown = false;
      const fail = (error: LiveShopError): void => {
        if (!current()) return;
        if (!shown) {
          reject(error);
          return;
        }
        this.#release();
        if (onLost) return onLost(error);
        // After the first frame the transport already spent its retries: this is terminal, nothing plays.
        this.#state.set({ ...this.#state.get(), status: 'error', transport: null, latencyMs: null, error });
      };
      const transport: MediaTransport =
        kind === 'whep'
          ? new LazyWhepTransport(video, fail)
          : kind === 'hls.js'
            ? new HlsJsTransport(video, fail, this.#hlsOptions)
            : new NativeHlsTransport(video, fail);
      this.#transport = transport;
      // Stopped before the first frame: nothing more will happen for this attempt, so its play() is over.
      this.#cleanups.push(() => {
        if (!shown && !current()) resolve();
      });
      transport.onQualities = (levels) => {
        if (current()) this.#quality.set({ levels, selected: -1 });
      };
      this.#state.set({ ...this.#state.get(), transport: kind, error: null });

      const timeoutMs = kind === 'whep' ? this.#whepTimeoutMs : this.#ttffTimeoutMs;
      const timer = setTimeout(() => {
        fail(new LiveShopError('timeout', `${kind}: no video frame within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#cleanups.push(() => clearTimeout(timer));

      const firstFrame = (shownAt: number): void => {
        if (shown || !current()) return;
        shown = true;
        clearTimeout(timer);
        const state = this.#state.get();
        this.#state.set({ ...state, status: 'playing', ttffMs: Math.max(0, Math.round(shownAt - startedAt)) });
        resolve();
      };
      this.#watchFirstFrame(firstFrame);
      this.#listen('waiting', () => {
        // One stall is one stall: Chromium may fire 'waiting' again (e.g. on a seek to the live edge).
        const state = this.#state.get();
        if (shown && state.status === 'playing') this.#update({ status: 'waiting', stalls: state.stalls + 1 });
      });
      this.#listen('playing', () => {
        if (shown && this.#state.get().status === 'waiting') this.#update({ status: 'playing' });
      });
      this.#listen('timeupdate', () => {
        const latencyMs = transport.latencyMs(this.#serverNow());
        if (latencyMs !== this.#state.get().latencyMs) this.#update({ latencyMs });
      });

      transport.start(url).then(
        () => {
          if (current()) this.#startPlayback(fail);
        },
        (error: unknown) => fail(toLiveShopError(error, 'media', `${kind} could not start`)),
      );
    });
  }

  /**
   * Calls `onFrame` with the time the first frame was presented: requestVideoFrameCallback's `presentationTime`
   * where it exists (when the frame went to the screen, not when the main thread, perhaps busy with the next
   * segment, got round to the callback), else the time of `loadeddata` / `playing`.
   */
  #watchFirstFrame(onFrame: (shownAt: number) => void): void {
    const video = this.#video;
    if (typeof video.requestVideoFrameCallback === 'function') {
      const handle = video.requestVideoFrameCallback((now, metadata) => onFrame(Math.min(now, metadata.presentationTime || now)));
      this.#cleanups.push(() => video.cancelVideoFrameCallback(handle));
    } else {
      this.#listen('loadeddata', () => onFrame(performance.now()));
      this.#listen('playing', () => onFrame(performance.now()));
    }
  }

  /** `video.play()`; when autoplay with sound is refused, plays muted and says so in the state. */
  #startPlayback(fail: (error: LiveShopError) => void): void {
    const video = this.#video;
    const generation = this.#generation;
    video.play().catch((error: unknown) => {
      if (generation !== this.#generation) return;
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !video.muted) {
        video.muted = true;
        this.#update({ muted: true });
        video.play().catch((mutedError: unknown) => {
          if (generation !== this.#generation) return;
          fail(new LiveShopError('media', 'the browser refused to play, even muted', { cause: mutedError }));
        });
        return;
      }
      // AbortError: the source changed under a pending play() (a recovery); the TTFF timer still bounds it.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      fail(toLiveShopError(error, 'media', 'video.play() failed'));
    });
  }

  #listen(type: keyof HTMLMediaElementEventMap, listener: () => void): void {
    this.#video.addEventListener(type, listener);
    this.#cleanups.push(() => this.#video.removeEventListener(type, listener));
  }

  #update(patch: Partial<MediaState>): void {
    this.#state.set({ ...this.#state.get(), ...patch });
  }

  /** Stops the transport, runs every cleanup and clears the video's source. */
  #release(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#transport?.stop();
    this.#transport = null;
    this.#quality.set(NO_QUALITIES);
    const video = this.#video;
    if (video.srcObject) {
      video.pause();
      video.srcObject = null;
    }
    if (video.hasAttribute('src') || video.currentSrc) {
      video.pause();
      video.removeAttribute('src');
      video.load();
    }
  }
}

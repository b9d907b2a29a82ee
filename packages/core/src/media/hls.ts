import type Hls from 'hls.js';
import type { ErrorData } from 'hls.js';
import { LiveShopError } from '../errors.js';
import { backoffDelay } from '../signaling/backoff.js';
import type { FatalHandler, MediaTransport } from './types.js';

/** Retry bounds of {@link HlsJsTransport}. */
export interface HlsRetryOptions {
  /** Reloads after a fatal network error (hls.js already retried each request). Default 3. */
  maxNetworkRetries?: number;
  /** `recoverMediaError()` calls after fatal media (decode/buffer) errors. Default 2. */
  maxMediaRecoveries?: number;
}

/** True where hls.js can work: Media Source Extensions exist (checked without loading hls.js). */
export function hasMediaSource(): boolean {
  return typeof globalThis.MediaSource === 'function' || 'ManagedMediaSource' in globalThis;
}

/**
 * HLS through hls.js, loaded only here and only by a dynamic `import('hls.js')`, so pages that never
 * play (or play natively) never download it.
 */
export class HlsJsTransport implements MediaTransport {
  readonly kind = 'hls.js' as const;
  readonly #video: HTMLVideoElement;
  readonly #onFatal: FatalHandler;
  readonly #maxNetworkRetries: number;
  readonly #maxMediaRecoveries: number;
  #hls: Hls | null = null;
  #url = '';
  #stopped = false;
  #networkRetries = 0;
  #mediaRecoveries = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(video: HTMLVideoElement, onFatal: FatalHandler, options: HlsRetryOptions = {}) {
    this.#video = video;
    this.#onFatal = onFatal;
    this.#maxNetworkRetries = options.maxNetworkRetries ?? 3;
    this.#maxMediaRecoveries = options.maxMediaRecoveries ?? 2;
  }

  async start(url: string): Promise<void> {
    let HlsClass: typeof Hls;
    try {
      ({ default: HlsClass } = await import('hls.js'));
    } catch (cause) {
      throw new LiveShopError('network', 'could not load hls.js', { cause });
    }
    if (this.#stopped) return;
    if (!HlsClass.isSupported()) throw new LiveShopError('media_unsupported', 'hls.js is not supported in this browser');
    const hls = new HlsClass({ enableWorker: true, lowLatencyMode: false });
    this.#hls = hls;
    this.#url = url;
    hls.on(HlsClass.Events.ERROR, (_event, data) => this.#onError(HlsClass, data));
    // Progress: the retries so far worked, so the bounds count consecutive failures only.
    hls.on(HlsClass.Events.FRAG_BUFFERED, () => {
      this.#networkRetries = 0;
      this.#mediaRecoveries = 0;
    });
    hls.attachMedia(this.#video);
    hls.loadSource(url);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    // destroy() removes hls.js's listeners, its workers and the MediaSource it attached.
    this.#hls?.destroy();
    this.#hls = null;
  }

  latencyMs(): number | null {
    const date = this.#hls?.playingDate;
    return date ? Math.max(0, Date.now() - date.getTime()) : null;
  }

  #onError(HlsClass: typeof Hls, data: ErrorData): void {
    const hls = this.#hls;
    if (!data.fatal || !hls || this.#stopped) return;
    if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR && this.#networkRetries < this.#maxNetworkRetries) {
      this.#networkRetries += 1;
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        if (!this.#stopped) hls.loadSource(this.#url);
      }, backoffDelay(this.#networkRetries, { baseMs: 1_000, maxMs: 8_000 }));
      return;
    }
    if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && this.#mediaRecoveries < this.#maxMediaRecoveries) {
      this.#mediaRecoveries += 1;
      hls.recoverMediaError();
      return;
    }
    const code = data.type === HlsClass.ErrorTypes.NETWORK_ERROR ? 'network' : 'media';
    this.#onFatal(new LiveShopError(code, `hls.js: ${data.details}`, { cause: data.error }));
  }
}

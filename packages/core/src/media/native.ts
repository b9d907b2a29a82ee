import { LiveShopError } from '../errors.js';
import { backoffDelay } from '../signaling/backoff.js';
import type { FatalHandler, MediaTransport } from './types.js';

/** True when the browser plays HLS itself (Safari, iOS, some Chromium builds). */
export function canPlayNativeHls(video: HTMLVideoElement): boolean {
  return video.canPlayType('application/vnd.apple.mpegurl') !== '';
}

/** Safari exposes the program-date-time of the stream start; not in the standard DOM typings. */
interface VideoWithStartDate {
  getStartDate?: () => Date;
}

/** HLS played by the browser itself via `video.src`. */
export class NativeHlsTransport implements MediaTransport {
  readonly kind = 'native' as const;
  readonly #video: HTMLVideoElement;
  readonly #onFatal: FatalHandler;
  readonly #maxRetries: number;
  #url = '';
  #retries = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(video: HTMLVideoElement, onFatal: FatalHandler, options: { maxRetries?: number } = {}) {
    this.#video = video;
    this.#onFatal = onFatal;
    this.#maxRetries = options.maxRetries ?? 2;
  }

  async start(url: string): Promise<void> {
    this.#url = url;
    this.#video.addEventListener('error', this.#onError);
    this.#video.addEventListener('playing', this.#onProgress);
    this.#video.src = url;
  }

  stop(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#video.removeEventListener('error', this.#onError);
    this.#video.removeEventListener('playing', this.#onProgress);
  }

  latencyMs(serverNow: number): number | null {
    const start = (this.#video as VideoWithStartDate).getStartDate?.();
    const startMs = start?.getTime();
    if (startMs === undefined || !Number.isFinite(startMs)) return null;
    return Math.max(0, serverNow - (startMs + this.#video.currentTime * 1000));
  }

  readonly #onProgress = (): void => {
    this.#retries = 0;
  };

  readonly #onError = (): void => {
    const mediaError = this.#video.error;
    // Only network errors are worth a reload; a decode error would repeat.
    if (mediaError?.code === MediaError.MEDIA_ERR_NETWORK && this.#retries < this.#maxRetries) {
      this.#retries += 1;
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        this.#video.src = this.#url;
      }, backoffDelay(this.#retries, { baseMs: 1_000, maxMs: 8_000 }));
      return;
    }
    const code = mediaError?.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED ? 'media_unsupported' : 'media';
    this.#onFatal(new LiveShopError(code, `native HLS: ${mediaError?.message || `media error ${mediaError?.code ?? '?'}`}`));
  };
}

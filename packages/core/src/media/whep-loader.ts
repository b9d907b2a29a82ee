import { LiveShopError } from '../errors.js';
import type { FatalHandler, MediaTransport } from './types.js';

/** True where WebRTC playback can work (checked without loading the WHEP module). */
export function hasWebRtc(): boolean {
  return typeof globalThis.RTCPeerConnection === 'function';
}

/**
 * A WHEP transport whose module (and webrtc-adapter with it) is fetched by a dynamic import on
 * `start()`, so the initial bundle carries neither.
 */
export class LazyWhepTransport implements MediaTransport {
  readonly kind = 'whep' as const;
  readonly #video: HTMLVideoElement;
  readonly #onFatal: FatalHandler;
  #inner: MediaTransport | null = null;
  #stopped = false;

  constructor(video: HTMLVideoElement, onFatal: FatalHandler) {
    this.#video = video;
    this.#onFatal = onFatal;
  }

  async start(url: string): Promise<void> {
    let WhepTransport: typeof import('./whep.js').WhepTransport;
    try {
      ({ WhepTransport } = await import('./whep.js'));
    } catch (cause) {
      throw new LiveShopError('network', 'could not load the WHEP player', { cause });
    }
    if (this.#stopped) return;
    this.#inner = new WhepTransport(this.#video, this.#onFatal);
    await this.#inner.start(url);
  }

  stop(): void {
    this.#stopped = true;
    this.#inner?.stop();
    this.#inner = null;
  }

  latencyMs(serverNow: number): number | null {
    return this.#inner?.latencyMs(serverNow) ?? null;
  }
}

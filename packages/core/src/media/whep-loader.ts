import { LiveShopError } from '../errors.js';
import type { FatalHandler, MediaTransport } from './types.js';

/** True where WebRTC playback can work (checked without loading the WHEP module). */
export function hasWebRtc(): boolean {
  return typeof globalThis.RTCPeerConnection === 'function';
}

let whepModule: Promise<typeof import('./whep.js')> | null = null;
/** The module once its import finished: a transport started after that creates its offer without yielding first. */
let whepLoaded: typeof import('./whep.js') | null = null;

/**
 * The WHEP module (and webrtc-adapter with it), imported once per page by a dynamic import: the first call
 * starts the download, later calls share it ({@link MediaController.preload} starts it early). A failed
 * import is forgotten, so the next call tries again.
 */
export function loadWhep(): Promise<typeof import('./whep.js')> {
  whepModule ??= import('./whep.js').then(
    (module) => (whepLoaded = module),
    (cause: unknown) => {
      whepModule = null;
      throw new LiveShopError('network', 'could not load the WHEP player', { cause });
    },
  );
  return whepModule;
}

/**
 * A WHEP transport whose module (and webrtc-adapter with it) is fetched by a dynamic import on `start()`
 * (or earlier, by {@link MediaController.preload}), so the initial bundle carries neither.
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
    // Preloaded: the peer connection and its offer start in this task, before the page's next rendering work.
    const { WhepTransport } = whepLoaded ?? (await loadWhep());
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

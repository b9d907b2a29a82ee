import type { LiveShopError } from '../errors.js';

/** A video source, in the order of preference given to {@link MediaController.play}. */
export type MediaSourceConfig = {
  /** The kind of source; only HLS for now (WHEP comes later). */
  type: 'hls';
  /** Absolute URL of the playlist (use `client.resolveUrl(room.hls)`). */
  url: string;
};

/** How a video is delivered to the `<video>` element. */
export type TransportKind = 'hls.js' | 'native';

/** The value of `$media`: what the player is doing and how well. */
export interface MediaState {
  /** `loading` until the first frame, then `playing`, `waiting` while stalled, `error` when it gave up. */
  status: 'idle' | 'loading' | 'playing' | 'waiting' | 'error';
  /** Transport in use, `null` when idle. */
  transport: TransportKind | null;
  /** Time from `play()` to the first decoded frame, ms. */
  ttffMs: number | null;
  /** How often playback stalled (`waiting`) after the first frame. */
  stalls: number;
  /** HLS: `Date.now()` minus the program-date-time of the frame on screen, ms. */
  latencyMs: number | null;
  /** True when the browser refused autoplay with sound and the video plays muted instead. */
  muted: boolean;
  /** Why it is in `error`. */
  error: LiveShopError | null;
}

/**
 * One way to deliver video into the element (hls.js, native HLS). The controller owns the fallback
 * policy; a transport owns its own bounded retries and reports a fatal error once they are spent.
 */
export interface MediaTransport {
  readonly kind: TransportKind;
  /** Attaches to the video and starts loading `url`. Rejects when it cannot even start. */
  start(url: string): Promise<void>;
  /** Detaches, clears every timer and listener, leaves the video without a source. */
  stop(): void;
  /** Live latency now, or `null` when unknown. */
  latencyMs(): number | null;
}

/** Called by a transport when it gives up (after its retries). */
export type FatalHandler = (error: LiveShopError) => void;

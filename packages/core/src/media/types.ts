import type { LiveShopError } from '../errors.js';

/**
 * A video source, in the order of preference given to {@link MediaController.play}, e.g.
 * `[{ type: 'whep', url }, { type: 'hls', url }]`: sub-second WebRTC first, HLS when it is refused.
 */
export type MediaSourceConfig = {
  /** `hls`: a live HLS playlist; `whep`: a WHEP (WebRTC-HTTP egress) endpoint. */
  type: 'hls' | 'whep';
  /** Absolute URL of the playlist or endpoint (use `client.resolveUrl(room.hls)` / `room.whep`). */
  url: string;
};

/** How a video is delivered to the `<video>` element: WebRTC over WHEP, hls.js, or the browser's own HLS. */
export type TransportKind = 'whep' | 'hls.js' | 'native';

/** The value of `$media`: what the player is doing and how well. */
export interface MediaState {
  /**
   * `loading` until the first frame, then `playing`, `waiting` while stalled (also through an origin
   * outage, while the transport retries within its bound), back to `playing` when frames move again,
   * `error` when it gave up for good (then `transport` is `null`).
   */
  status: 'idle' | 'loading' | 'playing' | 'waiting' | 'error';
  /** Transport in use, `null` when idle. */
  transport: TransportKind | null;
  /** Time from `play()` to the first decoded frame, ms. */
  ttffMs: number | null;
  /** How often playback stalled after the first frame (each move from `playing` to `waiting` counts once). */
  stalls: number;
  /**
   * Live latency, ms. HLS: the server clock now (the `serverNow` option, estimated from the signaling
   * connection; `Date.now()` without it) minus the program-date-time of the frame on screen; WHEP: the
   * jitter-buffer delay plus half the round-trip time (from `getStats()`).
   */
  latencyMs: number | null;
  /** True when the browser refused autoplay with sound and the video plays muted instead. */
  muted: boolean;
  /** Why it is in `error`. */
  error: LiveShopError | null;
  /**
   * Every transport that failed before the one in use (or before giving up), oldest first, with its
   * error: a fallback keeps the stream going, but the reason stays visible instead of being dropped.
   */
  fallbacks: readonly MediaFallback[];
}

/** One rendition an HLS stream offers (a "quality"), as the quality menu lists them. */
export interface MediaQuality {
  /** Index in the stream's rendition list; pass it to `MediaController.setQuality`. */
  index: number;
  /** Picture height in pixels (0 when the playlist does not say). */
  height: number;
  /** Peak bit rate, bits per second. */
  bitrate: number;
}

/** The renditions of the stream playing now, and the one picked (-1: chosen automatically by bandwidth). */
export interface MediaQualityState {
  levels: readonly MediaQuality[];
  selected: number;
}

/** A transport the controller gave up on, and why. */
export interface MediaFallback {
  transport: TransportKind;
  error: LiveShopError;
}

/**
 * One way to deliver video into the element (WHEP, hls.js, native HLS). The controller owns the fallback
 * policy; a transport owns its own bounded retries and reports a fatal error once they are spent.
 */
export interface MediaTransport {
  readonly kind: TransportKind;
  /** Attaches to the video and starts loading `url`. Rejects when it cannot even start. */
  start(url: string): Promise<void>;
  /** Detaches, clears every timer and listener, leaves the video without a source. */
  stop(): void;
  /**
   * Live latency now, or `null` when unknown: how far the frame on screen is behind `serverNow` (the
   * server's clock as the client estimates it; HLS program-date-time is stamped by the server's clock, so
   * the difference is only right on that clock). WHEP measures it without a clock and ignores `serverNow`.
   */
  latencyMs(serverNow: number): number | null;
  /** Set by the controller: called with the renditions once the transport knows them (HLS via hls.js only). */
  onQualities?: ((levels: readonly MediaQuality[]) => void) | null;
  /** Picks a rendition by index (-1: automatic), where the transport can choose (hls.js). */
  setQuality?(index: number): void;
}

/** Called by a transport when it gives up (after its retries). */
export type FatalHandler = (error: LiveShopError) => void;

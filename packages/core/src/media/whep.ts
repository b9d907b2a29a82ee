// webrtc-adapter smooths over browser differences in RTCPeerConnection (older Safari, Firefox stats).
// It patches globals when imported, which is why this module is only ever loaded by a dynamic import
// (see whep-loader.ts): pages that neither play WebRTC nor preload it
// (`MediaController.preload`) never download or run it. Its self-contained
// browser build is imported because its ES source imports the CommonJS-only `sdp` package, which
// neither the test server nor our rollup build converts.
import 'webrtc-adapter/out/adapter.js';
import { LiveShopError } from '../errors.js';
import { gathered, refusal } from './offer-answer.js';
import type { FatalHandler, MediaTransport } from './types.js';

/** Options of {@link WhepTransport}. */
export interface WhepOptions {
  /** Longest wait for the first local ICE candidate before the offer is sent without one. Default 2 000 ms. */
  gatherTimeoutMs?: number;
  /** A connection `disconnected` this long is given up (the relay left or the network died). Default 4 000 ms. */
  disconnectedGraceMs?: number;
  /** How often latency is sampled from `getStats()`. Default 1 000 ms. */
  statsIntervalMs?: number;
}

/**
 * WebRTC playback over WHEP (WebRTC-HTTP Egress Protocol): one receive-only peer connection, the SDP
 * offer POSTed to the endpoint as soon as it holds a first ICE candidate (non-trickle; the browser's checks
 * tell the server its other addresses), the answer applied, the
 * session resource (`Location`) DELETEd on stop. Latency is estimated from `getStats()`: jitter buffer
 * delay plus half the round-trip time.
 */
export class WhepTransport implements MediaTransport {
  readonly kind = 'whep' as const;
  readonly #video: HTMLVideoElement;
  readonly #onFatal: FatalHandler;
  readonly #gatherTimeoutMs: number;
  readonly #graceMs: number;
  readonly #statsIntervalMs: number;
  #pc: RTCPeerConnection | null = null;
  #resource: string | null = null;
  #stopped = false;
  #latencyMs: number | null = null;
  #statsTimer: ReturnType<typeof setInterval> | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  #abort = new AbortController();

  constructor(video: HTMLVideoElement, onFatal: FatalHandler, options: WhepOptions = {}) {
    this.#video = video;
    this.#onFatal = onFatal;
    this.#gatherTimeoutMs = options.gatherTimeoutMs ?? 2_000;
    this.#graceMs = options.disconnectedGraceMs ?? 4_000;
    this.#statsIntervalMs = options.statsIntervalMs ?? 1_000;
  }

  async start(url: string): Promise<void> {
    if (typeof RTCPeerConnection !== 'function') throw new LiveShopError('media_unsupported', 'this browser has no WebRTC');
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    this.#pc = pc;
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    const stream = new MediaStream();
    pc.addEventListener('track', (event) => stream.addTrack(event.track));
    pc.addEventListener('connectionstatechange', this.#onConnectionState);
    this.#video.srcObject = stream;

    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc, this.#gatherTimeoutMs);
    if (this.#stopped) return;
    const offer = pc.localDescription?.sdp;
    if (!offer) throw new LiveShopError('media', 'WHEP: the browser produced no SDP offer');

    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/sdp' },
        body: offer,
        signal: this.#abort.signal,
      });
    } catch (cause) {
      if (this.#stopped) return;
      throw new LiveShopError('network', `WHEP: ${url} is unreachable`, { cause });
    }
    if (response.status !== 201) throw await refusal(response, 'WHEP');
    const location = response.headers.get('Location');
    // Location is relative to the endpoint; without one the session cannot be ended, but it still plays.
    this.#resource = location ? new URL(location, url).href : null;
    const answer = await response.text();
    if (this.#stopped) {
      this.#deleteResource();
      return;
    }
    try {
      await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    } catch (cause) {
      throw new LiveShopError('media', 'WHEP: the SDP answer could not be applied', { cause });
    }
    this.#statsTimer = setInterval(() => void this.#sampleLatency(), this.#statsIntervalMs);
  }

  stop(): void {
    this.#stopped = true;
    this.#abort.abort();
    clearInterval(this.#statsTimer);
    clearTimeout(this.#graceTimer);
    this.#statsTimer = undefined;
    this.#graceTimer = undefined;
    const pc = this.#pc;
    this.#pc = null;
    if (pc) {
      pc.removeEventListener('connectionstatechange', this.#onConnectionState);
      pc.close();
    }
    const stream = this.#video.srcObject;
    if (stream instanceof MediaStream) for (const track of stream.getTracks()) track.stop();
    this.#video.srcObject = null;
    this.#deleteResource();
  }

  latencyMs(): number | null {
    return this.#latencyMs;
  }

  readonly #onConnectionState = (): void => {
    const state = this.#pc?.connectionState;
    clearTimeout(this.#graceTimer);
    this.#graceTimer = undefined;
    if (state === 'failed' || state === 'closed') {
      // The server ended the session (the host left) or it is dead and the server's ICE consent checks
      // end it: a DELETE would only earn a 404.
      this.#resource = null;
      this.#onFatal(new LiveShopError('network', `WHEP: the WebRTC connection ${state}`));
    } else if (state === 'disconnected') {
      this.#graceTimer = setTimeout(() => {
        this.#graceTimer = undefined;
        this.#onFatal(new LiveShopError('network', `WHEP: disconnected for ${this.#graceMs} ms`));
      }, this.#graceMs);
    }
  };

  /** Jitter-buffer delay of the video plus half the RTT: how far behind the sender the picture is. */
  async #sampleLatency(): Promise<void> {
    const pc = this.#pc;
    if (!pc) return;
    const report = await pc.getStats();
    let jitterMs: number | null = null;
    let rttMs = 0;
    report.forEach((stat: RTCStats & Record<string, unknown>) => {
      if (stat.type === 'inbound-rtp' && stat['kind'] === 'video') {
        const delay = stat['jitterBufferDelay'];
        const emitted = stat['jitterBufferEmittedCount'];
        if (typeof delay === 'number' && typeof emitted === 'number' && emitted > 0) jitterMs = (delay / emitted) * 1000;
      }
      if (stat.type === 'candidate-pair' && stat['nominated'] === true && typeof stat['currentRoundTripTime'] === 'number') {
        rttMs = stat['currentRoundTripTime'] * 1000;
      }
    });
    if (this.#pc !== pc || jitterMs === null) return;
    this.#latencyMs = Math.round(jitterMs + rttMs / 2);
  }

  /** Ends the server's session; `keepalive` lets it finish when the page is closing. */
  #deleteResource(): void {
    const resource = this.#resource;
    this.#resource = null;
    if (!resource) return;
    fetch(resource, { method: 'DELETE', keepalive: true }).catch((error: unknown) => {
      // Nothing to retry: the server also ends sessions whose connection closes. Kept visible for debugging.
      console.warn('live-shop: WHEP session DELETE failed', resource, error);
    });
  }
}

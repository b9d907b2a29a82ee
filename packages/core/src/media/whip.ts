import { LiveShopError } from '../errors.js';
import { gathered, refusal } from './offer-answer.js';

/** Options of {@link WhipPublisher}. */
export interface WhipPublisherOptions {
  /** Absolute URL of the WHIP endpoint, e.g. `https://server/whip/demo`. */
  url: string;
  /** Host token, sent as `Authorization: Bearer …` (never in the URL). */
  token: string;
  /** Longest wait for ICE gathering before the offer is sent with what was found. Default 2 000 ms. */
  gatherTimeoutMs?: number;
}

/** Where a {@link WhipPublisher} is. */
export type WhipState = 'idle' | 'connecting' | 'live' | 'failed' | 'stopped';

/**
 * Publishes a camera/microphone stream over WHIP (WebRTC-HTTP Ingestion Protocol, RFC 9725): a
 * send-only peer connection, the offer POSTed once it holds a first ICE candidate (non-trickle), the answer
 * applied, and the session resource (`Location`) DELETEd on {@link WhipPublisher.stop}.
 *
 * This is the host's side (the studio); viewers play with `MediaController` and a `whep` source.
 */
export class WhipPublisher {
  readonly #options: WhipPublisherOptions;
  #pc: RTCPeerConnection | null = null;
  #resource: string | null = null;
  #state: WhipState = 'idle';
  readonly #listeners = new Set<(state: WhipState) => void>();

  constructor(options: WhipPublisherOptions) {
    this.#options = options;
  }

  /** The current state. */
  get state(): WhipState {
    return this.#state;
  }

  /** Calls `listener` on every state change; returns the function that removes it. */
  onStateChange(listener: (state: WhipState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts publishing every track of `stream`. Resolves once the server accepted the offer (media
   * flows once `state` is `live`); rejects with `forbidden` for a bad token, `invalid`, or `network`.
   */
  async start(stream: MediaStream): Promise<void> {
    if (this.#pc) throw new LiveShopError('conflict', 'this publisher is already started');
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    this.#pc = pc;
    this.#set('connecting');
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    pc.addEventListener('connectionstatechange', this.#onConnectionState);
    try {
      await pc.setLocalDescription(await pc.createOffer());
      await gathered(pc, this.#options.gatherTimeoutMs ?? 2_000);
      const offer = pc.localDescription?.sdp;
      if (!offer) throw new LiveShopError('media', 'WHIP: the browser produced no SDP offer');
      let response: Response;
      try {
        response = await fetch(this.#options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${this.#options.token}` },
          body: offer,
        });
      } catch (cause) {
        throw new LiveShopError('network', `WHIP: ${this.#options.url} is unreachable`, { cause });
      }
      if (response.status !== 201) throw await refusal(response, 'WHIP');
      const location = response.headers.get('Location');
      this.#resource = location ? new URL(location, this.#options.url).href : null;
      const answer = await response.text();
      if (this.#pc !== pc) return;
      await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    } catch (error) {
      if (this.#pc === pc) {
        this.#close();
        this.#set('failed');
      }
      throw error;
    }
  }

  /** Stops sending and ends the server's session (DELETE with the token). Tracks stay with the caller. */
  async stop(): Promise<void> {
    const resource = this.#resource;
    this.#resource = null;
    this.#close();
    this.#set('stopped');
    if (!resource) return;
    const response = await fetch(resource, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${this.#options.token}` },
      keepalive: true,
    });
    // 404: the server already ended it (it ends sessions whose connection closes).
    if (!response.ok && response.status !== 404) throw await refusal(response, 'WHIP');
  }

  readonly #onConnectionState = (): void => {
    const state = this.#pc?.connectionState;
    if (state === 'connected') this.#set('live');
    else if (state === 'failed' || state === 'closed') this.#set('failed');
  };

  #close(): void {
    const pc = this.#pc;
    this.#pc = null;
    if (!pc) return;
    pc.removeEventListener('connectionstatechange', this.#onConnectionState);
    pc.close();
  }

  #set(state: WhipState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of [...this.#listeners]) listener(state);
  }
}

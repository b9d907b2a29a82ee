// Keyframe requests of the dev relay: a viewer's picture starts at a keyframe, so how fast one arrives after a
// viewer connects is most of its time to first frame once ICE and DTLS are done.

/** How often an unanswered keyframe request is repeated. */
export const KEYFRAME_RETRY_MS = 100;
/** A request no keyframe answered in this long is dropped (the host stalled; the next request starts again). */
export const KEYFRAME_GIVE_UP_MS = 3_000;

/**
 * Whether an RTP payload starts a VP8 keyframe (RFC 7741): the first packet of partition 0 (`S` set,
 * `PID` 0) whose VP8 frame header has the inverse key frame bit `P` clear.
 */
export function isVp8KeyframeStart(payload: Uint8Array): boolean {
  const first = payload[0];
  if (first === undefined) return false;
  const start = (first & 0x10) !== 0;
  const partition = first & 0x07;
  if (!start || partition !== 0) return false;
  let offset = 1;
  if (first & 0x80) {
    // X: an extension byte says which optional fields follow.
    const extension = payload[offset++] ?? 0;
    if (extension & 0x80) offset += (payload[offset] ?? 0) & 0x80 ? 2 : 1; // I: PictureID, 7 or 15 bits
    if (extension & 0x40) offset += 1; // L: TL0PICIDX
    if (extension & 0x30) offset += 1; // T or K: TID/Y/KEYIDX
  }
  const header = payload[offset];
  return header !== undefined && (header & 0x01) === 0;
}

/**
 * Asks a publisher for a keyframe until one comes: one request at once, then one every
 * {@link KEYFRAME_RETRY_MS} until {@link KeyframeRequests.keyframeSeen} (or {@link KEYFRAME_GIVE_UP_MS}).
 *
 * Why repeat: a browser encoder ignores keyframe requests for 300 ms after its last keyframe (libwebrtc's
 * minimum keyframe send interval), and the keyframe of a request sent when a viewer's DTLS finished on the
 * relay's side may reach that viewer before its own side has finished, and be dropped. A single request
 * then costs the viewer the 500 ms until its browser asks again; repeating it costs a few 30-byte RTCP
 * packets. Requests while one is pending join it, so many viewers joining at once (or a viewer that keeps
 * asking) still make at most one keyframe per encoder interval.
 */
export class KeyframeRequests {
  readonly #send: () => void;
  readonly #retryMs: number;
  readonly #giveUpMs: number;
  readonly #now: () => number;
  #pendingSince: number | null = null;
  #timer: NodeJS.Timeout | undefined;

  /** `send`: sends one request (a PLI) to the publisher; it reports its own failures. */
  constructor(send: () => void, options: { retryMs?: number; giveUpMs?: number; now?: () => number } = {}) {
    this.#send = send;
    this.#retryMs = options.retryMs ?? KEYFRAME_RETRY_MS;
    this.#giveUpMs = options.giveUpMs ?? KEYFRAME_GIVE_UP_MS;
    this.#now = options.now ?? Date.now;
  }

  /** True while a request waits for its keyframe. */
  get pending(): boolean {
    return this.#pendingSince !== null;
  }

  /** Asks for a keyframe now, unless a request already waits for one (then that one keeps asking). */
  request(): void {
    if (this.#pendingSince !== null) return;
    this.#pendingSince = this.#now();
    this.#send();
    this.#timer = setInterval(() => {
      if (this.#pendingSince === null || this.#now() - this.#pendingSince >= this.#giveUpMs) this.#stop();
      else this.#send();
    }, this.#retryMs);
  }

  /** The publisher sent a keyframe: whatever was asked for is answered. */
  keyframeSeen(): void {
    this.#stop();
  }

  /** Stops asking (the publisher left). */
  dispose(): void {
    this.#stop();
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#pendingSince = null;
  }
}

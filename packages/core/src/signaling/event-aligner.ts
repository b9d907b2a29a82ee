import type { RoomEvent } from '@live-shop/protocol';

/**
 * Event types shown "in the picture" by default: what the host triggers on camera (pin a product, start a
 * countdown, open a poll, draw a lottery). Chat, stock and moderation are not held: a viewer's own message
 * must show at once, and stock is a fact, not a moment of the show. Red-envelope rain is not held either:
 * grabs close at a server deadline, and a viewer seconds behind would lose those seconds of the rain (the
 * flash sale solves the same problem by ranking on reported latency; envelopes are first come).
 */
export const DEFAULT_ALIGNED_PREFIXES: readonly string[] = ['product.pinned', 'product.unpinned', 'countdown.', 'poll.', 'lottery.'];

/** Tells whether an event waits for the picture; see {@link DEFAULT_ALIGNED_PREFIXES}. */
export type AlignedEventFilter = (event: RoomEvent) => boolean;

/** The default {@link AlignedEventFilter}: the event's type starts with one of {@link DEFAULT_ALIGNED_PREFIXES}. */
export function isAlignedByDefault(event: RoomEvent): boolean {
  return DEFAULT_ALIGNED_PREFIXES.some((prefix) => event.t.startsWith(prefix));
}

/** What {@link EventAligner} needs from around it. */
export interface EventAlignerOptions {
  /**
   * The server-clock time of the frame on screen now (server clock minus this viewer's live latency), or
   * null while there is no picture or its latency is unknown: then events pass at once.
   */
  pictureTime(): number | null;
  /** Hands an event on to the stores. Called in seq order for the aligned events. */
  release(event: RoomEvent): void;
  /** Which events wait for the picture. Default {@link isAlignedByDefault}. */
  isAligned?: AlignedEventFilter;
  /**
   * Longest an event is held, ms of this client's clock, whatever the latency says: a stalled or frozen
   * picture must not hold the room back for ever. Default 15 000 (the highest latency a client may report).
   */
  maxHoldMs?: number;
}

interface Held {
  event: RoomEvent;
  /** `performance.now()` when it arrived, for {@link EventAlignerOptions.maxHoldMs}. */
  arrivedAt: number;
}

/**
 * Holds each room event until this viewer's picture reaches the moment the host triggered it
 * (`event.at` on the server clock), then releases it: the pinned card appears when the viewer sees the host
 * hold the coat up, seconds after the server knew on an HLS viewer, at once on a sub-second WebRTC viewer.
 *
 * Aligned events leave in arrival (seq) order; other events pass through at once. Call
 * {@link EventAligner.update} when the latency estimate changes, {@link EventAligner.flush} when there is no
 * picture any more (release everything now), {@link EventAligner.clear} when a snapshot replaced the state
 * (the held events are in it already).
 */
export class EventAligner {
  readonly #pictureTime: () => number | null;
  readonly #release: (event: RoomEvent) => void;
  readonly #isAligned: AlignedEventFilter;
  readonly #maxHoldMs: number;
  readonly #held: Held[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: EventAlignerOptions) {
    this.#pictureTime = options.pictureTime;
    this.#release = options.release;
    this.#isAligned = options.isAligned ?? isAlignedByDefault;
    this.#maxHoldMs = options.maxHoldMs ?? 15_000;
  }

  /** How many events wait for the picture now. */
  get pending(): number {
    return this.#held.length;
  }

  /** Takes a room event: releases it now, or holds it until the picture reaches `event.at`. */
  push(event: RoomEvent): void {
    if (!this.#isAligned(event)) {
      this.#release(event);
      return;
    }
    this.#held.push({ event, arrivedAt: performance.now() });
    this.update();
  }

  /** Releases what the picture has reached and waits for the next one; call when the latency changed. */
  update(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = performance.now();
    while (this.#held.length > 0) {
      const head = this.#held[0] as Held;
      const picture = this.#pictureTime();
      const waitMs = picture === null ? 0 : head.event.at - picture;
      const heldFor = now - head.arrivedAt;
      if (waitMs > 0 && heldFor < this.#maxHoldMs) {
        // Picture time runs at the client's pace, so the wait in client ms is the gap itself; cap it by the
        // hold bound, and look again then (the latency may have moved meanwhile).
        this.#timer = setTimeout(() => this.update(), Math.min(waitMs, this.#maxHoldMs - heldFor));
        return;
      }
      this.#held.shift();
      this.#release(head.event);
    }
  }

  /** Releases every held event now, in order (the picture is gone, or alignment was switched off). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const { event } of this.#held.splice(0)) this.#release(event);
  }

  /** Drops every held event without releasing it (a fresh snapshot already contains their effect). */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#held.length = 0;
  }
}

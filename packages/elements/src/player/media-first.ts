import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The longest the player shows its video alone while the first frame loads. */
export const MEDIA_FIRST_MAX_MS = 1_000;

/**
 * "Media first": while an autoplaying player waits for its first frame, the work the picture does not need
 * (rendering the overlays and their child elements, parsing their styles, formatting the first prices, and,
 * when the page names the stream with `src`, the room's connection and snapshot) would share the main thread
 * with hls.js's first segment and delay the picture. The gate holds that work until the first frame is on
 * screen, the media fails or stops, or {@link MEDIA_FIRST_MAX_MS} passed (whichever comes first), then lets it
 * all run. It holds once per connection: after a release it stays released.
 */
export class MediaFirstGate implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #maxMs: number;
  #held = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #waiting: (() => void)[] = [];

  constructor(host: ReactiveControllerHost, maxMs = MEDIA_FIRST_MAX_MS) {
    this.#host = host;
    this.#maxMs = maxMs;
    host.addController(this);
  }

  /** Whether the overlays (and the room's connection with `src`) are still waiting for the first frame. */
  get held(): boolean {
    return this.#held;
  }

  /** Starts holding (on connect, when the player will autoplay); released at the latest after the bound. */
  hold(): void {
    if (this.#held) return;
    this.#held = true;
    this.#timer = setTimeout(() => this.release(), this.#maxMs);
  }

  /** Lets the held work run (idempotent). */
  release(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#held) return;
    this.#held = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const run of waiting) run();
    this.#host.requestUpdate();
  }

  /** Runs `work` now if nothing is held, else once released (dropped if the host disconnects first). */
  afterRelease(work: () => void): void {
    if (this.#held) this.#waiting.push(work);
    else work();
  }

  hostDisconnected(): void {
    // A player taken out of the page before its first frame starts over when it is put back.
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#held = false;
    this.#waiting = [];
  }
}

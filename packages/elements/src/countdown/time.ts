import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Time left as a clock: `m:ss` under an hour, `h:mm:ss` above. Rounds up, so the display shows `0:00` only at
 * zero, and every viewer whose server clock estimate agrees sees the same second.
 */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Re-renders its host when the displayed second changes, counting towards a server-clock instant: each tick is
 * scheduled for the moment the rounded-up seconds left change (not every 1000 ms from an arbitrary start), so
 * two viewers' displays flip together. Runs only while the host is connected and a target is set.
 */
export class SecondTicker implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #target: () => { at: number; now: () => number } | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;

  /**
   * @param host the element to re-render.
   * @param target the server instant to count towards and the server clock, or null when there is none.
   */
  constructor(host: ReactiveControllerHost, target: () => { at: number; now: () => number } | null) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  /** @internal */
  hostConnected(): void {
    this.#connected = true;
    this.#schedule();
  }

  /** @internal */
  hostUpdated(): void {
    this.#schedule();
  }

  /** @internal */
  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const target = this.#connected ? this.#target() : null;
    if (!target) return;
    const left = target.at - target.now();
    if (left <= 0) return;
    // Wake just after the displayed (rounded-up) second changes.
    const wait = (left % 1000 || 1000) + 5;
    this.#timer = setTimeout(() => this.#host.requestUpdate(), wait);
  }
}

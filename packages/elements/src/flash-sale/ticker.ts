import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host every `periodMs` while `active()` says a countdown is on screen, and not at all
 * otherwise; the timer stops when the host disconnects, so a removed element leaves nothing running.
 */
export class Ticker implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #active: () => boolean;
  readonly #periodMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, active: () => boolean, periodMs = 250) {
    this.#host = host;
    this.#active = active;
    this.#periodMs = periodMs;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  /** After each render: run while a countdown shows, stop when none does. */
  hostUpdated(): void {
    if (this.#connected && this.#active()) this.#start();
    else this.#stop();
  }

  #start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => this.#host.requestUpdate(), this.#periodMs);
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

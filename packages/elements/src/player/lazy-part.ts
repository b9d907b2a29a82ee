import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An element the player renders only after a tap (the checkout sheet, the shopping bag), kept out of the
 * script-tag entry: its module is imported the first time it is wanted — or earlier, when the browser is
 * idle after the player connected, so the tap finds it ready — and the host re-renders once it is defined.
 * Until then the player renders nothing in its place (an undefined element could not take focus).
 */
export class LazyPart implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #tag: string;
  readonly #load: () => Promise<unknown>;
  #loading: Promise<void> | null = null;
  #idle: number | undefined;

  constructor(host: ReactiveControllerHost, tag: string, load: () => Promise<unknown>) {
    this.#host = host;
    this.#tag = tag;
    this.#load = load;
    host.addController(this);
  }

  /** Whether the element is defined and can be rendered. */
  get ready(): boolean {
    return typeof customElements !== 'undefined' && customElements.get(this.#tag) !== undefined;
  }

  /** Imports the element (once); resolves when it is defined. A failed import is reported and may be retried. */
  load(): Promise<void> {
    if (this.ready) return Promise.resolve();
    this.#loading ??= this.#load().then(
      () => this.#host.requestUpdate(),
      (error: unknown) => {
        this.#loading = null;
        console.warn(`live-shop: could not load <${this.#tag}>`, error);
      },
    );
    return this.#loading;
  }

  hostConnected(): void {
    if (this.ready || typeof window === 'undefined') return;
    // Prefetch when the page is idle: the first tap should not wait for the network.
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1_500));
    this.#idle = idle(() => void this.load());
  }

  hostDisconnected(): void {
    if (this.#idle === undefined) return;
    (window.cancelIdleCallback ?? window.clearTimeout)(this.#idle);
    this.#idle = undefined;
  }
}

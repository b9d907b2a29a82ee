import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `callback` when the browser is idle (or after 1.5 s where it cannot tell); returns the cancel. The lazy
 * parts below prefetch this way: the first tap should not wait for the network.
 */
function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(callback);
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, 1_500);
  return () => window.clearTimeout(id);
}

/**
 * When the idle prefetch of a lazy part may start: `run` is called then (the player holds it until its first
 * frame, see media-first.ts). By default at once.
 */
export type PrefetchGate = (run: () => void) => void;

const now: PrefetchGate = (run) => run();

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
  readonly #gate: PrefetchGate;
  #loading: Promise<void> | null = null;
  #cancelIdle: (() => void) | null = null;

  constructor(host: ReactiveControllerHost, tag: string, load: () => Promise<unknown>, gate: PrefetchGate = now) {
    this.#host = host;
    this.#tag = tag;
    this.#load = load;
    this.#gate = gate;
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
    // A gate drops what it holds when the host leaves the page (hostDisconnected cancels what already ran).
    this.#gate(() => (this.#cancelIdle = whenIdle(() => void this.load())));
  }

  hostDisconnected(): void {
    this.#cancelIdle?.();
    this.#cancelIdle = null;
  }
}

/**
 * A piece of an element's behaviour that is not needed before first use (the miniplayer's drag and keyboard
 * handling), kept out of the script-tag entry the same way: `load` builds it from a lazily imported module the
 * first time it is wanted, or when the browser is idle after the host connected; `value` is null until then,
 * and the host re-renders once it is there. A builder that can answer at once (its module was imported
 * before, e.g. by another player on the page) returns the value itself: it is there in the same update.
 */
export class LazyValue<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #name: string;
  readonly #load: () => T | Promise<T>;
  #value: T | null = null;
  readonly #gate: PrefetchGate;
  #loading: Promise<void> | null = null;
  #cancelIdle: (() => void) | null = null;

  /** @param name - what it is, for the warning when its module cannot be imported */
  constructor(host: ReactiveControllerHost, name: string, load: () => T | Promise<T>, gate: PrefetchGate = now) {
    this.#host = host;
    this.#name = name;
    this.#load = load;
    this.#gate = gate;
    host.addController(this);
  }

  /** The value once built, else null. */
  get value(): T | null {
    return this.#value;
  }

  /** Builds the value (once); resolves when it is there. A failed import is reported and may be retried. */
  load(): Promise<void> {
    if (this.#value !== null) return Promise.resolve();
    if (this.#loading) return this.#loading;
    const built = this.#load();
    if (!(built instanceof Promise)) {
      this.#value = built;
      this.#host.requestUpdate();
      return Promise.resolve();
    }
    this.#loading = built.then(
      (value) => {
        this.#value = value;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = null;
        console.warn(`live-shop: could not load ${this.#name}`, error);
      },
    );
    return this.#loading;
  }

  hostConnected(): void {
    if (this.#value !== null || typeof window === 'undefined') return;
    // A gate drops what it holds when the host leaves the page (hostDisconnected cancels what already ran).
    this.#gate(() => (this.#cancelIdle = whenIdle(() => void this.load())));
  }

  hostDisconnected(): void {
    this.#cancelIdle?.();
    this.#cancelIdle = null;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The part of a nanostores store the elements need. Every `ReadableAtom` fits, and so does any
 * store with the same two methods, so the elements do not depend on nanostores at runtime.
 */
export interface ReadableStore<T> {
  /** The current value. */
  get(): T;
  /** Calls `listener` on every change (not with the current value); returns the unsubscribe. */
  listen(listener: (value: T) => void): () => void;
}

/**
 * Re-renders its host whenever a nanostores store changes.
 *
 * The store is looked up through `select` on connect and before every update, so a host whose
 * store comes from a property (`client.$chat` after `client` is set) follows it without extra
 * wiring. It listens only while the host is connected: removing the element drops every
 * subscription, so a merchant who removes the player leaks nothing.
 *
 * @example
 * ```ts
 * #chat = new StoreController(this, () => this.client?.$chat);
 * render() { return this.#chat.value?.map(...) }
 * ```
 */
export class StoreController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #select: () => ReadableStore<T> | null | undefined;
  #store: ReadableStore<T> | null = null;
  #unlisten: (() => void) | null = null;
  #connected = false;

  /**
   * @param host the element to re-render.
   * @param select returns the store to follow, or nothing while there is none yet.
   */
  constructor(host: ReactiveControllerHost, select: () => ReadableStore<T> | null | undefined) {
    this.#host = host;
    this.#select = select;
    host.addController(this);
  }

  /** The store's current value, or `undefined` while there is no store. */
  get value(): T | undefined {
    const store = this.#store ?? this.#select() ?? null;
    return store ? store.get() : undefined;
  }

  /** True while a store listener is registered (for tests and debugging). */
  get listening(): boolean {
    return this.#unlisten !== null;
  }

  /** @internal */
  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  /** @internal */
  hostUpdate(): void {
    // The store may come from a property that changed since the last render.
    if (this.#connected) this.#follow();
  }

  /** @internal */
  hostDisconnected(): void {
    this.#connected = false;
    this.#drop();
  }

  #follow(): void {
    const next = this.#select() ?? null;
    if (next === this.#store && (next === null || this.#unlisten)) return;
    this.#drop();
    this.#store = next;
    if (next) {
      this.#unlisten = next.listen(() => this.#host.requestUpdate());
      // A value that changed between the last render and now would otherwise be missed.
      this.#host.requestUpdate();
    }
  }

  #drop(): void {
    this.#unlisten?.();
    this.#unlisten = null;
    this.#store = null;
  }
}

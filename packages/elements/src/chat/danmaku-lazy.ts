import type { ReactiveControllerHost } from 'lit';
import type { ChatMessage } from '@live-shop/protocol';
import type { Bullet, Danmaku } from './danmaku.js';

type DanmakuConfig = Parameters<Danmaku['configure']>[0];

/**
 * The danmaku of `<live-shop-chat>` as the chat sees it ({@link Danmaku}'s methods), with the danmaku's code
 * (lanes, animations) imported only the first time the chat switches to danmaku mode: most pages show the
 * list and never download it.
 *
 * Until then it keeps what a switched-off {@link Danmaku} keeps — the time of the first sync and the messages of
 * the last one — and hands both to the real one when it arrives, so the same messages fly as if it had always
 * been there: never the history present before, but every message that came while its code was loading.
 */
export class LazyDanmaku {
  readonly #host: ReactiveControllerHost;
  readonly #layer: () => HTMLElement | null;
  readonly #now: () => number;
  #danmaku: Danmaku | null = null;
  #loading = false;
  #config: DanmakuConfig = { lanes: 5, speed: 120, enabled: false };
  /** Server time of the first sync (see Danmaku's `since`), and the messages a switched-off danmaku has seen. */
  #since: number | null = null;
  #seen: readonly ChatMessage[] | null = null;

  /** @param now - the server clock (e.g. `client.serverNow()`), to tell history from new messages. */
  constructor(host: ReactiveControllerHost, layer: () => HTMLElement | null, now: () => number = Date.now) {
    this.#host = host;
    this.#layer = layer;
    this.#now = now;
  }

  /** The comments on their way across (none before the code arrived). */
  get bullets(): readonly Bullet[] {
    return this.#danmaku?.bullets ?? [];
  }

  /** Applies the element's settings; the first time they switch the danmaku on, its code is imported. */
  configure(config: DanmakuConfig): void {
    this.#config = config;
    if (this.#danmaku) this.#danmaku.configure(config);
    else if (config.enabled && !this.#loading) this.#load();
  }

  /** Forgets what was seen (a new client): its history will not fly either. */
  reset(): void {
    if (this.#danmaku) return this.#danmaku.reset();
    this.#since = null;
    this.#seen = null;
  }

  /** Takes the chat as it is now (see {@link Danmaku.sync}). Call before render. */
  sync(messages: readonly ChatMessage[]): void {
    if (this.#danmaku) return this.#danmaku.sync(messages);
    this.#since ??= this.#now();
    // Once switched on, the danmaku would queue what arrives from now on: keep the list from before (or the first).
    if (!this.#config.enabled || this.#seen === null) this.#seen = messages;
  }

  /** Starts the animations of the comments just rendered. Call after render. */
  launch(): void {
    this.#danmaku?.launch();
  }

  /** Stops every animation and timer and empties the screen and the queue. */
  clear(): void {
    this.#danmaku?.clear();
  }

  #load(): void {
    this.#loading = true;
    import('./danmaku.js').then(
      ({ Danmaku }) => {
        // Its first sync (the messages seen so far) takes the time of ours, so it tells history apart as we did.
        let since = this.#since;
        const danmaku = new Danmaku(this.#host, this.#layer, () => {
          const now = since ?? this.#now();
          since = null;
          return now;
        });
        if (this.#seen !== null) danmaku.sync(this.#seen);
        danmaku.configure(this.#config);
        this.#danmaku = danmaku;
        // The next update syncs the chat as it is now: what came meanwhile takes its lanes.
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = false;
        console.warn('live-shop: could not load the danmaku', error);
      },
    );
  }
}

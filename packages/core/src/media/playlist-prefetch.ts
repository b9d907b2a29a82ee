import type Hls from 'hls.js';
import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats, PlaylistLoaderContext } from 'hls.js';

/**
 * The longest a prefetched playlist may have waited for hls.js and still be used: a live playlist older than this
 * would start playback further from the live edge than a fresh request does, so hls.js asks again instead.
 */
const MAX_PLAYLIST_AGE_MS = 1_000;

/** A playlist fetched before hls.js had loaded, with the timings hls.js would have measured itself. */
export interface PrefetchedPlaylist {
  /** The URL it came from after redirects (relative segment URIs resolve against it). */
  readonly url: string;
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
  readonly startedAt: number;
  readonly firstByteAt: number;
  readonly doneAt: number;
}

/** `url` as hls.js holds it (absolute, normalised), or null when it is no URL. */
function normalised(url: string): string | null {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return null;
  }
}

/**
 * The first playlist of a stream, requested while hls.js is still downloading or evaluating, so that request's round
 * trip overlaps hls.js's own start instead of following it ({@link prefetchingPlaylistLoader} hands it over). hls.js
 * makes the same request itself when the prefetch failed, answered with an error status, is older than
 * {@link MAX_PLAYLIST_AGE_MS}, or is for another URL: it reports those failures as it always does.
 */
export class PlaylistPrefetch {
  readonly #url: string | null;
  readonly #abort = new AbortController();
  #result: Promise<PrefetchedPlaylist | null> | null;

  constructor(url: string) {
    this.#url = normalised(url);
    const startedAt = performance.now();
    // Credentials as hls.js's XHR sends them (withCredentials false: cookies to its own origin only).
    this.#result =
      this.#url === null
        ? null
        : fetch(this.#url, { signal: this.#abort.signal, credentials: 'same-origin' }).then(
            async (response) => {
              const firstByteAt = performance.now();
              if (!response.ok) return null;
              const text = await response.text();
              return { url: response.url, status: response.status, text, headers: response.headers, startedAt, firstByteAt, doneAt: performance.now() };
            },
            // Not reported: hls.js requests the playlist itself and reports what goes wrong then.
            () => null,
          );
  }

  /**
   * The prefetched playlist for a request of `url`, once: null (now) when it is for another URL or was taken; a
   * promise of null when it failed or went stale (the caller then requests it as usual).
   */
  take(url: string): Promise<PrefetchedPlaylist | null> | null {
    const result = this.#result;
    if (result === null || normalised(url) !== this.#url) return null;
    this.#result = null;
    return result.then((playlist) => (playlist && performance.now() - playlist.doneAt <= MAX_PLAYLIST_AGE_MS ? playlist : null));
  }

  /** Drops the prefetch (the transport stopped before hls.js started): its request is aborted. */
  cancel(): void {
    this.#result = null;
    this.#abort.abort();
  }
}

/**
 * hls.js's playlist loader (`pLoader`) that answers the first request of `prefetch`'s URL with the prefetched
 * playlist and passes every other request (and that one, when the prefetch has nothing) to hls.js's default loader.
 */
export function prefetchingPlaylistLoader(HlsClass: typeof Hls, prefetch: PlaylistPrefetch): NonNullable<HlsConfig['pLoader']> {
  const DefaultLoader = HlsClass.DefaultConfig.loader;
  return class PrefetchingPlaylistLoader implements Loader<PlaylistLoaderContext> {
    readonly #inner: Loader<LoaderContext>;
    /** The request being answered from the prefetch (null: the default loader has it). */
    #pending: PlaylistLoaderContext | null = null;
    #served: PrefetchedPlaylist | null = null;
    #stopped = false;

    constructor(config: HlsConfig) {
      this.#inner = new DefaultLoader(config);
    }

    get context(): PlaylistLoaderContext | null {
      return this.#pending ?? (this.#inner.context as PlaylistLoaderContext | null);
    }

    get stats(): LoaderStats {
      return this.#inner.stats;
    }

    load(context: PlaylistLoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<PlaylistLoaderContext>): void {
      const prefetched = prefetch.take(context.url);
      if (prefetched === null) {
        this.#inner.load(context, config, callbacks as LoaderCallbacks<LoaderContext>);
        return;
      }
      this.#pending = context;
      void prefetched.then((playlist) => {
        if (this.#stopped) return;
        this.#pending = null;
        if (playlist === null) {
          this.#inner.load(context, config, callbacks as LoaderCallbacks<LoaderContext>);
          return;
        }
        this.#served = playlist;
        // The default loader's stats object, filled as it would have filled it had it made this request.
        const stats = this.#inner.stats;
        stats.loading.start = playlist.startedAt;
        stats.loading.first = playlist.firstByteAt;
        stats.loading.end = playlist.doneAt;
        stats.loaded = stats.total = playlist.text.length;
        stats.bwEstimate = (stats.total * 8000) / Math.max(1, playlist.doneAt - playlist.firstByteAt);
        callbacks.onSuccess({ url: playlist.url, data: playlist.text, code: playlist.status }, stats, context, null);
      });
    }

    abort(): void {
      // hls.js never reuses a loader: once aborted, a prefetched answer still on its way is dropped.
      this.#stopped = true;
      this.#pending = null;
      this.#inner.abort();
    }

    destroy(): void {
      this.#stopped = true;
      this.#pending = null;
      this.#inner.destroy();
    }

    getCacheAge(): number | null {
      if (this.#served) {
        const header = this.#served.headers.get('age');
        const age = header === null ? NaN : Number(header);
        return Number.isFinite(age) && age >= 0 ? age : null;
      }
      return this.#inner.getCacheAge?.() ?? null;
    }

    getResponseHeader(name: string): string | null {
      if (this.#served) return this.#served.headers.get(name);
      return this.#inner.getResponseHeader?.(name) ?? null;
    }
  };
}

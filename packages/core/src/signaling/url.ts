import { LiveShopError } from '../errors.js';
// For the {@link} in the docs only.
import type { LiveShopClient } from '../client.js';

/**
 * The absolute base URL of the server, always ending in `/`. A relative `server` (e.g. `/live`) is
 * resolved against `document.baseURI`, so a page can point at the server that serves it.
 */
export function serverBaseUrl(server: string): URL {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  let url: URL;
  try {
    url = base === undefined ? new URL(server) : new URL(server, base);
  } catch (cause) {
    throw new LiveShopError('invalid', `server: "${server}" is not a URL (relative URLs need a document)`, { cause });
  }
  if (!/^(https?|wss?):$/.test(url.protocol)) {
    throw new LiveShopError('invalid', `server: "${server}" must be an http(s) URL`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * Resolves a URL the server sent (image, playlist) against its base. A root-relative path such as
 * `/media/demo/live.m3u8` is taken relative to the server's base path, so a server mounted under a prefix
 * (`https://shop.example/live/`) still works.
 */
export function resolveAgainst(base: URL, pathOrUrl: string): string {
  const relative = pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//') ? pathOrUrl.slice(1) : pathOrUrl;
  return new URL(relative, base).href;
}

/**
 * `pathOrUrl` resolved as a client of `server` resolves it ({@link LiveShopClient.resolveUrl}), without one:
 * for a page that names a stream on the server before any client exists.
 */
export function resolveServerUrl(server: string, pathOrUrl: string): string {
  return resolveAgainst(serverBaseUrl(server), pathOrUrl);
}

/** The WebSocket URL of the server: `<base>ws` with http→ws and https→wss. No token in it, ever. */
export function webSocketUrl(base: URL): string {
  const url = new URL('ws', base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.href;
}

import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ServerPaths } from '../paths.js';
import { hashedImmutable, serveStatic } from './static.js';

/**
 * The host studio at `/studio/`: its page, stylesheet and plain-JavaScript module from
 * `static/studio/`, and the core bundle it imports (`live-shop-core.js` and its lazy chunks) from
 * `dist/studio/`, built by `npm run build`. `rest` is the path after `/studio/`.
 */
export function serveStudio(
  res: ServerResponse,
  paths: ServerPaths,
  rest: string,
  htmlHeaders: () => Record<string, string>,
): Promise<void> {
  // Built files are named live-shop-core.js, hls-<hash>.js, whep-<hash>.js, deferred-<hash>.js (what the core loads
  // once it connects: the checks of commands, the checkout's steps, the engagement actions) (+ .map); the rest is
  // hand-written.
  const built = /^(live-shop-core|hls-[\w-]+|whep-[\w-]+|deferred-[\w-]+)\.js(\.map)?$/.test(rest);
  if (built) {
    return serveStatic(res, join(paths.packageDir, 'dist', 'studio'), rest, {
      cacheControl: hashedImmutable,
      precompressed: true,
      notFoundMessage: `/studio/${rest} is not built: run npm run build`,
    });
  }
  return serveStatic(res, join(paths.staticDir, 'studio'), rest === '' ? 'index.html' : rest, {
    cacheControl: 'no-cache',
    htmlHeaders,
  });
}

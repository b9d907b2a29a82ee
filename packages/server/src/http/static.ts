import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { contentTypeOf } from './content-types.js';
import { sendError } from './respond.js';

/** How to serve files under one folder. */
export interface StaticOptions {
  /** Cache-Control of the files. */
  cacheControl: string;
  /** Extra headers for HTML files (the CSP). */
  htmlHeaders?: () => Record<string, string>;
  /** Message for a missing file (e.g. a hint to build). */
  notFoundMessage?: string;
}

/**
 * Resolves a URL path below `root`, or null when it would leave `root` (`..`, encoded slashes,
 * NUL bytes, absolute paths) or is not valid percent-encoding.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..')) return null;
  const base = resolve(root);
  const file = resolve(base, ...parts);
  return file.startsWith(base + sep) ? file : null;
}

/** Serves `urlPath` from `root` (GET and HEAD). Refuses anything outside `root` with 404. */
export async function serveStatic(
  res: ServerResponse,
  root: string,
  urlPath: string,
  options: StaticOptions,
): Promise<void> {
  const file = resolveInside(root, urlPath);
  const notFound = () => sendError(res, 'not_found', options.notFoundMessage ?? `no such file: ${urlPath}`);
  if (file === null) return notFound();
  let target = file;
  let info;
  try {
    info = await stat(target);
    // A folder URL ending in "/" serves its index.html, as a person typing /examples/x/ expects.
    if (info.isDirectory() && urlPath.endsWith('/')) info = await stat((target = join(target, 'index.html')));
  } catch {
    return notFound();
  }
  if (!info.isFile()) return notFound();
  const type = contentTypeOf(target);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': options.cacheControl,
    'Last-Modified': info.mtime.toUTCString(),
    ...(type.startsWith('text/html') ? (options.htmlHeaders?.() ?? {}) : {}),
  });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(target);
    stream.once('error', fail);
    res.once('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}

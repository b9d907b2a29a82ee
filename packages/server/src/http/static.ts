import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { contentTypeOf } from './content-types.js';
import { sendError } from './respond.js';

/** How to serve files under one folder. */
export interface StaticOptions {
  /** Cache-Control of the files (or of each file, by its path below the folder). */
  cacheControl: string | ((urlPath: string) => string);
  /** Extra headers for HTML files (the CSP). */
  htmlHeaders?: () => Record<string, string>;
  /** Message for a missing file (e.g. a hint to build). */
  notFoundMessage?: string;
  /**
   * Serve `<file>.br` / `<file>.gz` (written by the build next to the file) to a browser that accepts them, with
   * `Content-Encoding` and `Vary: Accept-Encoding`; the file itself otherwise.
   */
  precompressed?: boolean;
}

/** Cache-Control for a build folder: chunks named with a content hash never change; anything else is revalidated. */
export function hashedImmutable(urlPath: string): string {
  return /-[A-Za-z0-9_-]{8}\.js(\.map)?$/.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
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

/** Whether `Accept-Encoding` accepts `coding` (a listed token without `q=0`). */
export function acceptsEncoding(header: string | undefined, coding: 'br' | 'gzip'): boolean {
  if (!header) return false;
  return header.split(',').some((entry) => {
    const [token = '', ...params] = entry.trim().toLowerCase().split(';');
    if (token.trim() !== coding) return false;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/** Whether the browser's copy (If-None-Match, else If-Modified-Since) is still this one. */
function notModified(headers: IncomingHttpHeaders, etag: string, mtime: Date): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const since = headers['if-modified-since'];
  // Last-Modified has whole seconds: compare at that precision.
  return since !== undefined && Math.floor(mtime.getTime() / 1000) <= Math.floor(Date.parse(since) / 1000);
}

/** The precompressed variant of `target` the request accepts and the build wrote (not older than the file), if any. */
async function compressedVariant(target: string, headers: IncomingHttpHeaders, mtimeMs: number): Promise<{ path: string; size: number; coding: string } | null> {
  for (const [coding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (!acceptsEncoding(headers['accept-encoding'], coding)) continue;
    try {
      const info = await stat(target + suffix);
      if (info.isFile() && info.mtimeMs >= mtimeMs) return { path: target + suffix, size: info.size, coding };
    } catch {
      // Not written for this file (small or not compressible): try the next one, else the file itself.
    }
  }
  return null;
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
  const variant = options.precompressed ? await compressedVariant(target, res.req.headers, info.mtimeMs) : null;
  // One validator per representation: the compressed bytes are not the plain file's.
  const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${variant ? `-${variant.coding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Cache-Control': typeof options.cacheControl === 'function' ? options.cacheControl(urlPath) : options.cacheControl,
    'Last-Modified': info.mtime.toUTCString(),
    ETag: etag,
    // Added to what came before (CORS varies by Origin): a cache must key on both.
    ...(options.precompressed ? { Vary: varyAlso(res.getHeader('Vary'), 'Accept-Encoding') } : {}),
    ...(type.startsWith('text/html') ? (options.htmlHeaders?.() ?? {}) : {}),
  };
  if (notModified(res.req.headers, etag, info.mtime)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Length': variant?.size ?? info.size,
    ...(variant ? { 'Content-Encoding': variant.coding } : {}),
  });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(variant?.path ?? target);
    stream.once('error', fail);
    res.once('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}

/** The `Vary` value `current` (set by an earlier step, or none) with `field` added once. */
function varyAlso(current: number | string | string[] | undefined, field: string): string {
  const fields = (Array.isArray(current) ? current : [String(current ?? '')]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return (fields.some((value) => value.toLowerCase() === field.toLowerCase()) ? fields : [...fields, field]).join(', ');
}

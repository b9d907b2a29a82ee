import type { ServerResponse } from 'node:http';

/** Headers every response carries. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
}

/**
 * The Content-Security-Policy for HTML pages: only this server's scripts, styles and media, sockets to
 * this server (`ws:`/`wss:`) and to the allowed origins, nothing inline, no plugins, no <base> tricks.
 */
export function htmlContentSecurityPolicy(allowedOrigins: readonly string[]): string {
  const extra = allowedOrigins.length > 0 ? ` ${allowedOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src 'self' ws: wss:${extra}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

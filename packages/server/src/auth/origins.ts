/** Decides whether a browser page of some origin may use this server (WebSocket, CORS). */
export type OriginPolicy = (origin: string | undefined) => boolean;

const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Allowed: the server's own origin, the listed origins and, in development (`allowLocalhost`), any
 * http://localhost:* or http://127.0.0.1:* page. A request without an Origin header is not from a
 * browser page, so there is nothing for this check to protect and it is allowed.
 */
export function createOriginPolicy(options: {
  selfOrigin: () => string;
  allowed: readonly string[];
  allowLocalhost: boolean;
}): OriginPolicy {
  const allowed = new Set(options.allowed.map(normalise));
  return (origin) => {
    if (origin === undefined) return true;
    const o = normalise(origin);
    return o === normalise(options.selfOrigin()) || allowed.has(o) || (options.allowLocalhost && LOCAL.test(o));
  };
}

function normalise(origin: string): string {
  return origin.trim().toLowerCase().replace(/\/$/, '');
}

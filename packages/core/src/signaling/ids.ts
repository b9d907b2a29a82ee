const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A random URL-safe string of `length` characters (6 bits each), from `crypto.getRandomValues`, which,
 * unlike `crypto.randomUUID`, also works on plain-http merchant pages.
 */
export function randomId(length = 22): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}

/** Returns a function that makes command ids unique on one connection: `<prefix>1`, `<prefix>2`, … */
export function commandIds(prefix = 'c'): () => string {
  let next = 0;
  return () => `${prefix}${++next}`;
}

/** A fresh idempotency key for one checkout (matches the protocol's 8-64 URL-safe characters). */
export function idempotencyKey(): string {
  return randomId(22);
}

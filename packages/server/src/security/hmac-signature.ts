import { createHmac, timingSafeEqual } from 'node:crypto';
import { LiveShopServerError } from '../errors.js';

/** Header that carries the signature of a merchant callback or of a webhook live-shop sends. */
export const SIGNATURE_HEADER = 'live-shop-signature';

/** Default tolerance between the signed timestamp and the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Signs a raw body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 *
 * The timestamp is inside the MAC, so a captured request cannot be replayed later with a new time,
 * and the raw bytes are signed (not a re-serialised object), so the receiver verifies exactly what
 * arrived on the wire.
 */
export function signBody(secret: string, rawBody: string, nowSeconds: number = Math.floor(Date.now() / 1000)): string {
  return `t=${nowSeconds},v1=${mac(secret, nowSeconds, rawBody)}`;
}

/** Why a signature was refused; the message says which check failed. */
export type SignatureFailure = 'malformed' | 'stale' | 'future' | 'mismatch';

/** Thrown by {@link verifyBody}: code `forbidden`, plus the failed check in `reason`. */
export class SignatureError extends LiveShopServerError {
  readonly reason: SignatureFailure;

  constructor(reason: SignatureFailure, message: string) {
    super('forbidden', message);
    this.name = 'SignatureError';
    this.reason = reason;
  }
}

/**
 * Verifies a `live-shop-signature` header against the raw body. Throws {@link SignatureError} for a
 * malformed header, a timestamp outside the tolerance (stale or from the future), or a MAC that does
 * not match; compares in constant time. Several `v1=` entries are allowed (secret rotation).
 * Returns the signed timestamp.
 */
export function verifyBody(
  secret: string,
  rawBody: string,
  header: string | undefined,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): number {
  if (!header || header.length > 1024) throw new SignatureError('malformed', 'missing or oversized signature header');
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const item of header.split(',')) {
    const [key, value] = item.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) {
    throw new SignatureError('malformed', 'the signature header needs t=<unix seconds> and v1=<hex hmac>');
  }
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (timestamp < now - tolerance) throw new SignatureError('stale', `the signature is older than ${tolerance} s`);
  if (timestamp > now + tolerance) throw new SignatureError('future', `the signature is dated more than ${tolerance} s ahead`);
  const expected = Buffer.from(mac(secret, timestamp, rawBody), 'hex');
  const matches = candidates.some((candidate) => timingSafeEqual(expected, Buffer.from(candidate, 'hex')));
  if (!matches) throw new SignatureError('mismatch', 'the signature does not match the body');
  return timestamp;
}

function mac(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

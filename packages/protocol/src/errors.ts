/**
 * Stable error codes carried by acks, error frames and HTTP error bodies.
 *
 * One list for client and server so that a code the server sends is always one the client knows.
 */
export const ERROR_CODES = [
  /** The frame or input failed validation; `message` says which field. */
  'invalid',
  /** The frame was larger than {@link MAX_FRAME_BYTES}. */
  'too_large',
  /** A command was sent before `hello` was answered. */
  'not_joined',
  /** The token does not allow this command (e.g. a viewer trying to pin). */
  'forbidden',
  /** The request carries no credentials, or not in the required form (HTTP 401). */
  'unauthorized',
  /** The room, product or variant does not exist. */
  'not_found',
  /** The variant has no stock left at all. */
  'sold_out',
  /** The variant has stock, but less than the requested quantity. */
  'insufficient_stock',
  /** The same idempotency key was used before with a different order body. */
  'conflict',
  /** The viewer already holds or bought as many units as the variant's or the flash sale's per-viewer limit allows. */
  'limit_reached',
  /** The flash sale has not started yet (for this viewer: before its own zero, `startsAt` + its latency). */
  'sale_not_started',
  /** The flash sale is over (ended, stopped or its quota gone for good). */
  'sale_ended',
  /** The order's reservation or payment window ran out; its units went back to stock. */
  'expired',
  /** Too many commands in too short a time. */
  'rate_limited',
  /** The text contains a word the room or the built-in list blocks; it was not posted. */
  'blocked',
  /** This viewer already did this once (voted in the poll, grabbed an envelope of the rain). */
  'already_done',
  /** The poll, lottery or red-envelope rain is not open any more. */
  'ended',
  /** Nothing left to grant: the red-envelope rain's quota is used up. */
  'exhausted',
  /**
   * The coupon named with an order cannot be used on it: not this viewer's (or not in this room), expired, used or
   * held by another open order, below its minimum spend, or in another currency. `message` says which.
   */
  'coupon_invalid',
  /** Something failed on the server; the request may be retried. */
  'internal',
] as const;

/** A stable error code; see {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error part of an ack or an HTTP error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** Returns true when `value` is one of the known {@link ErrorCode}s. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

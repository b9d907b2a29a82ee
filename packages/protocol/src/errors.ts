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
  /** The room, product or variant does not exist. */
  'not_found',
  /** The variant has no stock left at all. */
  'sold_out',
  /** The variant has stock, but less than the requested quantity. */
  'insufficient_stock',
  /** The same idempotency key was used before with a different order body. */
  'conflict',
  /** Too many commands in too short a time. */
  'rate_limited',
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

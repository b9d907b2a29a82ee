import { isErrorCode, type ErrorCode } from '@live-shop/protocol';

/**
 * Every error code the core reports: the protocol's codes (sent by the server) plus the ones only the
 * client can see.
 *
 * - `network`: the socket failed or closed before the answer came.
 * - `timeout`: no answer (ack, pong, first video frame) in time.
 * - `closed`: the client was disposed, or gave up reconnecting.
 * - `media`: the video failed to load or decode.
 * - `media_unsupported`: this browser can play none of the offered sources.
 */
export type LiveShopErrorCode = ErrorCode | 'network' | 'timeout' | 'closed' | 'media' | 'media_unsupported';

/** Error with a stable {@link LiveShopErrorCode}, a human message and the underlying `cause`. */
export class LiveShopError extends Error {
  /** Stable code to branch on; the message is for people and may change. */
  readonly code: LiveShopErrorCode;

  /**
   * @param code - stable code, see {@link LiveShopErrorCode}
   * @param message - what went wrong, for people
   * @param options - `cause`: the error this one wraps
   */
  constructor(code: LiveShopErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LiveShopError';
    this.code = code;
  }
}

/** Builds a {@link LiveShopError} from an error body an ack or error frame carried. */
export function errorFromBody(body: { code: string; message: string } | undefined): LiveShopError {
  if (!body) return new LiveShopError('internal', 'the server refused the command without saying why');
  return new LiveShopError(isErrorCode(body.code) ? body.code : 'internal', body.message);
}

/** Wraps anything thrown into a {@link LiveShopError}, keeping LiveShopErrors as they are. */
export function toLiveShopError(error: unknown, code: LiveShopErrorCode, message: string): LiveShopError {
  return error instanceof LiveShopError ? error : new LiveShopError(code, message, { cause: error });
}

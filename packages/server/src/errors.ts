import type { ErrorBody, ErrorCode } from '@live-shop/protocol';

/**
 * A failure the server can explain to a client: a stable protocol {@link ErrorCode} plus a human message.
 *
 * Domain functions throw it; handlers turn it into an ack or an HTTP error body. Anything else that
 * reaches a handler is an unexpected fault and becomes `internal` (and is logged).
 */
export class LiveShopServerError extends Error {
  /** Stable code sent to the client. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LiveShopServerError';
    this.code = code;
  }

  /** The wire form of this error. */
  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** HTTP status for each error code, for the HTTP API. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid: 400,
  too_large: 413,
  not_joined: 409,
  forbidden: 403,
  unauthorized: 401,
  not_found: 404,
  sold_out: 409,
  insufficient_stock: 409,
  conflict: 409,
  limit_reached: 409,
  sale_not_started: 409,
  sale_ended: 409,
  expired: 410,
  already_done: 409,
  ended: 410,
  exhausted: 409,
  coupon_invalid: 422,
  rate_limited: 429,
  blocked: 422,
  internal: 500,
};

import type { IncomingMessage, ServerResponse } from 'node:http';
import { validate } from '@live-shop/protocol';
import { applyPayment, PaymentEventSchema } from '../commerce/payments.js';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from '../rooms/context.js';
import { SIGNATURE_HEADER, verifyBody } from '../security/hmac-signature.js';
import { readText } from './merchant-body.js';
import { sendError, sendJson } from './respond.js';

/** Largest payment result body accepted. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * `POST /api/payments`: the merchant's backend reports a payment result, signed with the merchant
 * secret (`live-shop-signature: t=…,v1=…`, HMAC-SHA256 of `<t>.<raw body>`). Bad signatures, mutated
 * bodies and stale or future timestamps are refused with 403 before the body is even parsed.
 *
 * Answers 200 `{ order, duplicate }`.
 */
export async function handlePayment(
  ctx: DomainContext,
  merchantSecret: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendError(res, 'invalid', `method ${req.method ?? ''} is not allowed`, 405);
  }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendError(res, 'invalid', 'the body must be application/json', 415);
  }
  const raw = await readText(req, MAX_BODY_BYTES);
  verifyBody(merchantSecret, raw, headerOf(req, SIGNATURE_HEADER));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return sendError(res, 'invalid', 'the body is not valid JSON');
  }
  const body = validate(PaymentEventSchema, json);
  if (!body.ok) return sendError(res, 'invalid', body.error.message);
  sendJson(res, 200, await applyPayment(ctx, body.value));
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}


import type { IncomingMessage, ServerResponse } from 'node:http';
import { isApiKey } from '../merchant/api-key.js';
import { sendError } from './respond.js';

/** Query parameters that look like credentials: a key must never travel in a URL (logs, proxies, Referer). */
const CREDENTIAL_PARAMS = new Set(['key', 'api_key', 'apikey', 'api-key', 'token', 'access_token', 'auth', 'authorization', 'secret']);

/** True when the query string carries something that looks like a credential. */
export function hasCredentialInQuery(search: URLSearchParams): boolean {
  for (const name of search.keys()) if (CREDENTIAL_PARAMS.has(name.toLowerCase())) return true;
  return false;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer[ ]+([\x21-\x7e]{1,4096})\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Checks the merchant API key of a request. Answers 400 when credentials are in the URL, 401 when the
 * `Authorization: Bearer` header is missing or malformed, 403 when the key is wrong, and returns false;
 * returns true when the key is right. The key is compared in constant time and never echoed or logged.
 */
export function authorizeMerchant(req: IncomingMessage, res: ServerResponse, search: URLSearchParams, apiKey: string): boolean {
  if (hasCredentialInQuery(search)) {
    sendError(res, 'invalid', 'credentials are never accepted in a URL: send Authorization: Bearer <key>');
    return false;
  }
  const presented = bearerToken(req);
  if (presented === null) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="live-shop merchant API"');
    sendError(res, 'unauthorized', 'send the merchant API key as Authorization: Bearer <key>');
    return false;
  }
  if (!isApiKey(apiKey, presented)) {
    sendError(res, 'forbidden', 'the merchant API key is not valid');
    return false;
  }
  return true;
}

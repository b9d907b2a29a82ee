import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OriginPolicy } from '../auth/origins.js';
import { verifyToken } from '../auth/tokens.js';
import { eraseViewerData } from '../merchant/privacy.js';
import type { DomainContext } from '../rooms/context.js';
import { bearerToken, hasCredentialInQuery } from './merchant-auth.js';
import { sendError, sendJson } from './respond.js';

/** Path of the viewer's delete-my-data request. */
export const DELETE_MY_DATA_PATH = '/api/privacy/delete-my-data';

/** What the privacy route needs. */
export interface PrivacyRouteOptions {
  ctx: DomainContext;
  /** Secret viewer tokens are signed with (as for the WebSocket hello). */
  secret: string;
  /** Merchant pages allowed to call it from the browser (CORS). */
  isAllowedOrigin: OriginPolicy;
}

/**
 * `POST /api/privacy/delete-my-data` with the viewer's token as `Authorization: Bearer <token>` (verified
 * as the WebSocket hello verifies it): erases name, phone and address of every order of the token's
 * subject and answers `{ id, orders, at }`. An anonymous viewer has no token and no data to delete
 * (401). Merchant pages on allowed origins may call it cross-origin.
 */
export async function handleDeleteMyData(options: PrivacyRouteOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  const allowed = origin !== undefined && options.isAllowedOrigin(origin);
  if (allowed) res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method === 'OPTIONS') {
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.writeHead(allowed ? 204 : 403).end();
    return;
  }
  if (origin !== undefined && !allowed) return sendError(res, 'forbidden', `origin ${origin} may not call this`);
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST, OPTIONS');
    return sendError(res, 'invalid', `method ${req.method ?? ''} is not allowed`, 405);
  }
  const search = new URLSearchParams((req.url ?? '').split('?', 2)[1] ?? '');
  if (hasCredentialInQuery(search)) {
    return sendError(res, 'invalid', 'credentials are never accepted in a URL: send Authorization: Bearer <token>');
  }
  const token = bearerToken(req);
  if (token === null) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="live-shop viewer"');
    return sendError(res, 'unauthorized', 'send your viewer token as Authorization: Bearer <token>; an anonymous viewer has no data to delete');
  }
  const claims = await verifyToken(options.secret, token);
  sendJson(res, 200, await eraseViewerData(options.ctx, claims.sub, 'viewer'));
}

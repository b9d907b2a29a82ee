import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RoomOrigins } from '../auth/room-origins.js';
import type { OriginPolicy } from '../auth/origins.js';
import { LiveShopServerError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ServerPaths } from '../paths.js';
import type { DomainContext } from '../rooms/context.js';
import { handleApi } from './api.js';
import { handlePayment } from './payments.js';
import { MerchantRoutes } from './merchant.js';
import { DELETE_MY_DATA_PATH, handleDeleteMyData } from './privacy.js';
import { applyCors } from './cors.js';
import type { MediaRoutes } from './media.js';
import { WebRtcRoutes } from '../media/webrtc/routes.js';
import { sendError, sendJson } from './respond.js';
import { htmlContentSecurityPolicy, setSecurityHeaders } from './security-headers.js';
import { hashedImmutable, serveStatic } from './static.js';
import { serveStudio } from './studio.js';

/** What the HTTP routes need. */
export interface RouterDeps {
  ctx: DomainContext;
  paths: ServerPaths;
  media: MediaRoutes;
  /** WHIP/WHEP of the dev WebRTC relay (`/whip/*`, `/whep/*`); absent: those paths are 404. */
  webrtc?: WebRtcRoutes;
  /** Secret of `POST /api/payments` signatures (server to server: no CORS). */
  merchantSecret: string;
  isAllowedOrigin: OriginPolicy;
  /** The merchant API (`/api/merchant/*`, API key, server to server: no CORS); absent: those paths are 404. */
  merchant?: MerchantRoutes;
  /** Secret of viewer tokens, for `POST /api/privacy/delete-my-data`; absent: that path is 404. */
  tokenSecret?: string;
  /** Per-room allowed origins: CORS on a room's playlists and API follows the room's own list. */
  roomOrigins?: RoomOrigins;
  /** Extra origins (from `--allow-origin`) pages may connect to. */
  allowedOrigins: readonly string[];
  logger: Logger;
}

/**
 * One handler for every HTTP request: security headers, CORS, then the route.
 *
 * `/` the example page · `/examples/*` · `/cdn/*` the script-tag bundle · `/static/*` product images ·
 * `/media/<room>/…` synthetic live HLS · `/api/rooms/<room>` the snapshot · `/api/rooms/<room>/media` its stream.
 */
export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const html = () => ({ 'Content-Security-Policy': htmlContentSecurityPolicy(deps.allowedOrigins) });
  return (req, res) => {
    setSecurityHeaders(res);
    route(req, res).catch((error: unknown) => {
      if (error instanceof LiveShopServerError) {
        if (!res.headersSent) return sendError(res, error.code, error.message);
      } else {
        deps.logger.error('http request failed', { method: req.method, url: req.url, error });
        if (!res.headersSent) return sendError(res, 'internal', 'the server failed; please retry');
      }
      res.destroy();
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = (req.url ?? '/').split('?')[0] ?? '/';
    // WHIP/WHEP take POST and DELETE and expose Location, so they answer their own CORS preflights.
    if (deps.webrtc && WebRtcRoutes.matches(target)) return deps.webrtc.handle(req, res, target);
    // The merchant's backend, not a browser, calls this one: it is authenticated by its signature.
    if (target === '/api/payments') return handlePayment(deps.ctx, deps.merchantSecret, req, res);
    if (deps.merchant && MerchantRoutes.matches(target)) return deps.merchant.handle(req, res);
    // The viewer's own page may call this one (its CORS allows POST with Authorization).
    if (deps.tokenSecret && target === DELETE_MY_DATA_PATH) {
      return handleDeleteMyData({ ctx: deps.ctx, secret: deps.tokenSecret, isAllowedOrigin: deps.isAllowedOrigin }, req, res);
    }
    const room = roomOfPath(target);
    const corsPolicy = room !== null && deps.roomOrigins ? deps.roomOrigins.policyFor(room) : deps.isAllowedOrigin;
    if (applyCors(req, res, corsPolicy)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      return sendError(res, 'invalid', `method ${req.method ?? ''} is not allowed`, 405);
    }
    // Only the path of the raw target matters; never let a full URL in the request line pick a host.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const { paths } = deps;
    // Liveness for supervisors and tests: answers while the process serves, with its pid.
    if (path === '/healthz') return sendJson(res, 200, { ok: true, pid: process.pid });
    if (path === '/' || path === '/index.html') {
      return serveStatic(res, paths.examplesDir, 'script-tag/index.html', { cacheControl: 'no-cache', htmlHeaders: html });
    }
    if (path === '/studio') {
      res.writeHead(308, { Location: '/studio/', 'Content-Length': 0 }).end();
      return;
    }
    const [, prefix = '', rest = ''] = /^\/([a-z]+)\/(.*)$/.exec(path) ?? [];
    switch (prefix) {
      case 'examples':
        return serveStatic(res, paths.examplesDir, rest, { cacheControl: 'no-cache', htmlHeaders: html });
      case 'cdn':
        return serveStatic(res, paths.cdnDir, rest, {
          cacheControl: hashedImmutable,
          precompressed: true,
          notFoundMessage: `/cdn/${rest} is not built: run npm run build`,
        });
      case 'static':
        return serveStatic(res, paths.staticDir, rest, { cacheControl: 'public, max-age=3600' });
      case 'media':
        return deps.media.handle(res, rest);
      case 'studio':
        return serveStudio(res, paths, rest, html);
      case 'api':
        return handleApi(deps.ctx, res, rest);
      default:
        return sendError(res, 'not_found', `nothing at ${path}`);
    }
  }
}

/** The room a path belongs to (`/api/rooms/<room>…`, `/media/<room>/…`), for that room's CORS; else null. */
function roomOfPath(path: string): string | null {
  return /^\/(?:api\/rooms|media)\/([^/]+)/.exec(path)?.[1] ?? null;
}

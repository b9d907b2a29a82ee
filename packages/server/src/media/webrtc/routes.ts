import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { IdSchema } from '@live-shop/protocol';
import type { OriginPolicy } from '../../auth/origins.js';
import { verifyToken } from '../../auth/tokens.js';
import { LiveShopServerError } from '../../errors.js';
import { sendError, sendJson } from '../../http/respond.js';
import { MAX_SDP_BYTES } from './peer.js';
import type { WebRtcRelay } from './relay.js';

/** What the WHIP/WHEP routes need. */
export interface WebRtcRoutesDeps {
  relay: WebRtcRelay;
  /** Token secret: WHIP needs a host token of the room. */
  secret: string;
  isAllowedOrigin: OriginPolicy;
  /** The origin policy of one room (its own allowed origins); default: {@link WebRtcRoutesDeps.isAllowedOrigin}. */
  roomPolicy?: (roomId: string) => OriginPolicy;
}

const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS';

/**
 * HTTP side of the dev relay (WHIP, RFC 9725; WHEP, the IETF draft):
 *
 * - `POST /whip/<room>` host publishes: `Authorization: Bearer <host token>`, body `application/sdp`
 *   offer → `201` + SDP answer + `Location: /whip/<room>/<id>`; `DELETE` that location ends it (same token).
 * - `POST /whep/<room>` viewer plays: offer → `201` + answer + `Location: /whep/<room>/<id>`, or `404`
 *   JSON when nobody publishes (players fall back to HLS); `DELETE` the location on stop.
 * - `GET /whep/<room>` `{ live, viewers }`, for the studio's viewer count.
 *
 * The token is read only from the header, never from the URL, so it never lands in logs or Referers.
 */
export class WebRtcRoutes {
  readonly #deps: WebRtcRoutesDeps;

  constructor(deps: WebRtcRoutesDeps) {
    this.#deps = deps;
  }

  /** True when `path` is one of these routes (the router sends them here before its own CORS). */
  static matches(path: string): boolean {
    return /^\/(whip|whep)\//.test(path);
  }

  /** Handles one request whose path {@link matches}. Errors become typed JSON bodies. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const match = /^\/(whip|whep)\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    const [, endpoint, room = '', id] = match ?? [];
    if (this.#cors(req, res, room)) return;
    if (!match || !v.is(IdSchema, room) || (id !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(id))) {
      return sendError(res, 'not_found', `nothing at ${path}`);
    }
    const method = req.method ?? 'GET';
    if (id === undefined && method === 'POST') return this.#create(req, res, endpoint === 'whip' ? 'whip' : 'whep', room);
    if (id !== undefined && method === 'DELETE') return this.#delete(req, res, endpoint === 'whip' ? 'whip' : 'whep', room, id);
    if (id === undefined && endpoint === 'whep' && (method === 'GET' || method === 'HEAD')) {
      return sendJson(res, 200, this.#deps.relay.stats(room));
    }
    res.setHeader('Allow', id === undefined ? 'GET, POST, OPTIONS' : 'DELETE, OPTIONS');
    return sendError(res, 'invalid', `method ${method} is not allowed on ${path}`, 405);
  }

  async #create(req: IncomingMessage, res: ServerResponse, endpoint: 'whip' | 'whep', room: string): Promise<void> {
    if (endpoint === 'whip') await this.#authorizeHost(req, room);
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/sdp') {
      throw new LiveShopServerError('invalid', 'the offer must be sent as Content-Type: application/sdp');
    }
    const offer = await readBody(req);
    const { relay } = this.#deps;
    const session = endpoint === 'whip' ? await relay.publish(room, offer) : await relay.play(room, offer);
    const location = `/${endpoint}/${room}/${session.id}`;
    res.writeHead(201, {
      'Content-Type': 'application/sdp',
      'Content-Length': Buffer.byteLength(session.answer),
      'Cache-Control': 'no-store',
      Location: location,
    });
    res.end(session.answer);
  }

  async #delete(req: IncomingMessage, res: ServerResponse, endpoint: 'whip' | 'whep', room: string, id: string): Promise<void> {
    // A viewer's resource id is a 128-bit secret only its player knows; a publish needs the host token.
    if (endpoint === 'whip') await this.#authorizeHost(req, room);
    const { relay } = this.#deps;
    const ended = endpoint === 'whip' ? relay.endPublish(room, id) : relay.endPlay(room, id);
    if (!ended) return sendError(res, 'not_found', `no ${endpoint.toUpperCase()} session ${id} in room "${room}"`);
    res.writeHead(200, { 'Content-Length': 0, 'Cache-Control': 'no-store' });
    res.end();
  }

  /** Throws `forbidden` unless the request carries a valid host token of `room` in its Authorization header. */
  async #authorizeHost(req: IncomingMessage, room: string): Promise<void> {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1];
    if (!token) throw new LiveShopServerError('forbidden', 'publishing needs a host token: Authorization: Bearer <token>');
    const claims = await verifyToken(this.#deps.secret, token);
    if (claims.role !== 'host' || claims.room !== room) {
      throw new LiveShopServerError('forbidden', `only a host of room "${room}" may publish there`);
    }
  }

  /** CORS for allowed pages; answers preflights. Returns true when the request has been answered. */
  #cors(req: IncomingMessage, res: ServerResponse, roomId: string): boolean {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    const policy = (roomId && this.#deps.roomPolicy?.(roomId)) || this.#deps.isAllowedOrigin;
    const allowed = origin !== undefined && policy(origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      // Players must read Location to DELETE their session later.
      res.setHeader('Access-Control-Expose-Headers', 'Location, Link, Content-Length, Date');
    }
    if (req.method !== 'OPTIONS') return false;
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.writeHead(allowed ? 204 : 403).end();
    return true;
  }
}

/** Reads an SDP body, refusing more than {@link MAX_SDP_BYTES}. */
async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_SDP_BYTES) throw new LiveShopServerError('too_large', `the SDP offer is over ${MAX_SDP_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_SDP_BYTES) throw new LiveShopServerError('too_large', `the SDP offer is over ${MAX_SDP_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

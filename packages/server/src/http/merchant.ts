import type { IncomingMessage, ServerResponse } from 'node:http';
import { CatalogImportSchema, IdSchema, OrderStatusSchema, StockUpdateSchema, type CatalogImport, type OrderStatus } from '@live-shop/protocol';
import * as v from 'valibot';
import { cancelOrder, fulfilOrder, refundOrder } from '../commerce/orders.js';
import { MAX_ROOM_ORIGINS, type RoomOrigins } from '../auth/room-origins.js';
import { LiveShopServerError } from '../errors.js';
import { parseCatalogCsv } from '../merchant/catalog-csv.js';
import { importCatalog, setStock } from '../merchant/catalog.js';
import { listOrders, ORDER_PAGE, type OrderFilter } from '../merchant/orders.js';
import { eraseViewerData } from '../merchant/privacy.js';
import type { DomainContext } from '../rooms/context.js';
import { setRoomMedia } from '../rooms/media-config.js';
import type { DeliveryStatus } from '../store/merchant.js';
import { authorizeMerchant } from './merchant-auth.js';
import { mediaTypeOf, readJson, readText } from './merchant-body.js';
import { sendOrderExport } from './merchant-export.js';
import { sendError, sendJson } from './respond.js';

/** Largest catalogue import (JSON or CSV). */
export const MAX_CATALOG_BYTES = 8 * 1024 * 1024;
/** Largest stock update. */
const MAX_STOCK_BYTES = 1024 * 1024;
/** Longest viewer id (a token subject) accepted in a path. */
const MAX_VIEWER_ID = 200;

/** What the merchant routes need. */
export interface MerchantRoutesOptions {
  ctx: DomainContext;
  /** The merchant API key (`Authorization: Bearer <key>`). */
  apiKey: string;
  /** Per-room allowed origins, for `rooms/:room/origins`. */
  roomOrigins?: RoomOrigins;
}

/** Body of `PUT rooms/:room/media`: the room's HLS playlist and WHEP endpoint (checked by `setRoomMedia`). */
const RoomMediaBodySchema = v.strictObject({
  hls: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
  whep: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
});

/** Body of `PUT rooms/:room/origins`: the pages that may embed the room, or null for the server-wide list. */
const RoomOriginsBodySchema = v.strictObject({
  origins: v.nullable(v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(MAX_ROOM_ORIGINS))),
});

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], search: URLSearchParams) => Promise<void>;

/**
 * The merchant API under `/api/merchant/`: server to server, authenticated by the API key, no CORS
 * (a browser page must never hold the key). Handlers are thin: parse, call a domain function, answer.
 *
 * - `PUT  rooms/:room/catalog` (JSON or CSV) · `PUT rooms/:room/stock` · `GET|PUT rooms/:room/origins` · `PUT rooms/:room/media`
 * - `GET  rooms/:room/orders` · `GET rooms/:room/orders/export?format=csv|json`
 * - `POST orders/:id/fulfil` · `POST orders/:id/refund` · `POST orders/:id/cancel` (the order state machine)
 * - `DELETE customers/:viewerId` (delete-my-data on the customer's behalf)
 * - `GET  webhooks/deliveries` · `POST webhooks/deliveries/:eventId/retry`
 */
export class MerchantRoutes {
  readonly #options: MerchantRoutesOptions;
  readonly #routes: { method: string; pattern: RegExp; handler: Handler }[];

  constructor(options: MerchantRoutesOptions) {
    this.#options = options;
    this.#routes = [
      { method: 'PUT', pattern: /^rooms\/([^/]+)\/catalog$/, handler: (req, res, [room]) => this.#catalog(req, res, roomOf(room)) },
      { method: 'PUT', pattern: /^rooms\/([^/]+)\/stock$/, handler: (req, res, [room]) => this.#stock(req, res, roomOf(room)) },
      { method: 'GET', pattern: /^rooms\/([^/]+)\/origins$/, handler: (_req, res, [room]) => this.#origins(res, roomOf(room)) },
      { method: 'PUT', pattern: /^rooms\/([^/]+)\/media$/, handler: (req, res, [room]) => this.#setMedia(req, res, roomOf(room)) },
      { method: 'PUT', pattern: /^rooms\/([^/]+)\/origins$/, handler: (req, res, [room]) => this.#setOrigins(req, res, roomOf(room)) },
      { method: 'GET', pattern: /^rooms\/([^/]+)\/orders$/, handler: (_req, res, [room], search) => this.#orders(res, roomOf(room), search) },
      {
        method: 'GET',
        pattern: /^rooms\/([^/]+)\/orders\/export$/,
        handler: (_req, res, [room], search) => this.#export(res, roomOf(room), search),
      },
      {
        method: 'POST',
        pattern: /^orders\/([^/]+)\/(fulfil|refund|cancel)$/,
        handler: (_req, res, [order, action]) => this.#transition(res, orderOf(order), action as 'fulfil' | 'refund' | 'cancel'),
      },
      { method: 'DELETE', pattern: /^customers\/([^/]+)$/, handler: (_req, res, [viewer]) => this.#erase(res, viewer) },
      { method: 'GET', pattern: /^webhooks\/deliveries$/, handler: (_req, res, _params, search) => this.#deliveries(res, search) },
      {
        method: 'POST',
        pattern: /^webhooks\/deliveries\/([^/]+)\/retry$/,
        handler: (_req, res, [eventId]) => this.#requeue(res, eventId),
      },
    ];
  }

  /** True for paths this class answers. */
  static matches(path: string): boolean {
    return path === '/api/merchant' || path.startsWith('/api/merchant/');
  }

  /** Answers one request under `/api/merchant/`. Errors thrown are mapped by the router. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = '', query = ''] = (req.url ?? '').split('?', 2);
    const search = new URLSearchParams(query);
    // The key is checked before the route, so an unauthenticated caller learns nothing about the API.
    if (!authorizeMerchant(req, res, search, this.#options.apiKey)) return;
    const rest = path.slice('/api/merchant/'.length);
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const match = route.pattern.exec(rest);
      if (!match) continue;
      if (route.method === req.method) return route.handler(req, res, match.slice(1), search);
      allowed.push(route.method);
    }
    if (allowed.length === 0) return sendError(res, 'not_found', `no merchant API at ${path}`);
    res.setHeader('Allow', allowed.join(', '));
    return sendError(res, 'invalid', `method ${req.method ?? ''} is not allowed here`, 405);
  }

  async #catalog(req: IncomingMessage, res: ServerResponse, roomId: string): Promise<void> {
    const type = mediaTypeOf(req);
    let catalog: CatalogImport;
    if (type === 'application/json') catalog = await readJson(req, CatalogImportSchema, MAX_CATALOG_BYTES);
    else if (type === 'text/csv') catalog = parseCatalogCsv(await readText(req, MAX_CATALOG_BYTES));
    else return sendError(res, 'invalid', 'the catalogue must be application/json or text/csv', 415);
    sendJson(res, 200, await importCatalog(this.#options.ctx, roomId, catalog));
  }

  async #stock(req: IncomingMessage, res: ServerResponse, roomId: string): Promise<void> {
    if (mediaTypeOf(req) !== 'application/json') return sendError(res, 'invalid', 'the body must be application/json', 415);
    const units = await readJson(req, StockUpdateSchema, MAX_STOCK_BYTES);
    sendJson(res, 200, { stock: await setStock(this.#options.ctx, roomId, units) });
  }

  async #setMedia(req: IncomingMessage, res: ServerResponse, roomId: string): Promise<void> {
    if (mediaTypeOf(req) !== 'application/json') return sendError(res, 'invalid', 'the body must be application/json', 415);
    const media = await readJson(req, RoomMediaBodySchema, 16 * 1024);
    sendJson(res, 200, await setRoomMedia(this.#options.ctx, roomId, media));
  }

  async #origins(res: ServerResponse, roomId: string): Promise<void> {
    const roomOrigins = this.#requireRoomOrigins();
    if (!(await this.#options.ctx.store.getRoom(roomId))) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
    sendJson(res, 200, { origins: roomOrigins.originsOf(roomId) });
  }

  async #setOrigins(req: IncomingMessage, res: ServerResponse, roomId: string): Promise<void> {
    const roomOrigins = this.#requireRoomOrigins();
    if (mediaTypeOf(req) !== 'application/json') return sendError(res, 'invalid', 'the body must be application/json', 415);
    const { origins } = await readJson(req, RoomOriginsBodySchema, 64 * 1024);
    await roomOrigins.set(roomId, origins);
    sendJson(res, 200, { origins: roomOrigins.originsOf(roomId) });
  }

  #requireRoomOrigins(): RoomOrigins {
    if (!this.#options.roomOrigins) throw new LiveShopServerError('not_found', 'per-room origins are not configured on this server');
    return this.#options.roomOrigins;
  }

  async #orders(res: ServerResponse, roomId: string, search: URLSearchParams): Promise<void> {
    const cursor = search.get('cursor');
    if (cursor !== null && (cursor.length === 0 || cursor.length > 200)) throw new LiveShopServerError('invalid', 'cursor: not a cursor');
    const limit = integerParam(search, 'limit', 1, ORDER_PAGE.max);
    const page = await listOrders(this.#options.ctx, roomId, {
      ...filterOf(search),
      ...(limit === undefined ? {} : { limit }),
      ...(cursor === null ? {} : { cursor }),
    });
    sendJson(res, 200, page);
  }

  async #export(res: ServerResponse, roomId: string, search: URLSearchParams): Promise<void> {
    const format = search.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new LiveShopServerError('invalid', 'format: must be csv or json');
    await sendOrderExport(this.#options.ctx, res, roomId, filterOf(search), format);
  }

  /** Moves an order along the state machine through the commerce domain (it owns the rules and the events). */
  async #transition(res: ServerResponse, orderId: string, action: 'fulfil' | 'refund' | 'cancel'): Promise<void> {
    const { ctx } = this.#options;
    const order =
      action === 'fulfil'
        ? await fulfilOrder(ctx, orderId)
        : action === 'refund'
          ? await refundOrder(ctx, orderId)
          : await cancelOrder(ctx, { kind: 'merchant' }, orderId);
    sendJson(res, 200, { order });
  }

  async #erase(res: ServerResponse, encoded: string | undefined): Promise<void> {
    const viewerId = decoded(encoded);
    if (!viewerId || viewerId.length > MAX_VIEWER_ID) throw new LiveShopServerError('invalid', `viewerId: must be 1-${MAX_VIEWER_ID} characters`);
    sendJson(res, 200, await eraseViewerData(this.#options.ctx, viewerId, 'merchant'));
  }

  async #deliveries(res: ServerResponse, search: URLSearchParams): Promise<void> {
    const status = search.get('status');
    if (status !== null && !['pending', 'delivered', 'failed'].includes(status)) {
      throw new LiveShopServerError('invalid', 'status: must be pending, delivered or failed');
    }
    const deliveries = await this.#options.ctx.store.listWebhookDeliveries({
      limit: integerParam(search, 'limit', 1, 500) ?? 100,
      ...(status === null ? {} : { status: status as DeliveryStatus }),
    });
    // The log without the bodies: they are the events themselves, already delivered or retried.
    sendJson(res, 200, { deliveries: deliveries.map(({ body: _body, ...delivery }) => delivery) });
  }

  async #requeue(res: ServerResponse, encoded: string | undefined): Promise<void> {
    const eventId = decoded(encoded);
    if (!eventId || !/^[A-Za-z0-9_-]{1,64}$/.test(eventId)) throw new LiveShopServerError('invalid', 'eventId: not an event id');
    const { ctx } = this.#options;
    if (!(await ctx.store.requeueWebhookDelivery(eventId, ctx.now()))) throw new LiveShopServerError('not_found', `no webhook event ${eventId}`);
    sendJson(res, 202, { eventId, status: 'pending' });
  }
}

function roomOf(segment: string | undefined): string {
  const room = decoded(segment);
  if (!v.is(IdSchema, room)) throw new LiveShopServerError('invalid', 'room id must be 1-64 letters, digits, "_" or "-"');
  return room;
}

function orderOf(segment: string | undefined): string {
  const order = decoded(segment);
  if (!v.is(IdSchema, order)) throw new LiveShopServerError('invalid', 'order id must be 1-64 letters, digits, "_" or "-"');
  return order;
}

function decoded(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new LiveShopServerError('invalid', 'the path is not valid percent-encoding');
  }
}

function filterOf(search: URLSearchParams): OrderFilter {
  const status = search.get('status');
  if (status !== null && !v.is(OrderStatusSchema, status)) {
    throw new LiveShopServerError('invalid', `status: must be one of ${OrderStatusSchema.options.join(', ')}`);
  }
  const since = integerParam(search, 'since', 0, Number.MAX_SAFE_INTEGER);
  return {
    ...(status === null ? {} : { status: status as OrderStatus }),
    ...(since === undefined ? {} : { since }),
  };
}

function integerParam(search: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const text = search.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  if (!/^\d{1,16}$/.test(text) || value < min || value > max) {
    throw new LiveShopServerError('invalid', `${name}: must be a whole number from ${min} to ${max}`);
  }
  return value;
}

import type { ServerResponse } from 'node:http';
import { IdSchema } from '@live-shop/protocol';
import * as v from 'valibot';
import type { DomainContext } from '../rooms/context.js';
import { getSnapshot } from '../rooms/snapshot.js';
import { sendError, sendJson } from './respond.js';

/** Handles `/api/...`; `rest` is the path after `/api/`. Errors thrown here are mapped by the router. */
export async function handleApi(ctx: DomainContext, res: ServerResponse, rest: string): Promise<void> {
  const room = /^rooms\/([^/]+)$/.exec(rest)?.[1];
  if (room === undefined) return sendError(res, 'not_found', `no API at /api/${rest}`);
  if (!v.is(IdSchema, room)) return sendError(res, 'invalid', 'room id must be 1-64 letters, digits, "_" or "-"');
  sendJson(res, 200, await getSnapshot(ctx, room));
}

import type { ServerResponse } from 'node:http';
import { IdSchema } from '@live-shop/protocol';
import * as v from 'valibot';
import type { DomainContext } from '../rooms/context.js';
import { getSnapshot } from '../rooms/snapshot.js';
import { sendError, sendJson } from './respond.js';

/** Handles `/api/...`; `rest` is the path after `/api/`. Errors thrown here are mapped by the router. */
export async function handleApi(ctx: DomainContext, res: ServerResponse, rest: string): Promise<void> {
  const [, room, part] = /^rooms\/([^/]+)(\/media)?$/.exec(rest) ?? [];
  if (room === undefined) return sendError(res, 'not_found', `no API at /api/${rest}`);
  if (!v.is(IdSchema, room)) return sendError(res, 'invalid', 'room id must be 1-64 letters, digits, "_" or "-"');
  if (part === '/media') return sendRoomMedia(ctx, res, room);
  sendJson(res, 200, await getSnapshot(ctx, room));
}

/**
 * `/api/rooms/<room>/media`: where the room's video comes from now (`hls`, `whep`: absolute or relative to the server),
 * without the rest of the snapshot. The script-tag entry asks it to start a room's stream before the room's socket
 * exists; the snapshot and `room.media` events stay the truth the player follows afterwards. Never cached (sendJson):
 * the host going live changes it.
 */
async function sendRoomMedia(ctx: DomainContext, res: ServerResponse, roomId: string): Promise<void> {
  const room = await ctx.store.getRoom(roomId);
  if (!room) return sendError(res, 'not_found', `room "${roomId}" does not exist`);
  sendJson(res, 200, { hls: room.hls, whep: room.whep ?? null });
}

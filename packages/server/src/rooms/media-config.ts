import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from './context.js';

/** Where a room's video comes from: the URLs its players use. */
export interface RoomMedia {
  /** HLS playlist: an https URL (any origin) or a path on this server; null for none. */
  hls: string | null;
  /** WHEP endpoint for sub-second WebRTC: an https URL or a path on this server; null for none. */
  whep: string | null;
}

/** A URL players may load: https anywhere, or a path on this server (`/…`, not `//host`). */
function checkMediaUrl(field: string, value: string | null): string | null {
  if (value === null) return null;
  if (value.length > 2048) throw new LiveShopServerError('invalid', `${field} must be at most 2048 characters`);
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LiveShopServerError('invalid', `${field} must be an https URL or a path on this server`);
  }
  if (url.protocol !== 'https:' || url.username || url.password) {
    throw new LiveShopServerError('invalid', `${field} must be an https URL without credentials (tokens never go in URLs)`);
  }
  return url.href;
}

/**
 * Points a room at a media backend of the merchant's (LiveKit, Cloudflare Stream, MediaMTX, OvenMediaEngine,
 * an IVS/Mux-style HLS origin: anything that speaks WHEP and HLS) and tells the players in the room at once
 * with `room.media`, so they switch without a reload. A room with its own WHEP endpoint does not use the
 * server's dev relay.
 */
export async function setRoomMedia(ctx: DomainContext, roomId: string, media: RoomMedia): Promise<RoomMedia> {
  const checked = { hls: checkMediaUrl('hls', media.hls), whep: checkMediaUrl('whep', media.whep) };
  await ctx.store.setRoomMedia(roomId, checked);
  await ctx.log.append(roomId, async () => ({ t: 'room.media', whep: checked.whep, ...(checked.hls === null ? {} : { hls: checked.hls }) }));
  return checked;
}

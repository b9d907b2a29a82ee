import type { Logger } from '../../logger.js';
import type { DomainContext } from '../../rooms/context.js';
import { WebRtcHlsPackager } from './hls-packager.js';

/**
 * Follows the relay's WebRTC source of a room: starts/stops packaging it into HLS (when a packager exists)
 * and appends `room.media` to the room's log, so players on HLS switch to WHEP when the host is back, HLS
 * players watch the host instead of the synthetic loop, and players joining later get the same from the
 * snapshot. Rooms the store does not know get nothing; failures are logged, never thrown into the relay.
 * Calls for one room run one after another (a quick stop/start keeps its order).
 */
export function createRoomMediaAnnouncer(
  ctx: DomainContext,
  logger: Logger,
  packager: WebRtcHlsPackager | null,
): (roomId: string, live: boolean) => void {
  const queues = new Map<string, Promise<void>>();
  return (roomId, live) => {
    const previous = queues.get(roomId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const room = await ctx.store.getRoom(roomId);
        if (!room) return;
        if (packager) await (live ? packager.start(roomId) : packager.stop(roomId));
        const packaged = live && packager?.isActive(roomId) ? WebRtcHlsPackager.playlistPath(roomId) : null;
        const hls = packaged ?? room.hls;
        await ctx.log.append(roomId, async () => ({
          t: 'room.media',
          whep: live ? `/whep/${encodeURIComponent(roomId)}` : null,
          ...(hls === null ? {} : { hls }),
        }));
      })
      .catch((error: unknown) => logger.warn('could not announce the room media change', { room: roomId, live, error }));
    queues.set(roomId, next);
    void next.then(() => {
      if (queues.get(roomId) === next) queues.delete(roomId);
    });
  };
}

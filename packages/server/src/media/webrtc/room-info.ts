import type { RoomInfo } from '@live-shop/protocol';
import type { Store } from '../../store/store.js';
import { WebRtcHlsPackager } from './hls-packager.js';
import type { WebRtcRelay } from './relay.js';

/**
 * The store as the rest of the server sees it, with one difference: a room (alone or in its snapshot) names the dev
 * relay's WHEP endpoint (`room.whep = '/whep/<room>'`) while a host publishes there, and not otherwise
 * (and, while the packager turns that stream into HLS, `room.hls` names the packaged playlist).
 * Players that get no `whep` go straight to HLS instead of paying a refused WebRTC attempt first.
 *
 * A Proxy rather than a class that re-implements `Store`: every other method passes through untouched
 * (bound to the real store, whose private fields they use), so the interface may grow freely.
 */
export function withRelayWhep(store: Store, relay: WebRtcRelay, packager: WebRtcHlsPackager | null = null): Store {
  /** The room as players should see it now (see above). */
  const withRelay = (room: RoomInfo): RoomInfo => {
    if (room.whep || !relay.stats(room.id).live) return room;
    // While the host's stream is packaged, HLS players watch it too instead of the room's own HLS.
    const hls = packager?.isActive(room.id) ? WebRtcHlsPackager.playlistPath(room.id) : room.hls;
    return { ...room, hls, whep: `/whep/${room.id}` };
  };
  const loadSnapshot: Store['loadSnapshot'] = async (roomId, chatLimit) => {
    const snapshot = await store.loadSnapshot(roomId, chatLimit);
    return snapshot && { ...snapshot, room: withRelay(snapshot.room) };
  };
  // The room alone (its media API among others) says the same as the snapshot.
  const getRoom: Store['getRoom'] = async (roomId) => {
    const room = await store.getRoom(roomId);
    return room && withRelay(room);
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'loadSnapshot') return loadSnapshot;
      if (property === 'getRoom') return getRoom;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

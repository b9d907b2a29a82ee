import type { Store } from '../../store/store.js';
import { WebRtcHlsPackager } from './hls-packager.js';
import type { WebRtcRelay } from './relay.js';

/**
 * The store as the rest of the server sees it, with one difference: a room's snapshot names the dev
 * relay's WHEP endpoint (`room.whep = '/whep/<room>'`) while a host publishes there, and not otherwise
 * (and, while the packager turns that stream into HLS, `room.hls` names the packaged playlist).
 * Players that get no `whep` go straight to HLS instead of paying a refused WebRTC attempt first.
 *
 * A Proxy rather than a class that re-implements `Store`: every other method passes through untouched
 * (bound to the real store, whose private fields they use), so the interface may grow freely.
 */
export function withRelayWhep(store: Store, relay: WebRtcRelay, packager: WebRtcHlsPackager | null = null): Store {
  const loadSnapshot: Store['loadSnapshot'] = async (roomId, chatLimit) => {
    const snapshot = await store.loadSnapshot(roomId, chatLimit);
    if (!snapshot || snapshot.room.whep || !relay.stats(roomId).live) return snapshot;
    // While the host's stream is packaged, HLS players watch it too instead of the room's own HLS.
    const hls = packager?.isActive(roomId) ? WebRtcHlsPackager.playlistPath(roomId) : snapshot.room.hls;
    return { ...snapshot, room: { ...snapshot.room, hls, whep: `/whep/${snapshot.room.id}` } };
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'loadSnapshot') return loadSnapshot;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

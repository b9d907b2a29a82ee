import type { RoomEvent } from '@live-shop/protocol';
import type { Logger } from '../logger.js';
import type { Bus, RoomEventListener } from './bus.js';

/** A {@link Bus} inside one process: delivers synchronously, in publish order. */
export function createMemoryBus(logger: Logger): Bus {
  const rooms = new Map<string, Set<RoomEventListener>>();
  return {
    async publish(roomId: string, event: RoomEvent): Promise<void> {
      // Copy: a listener may unsubscribe (a socket closing) while we deliver.
      for (const listener of [...(rooms.get(roomId) ?? [])]) {
        try {
          listener(event);
        } catch (error) {
          // One faulty subscriber must not stop delivery to the others.
          logger.error('bus listener failed', { roomId, seq: event.seq, error });
        }
      }
    },
    subscribe(roomId: string, listener: RoomEventListener): () => void {
      let set = rooms.get(roomId);
      if (!set) rooms.set(roomId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && rooms.get(roomId) === set) rooms.delete(roomId);
      };
    },
    async close(): Promise<void> {
      rooms.clear();
    },
  };
}

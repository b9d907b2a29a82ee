import type { ViewersCount } from '@live-shop/protocol';

/** Fewest milliseconds between two `viewers.count` frames of one room. */
export const DEFAULT_VIEWER_COUNT_INTERVAL_MS = 1000;

/** Options of {@link Presence}. */
export interface PresenceOptions {
  /** Sends the count to every socket of a room. */
  broadcast(roomId: string, frame: ViewersCount): void;
  /** Fewest ms between two counts of one room. Default {@link DEFAULT_VIEWER_COUNT_INTERVAL_MS}. */
  intervalMs?: number;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
}

interface RoomPresence {
  count: number;
  /** The count the room was last told (null: never told). */
  sent: number | null;
  sentAt: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Counts the sockets in each room and tells the room when the count changed, at most once per interval:
 * a change inside the interval is sent when it ends, as the count then (several joins make one frame, and
 * a join undone by a leave makes none). In-process, like the hub's room membership.
 */
export class Presence {
  readonly #broadcast: PresenceOptions['broadcast'];
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #rooms = new Map<string, RoomPresence>();

  constructor(options: PresenceOptions) {
    this.#broadcast = options.broadcast;
    this.#intervalMs = options.intervalMs ?? DEFAULT_VIEWER_COUNT_INTERVAL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** Sockets in the room now. */
  count(roomId: string): number {
    return this.#rooms.get(roomId)?.count ?? 0;
  }

  /** One more socket in the room; returns the new count. */
  join(roomId: string): number {
    let room = this.#rooms.get(roomId);
    if (!room) {
      room = { count: 0, sent: null, sentAt: -Infinity, timer: undefined };
      this.#rooms.set(roomId, room);
    }
    room.count += 1;
    this.#changed(roomId, room);
    return room.count;
  }

  /** One socket fewer in the room. The room is forgotten when empty (nobody is left to tell). */
  leave(roomId: string): void {
    const room = this.#rooms.get(roomId);
    if (!room) return;
    room.count = Math.max(0, room.count - 1);
    if (room.count === 0) {
      clearTimeout(room.timer);
      this.#rooms.delete(roomId);
      return;
    }
    this.#changed(roomId, room);
  }

  /** Clears every timer. */
  dispose(): void {
    for (const room of this.#rooms.values()) clearTimeout(room.timer);
    this.#rooms.clear();
  }

  #changed(roomId: string, room: RoomPresence): void {
    if (room.timer !== undefined) return; // already scheduled: it sends the count as it is then
    const wait = room.sentAt + this.#intervalMs - this.#now();
    if (wait <= 0) return this.#send(roomId, room);
    room.timer = setTimeout(() => {
      room.timer = undefined;
      if (this.#rooms.get(roomId) === room) this.#send(roomId, room);
    }, wait);
    room.timer.unref();
  }

  #send(roomId: string, room: RoomPresence): void {
    if (room.sent === room.count) return;
    room.sent = room.count;
    room.sentAt = this.#now();
    this.#broadcast(roomId, { t: 'viewers.count', count: room.count });
  }
}

import type { RoomEvent } from '@live-shop/protocol';

/** Receives the events of one room, in seq order. */
export type RoomEventListener = (event: RoomEvent) => void;

/**
 * Fan-out of room events to every node that has viewers in the room.
 *
 * One implementation per engine: in-process memory for one node, Redis for many. `publish` is async
 * so a networked bus fits; the room log awaits it before appending the next event of the room,
 * which keeps delivery in seq order.
 */
export interface Bus {
  publish(roomId: string, event: RoomEvent): Promise<void>;
  /** Starts delivering the room's events to `listener`; the returned function stops it. */
  subscribe(roomId: string, listener: RoomEventListener): () => void;
  /** Drops every subscription. */
  close(): Promise<void>;
}

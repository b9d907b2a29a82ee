import type { Role } from '@live-shop/protocol';
import type { Store } from '../store/store.js';
import type { RoomLog } from './room-log.js';

/** Who does something in a room: from a verified token, an anonymous hello, or the autopilot. */
export interface Actor {
  role: Role;
  /** Display name shown with chat messages. */
  name: string;
  /** Stable id of the person (token `sub`, or a generated id for anonymous viewers). */
  subject: string;
}

/** What domain functions need: state and the room log. No HTTP, no sockets. */
export interface DomainContext {
  store: Store;
  log: RoomLog;
  /** Server clock in ms; injectable for tests. */
  now: () => number;
}

import { atom, type WritableAtom } from 'nanostores';
import type { LiveShopError } from '../errors.js';

/**
 * Where the connection to the room server is:
 * `idle` (not started) → `connecting` → `open`; after a drop `reconnecting` (with the attempt number)
 * → `open` again; `offline` while the browser reports no network (no attempts are made; it reconnects
 * as soon as the network is back); `closed` after `dispose()` or when the reconnect policy gives up
 * (then `error` says why).
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'closed';

/** The value of `$connection`. */
export interface ConnectionState {
  /** Where the connection is; see {@link ConnectionStatus}. */
  status: ConnectionStatus;
  /** Reconnect attempt in progress (0 while connected or on the first connect). */
  attempt: number;
  /** Why the last connection ended, or why the client gave up; `null` when all is well. */
  error: LiveShopError | null;
}

/** Creates the `$connection` store of one client. */
export function createConnectionStore(): WritableAtom<ConnectionState> {
  return atom<ConnectionState>({ status: 'idle', attempt: 0, error: null });
}

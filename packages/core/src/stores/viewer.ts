import { atom, type WritableAtom } from 'nanostores';
import type { Role } from '@live-shop/protocol';

/** Who this client is in the room, as the server granted it in `welcome`. */
export interface Viewer {
  /** `host` may pin products; `moderator` keeps the chat in order; `viewer` may chat and buy. */
  role: Role;
  /** Display name the server uses for this client's chat messages. */
  name: string;
}

/** Creates the `$viewer` store of one client (`null` until the first `welcome`). */
export function createViewerStore(): WritableAtom<Viewer | null> {
  return atom<Viewer | null>(null);
}

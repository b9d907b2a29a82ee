import { atom, type WritableAtom } from 'nanostores';
import type { ReactionsBurst } from '@live-shop/protocol';

/**
 * Hearts of the room as this client saw them. `total` only grows, so a subscriber animates `last` hearts
 * whenever `total` went up (a new burst), whatever it saw before.
 */
export interface Reactions {
  /** Hearts of every burst received since this client was created. */
  total: number;
  /** Hearts in the latest burst (0 before the first). */
  last: number;
  /** Server time (ms) of the latest burst (0 before the first). */
  at: number;
}

/** Creates the `$reactions` store of one client. */
export function createReactionsStore(): WritableAtom<Reactions> {
  return atom<Reactions>({ total: 0, last: 0, at: 0 });
}

/** Adds a `reactions.burst` to the store. */
export function applyBurst($reactions: WritableAtom<Reactions>, burst: ReactionsBurst): void {
  $reactions.set({ total: $reactions.get().total + burst.count, last: burst.count, at: burst.at });
}

/** Creates the `$viewerCount` store of one client: sockets in the room, `null` until the server said. */
export function createViewerCountStore(): WritableAtom<number | null> {
  return atom<number | null>(null);
}

import { atom, type WritableAtom } from 'nanostores';
import type { NoticeBody, NoticeFrame } from '@live-shop/protocol';

/** How many recent notices a client keeps; older ones fall off the front. */
export const NOTICES_LIMIT = 20;

/** A notice as the client keeps it: what it says, when the server sent it, and a local id for keyed rendering. */
export type Notice = NoticeBody & {
  /** Increasing per client; unique within it. */
  id: number;
  /** Server clock (ms) when sent. */
  at: number;
};

/** Creates the `$notices` store of one client: the latest notices, oldest first. */
export function createNoticesStore(): WritableAtom<readonly Notice[]> {
  return atom<readonly Notice[]>([]);
}

let nextId = 0;

/**
 * Adds a `notice` frame to the store, keeping the last {@link NOTICES_LIMIT}. Ephemeral: notices missed while
 * disconnected are not replayed, and the store is not cleared by a snapshot (old notices just age out of view).
 */
export function applyNotice($notices: WritableAtom<readonly Notice[]>, frame: NoticeFrame, limit: number = NOTICES_LIMIT): void {
  const list = [...$notices.get(), { ...frame.notice, id: ++nextId, at: frame.at }];
  $notices.set(list.length > limit ? list.slice(list.length - limit) : list);
}

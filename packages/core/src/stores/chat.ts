import { atom, type WritableAtom } from 'nanostores';
import type { ChatMessage } from '@live-shop/protocol';

/** How many chat messages a client keeps; older ones fall off the front. */
export const CHAT_LIMIT = 100;

/** Creates the `$chat` store of one client: the latest messages, oldest first. */
export function createChatStore(): WritableAtom<readonly ChatMessage[]> {
  return atom<readonly ChatMessage[]>([]);
}

/**
 * Returns `list` with `items` appended, keeping only the last `limit` (a bounded ring, oldest first).
 * Pure: the input is not changed, so stores get a new array and notify.
 */
export function appendBounded<T>(list: readonly T[], items: readonly T[], limit: number = CHAT_LIMIT): readonly T[] {
  if (limit <= 0) return [];
  const joined = items.length === 0 ? list : [...list, ...items];
  return joined.length > limit ? joined.slice(joined.length - limit) : joined;
}

/** Returns `list` without the message `messageId` (the same array when it is not there, so nothing notifies). */
export function removeMessage<T extends { id: string }>(list: readonly T[], messageId: string): readonly T[] {
  const index = list.findIndex((message) => message.id === messageId);
  return index === -1 ? list : [...list.slice(0, index), ...list.slice(index + 1)];
}

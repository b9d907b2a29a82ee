import { atom, batch, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { ChatMessage, PinnedMessage, Question, RoomEvent, Snapshot } from '@live-shop/protocol';
import { removeMessage } from './chat.js';
import { addQuestion, answerQuestion, createPinnedQuestionStore, createQuestionsStore } from './questions.js';

/** The pinned host message and the Q&A of one client's room (chat moderation, stores/moderation.ts). */
export interface ModerationStores {
  /** The host's message pinned above the chat, or null. */
  $pinnedMessage: WritableAtom<PinnedMessage | null>;
  /** The latest questions, oldest first (at most 100). */
  $questions: WritableAtom<readonly Question[]>;
  /** Id of the question the host shows over the video, or null. */
  $pinnedQuestionId: WritableAtom<string | null>;
  /** The pinned question itself, or null. */
  $pinnedQuestion: ReadableAtom<Question | null>;
}

/** Creates a fresh set of moderation stores (per client). */
export function createModerationStores(): ModerationStores {
  const $questions = createQuestionsStore();
  const $pinnedQuestionId = atom<string | null>(null);
  return {
    $pinnedMessage: atom<PinnedMessage | null>(null),
    $questions,
    $pinnedQuestionId,
    $pinnedQuestion: createPinnedQuestionStore($pinnedQuestionId, $questions),
  };
}

/** Replaces the moderation state from a snapshot (fields absent from older servers mean "none"). */
export function applyModerationSnapshot(stores: ModerationStores, snapshot: Snapshot): void {
  batch(() => {
    stores.$pinnedMessage.set(snapshot.pinnedMessage ?? null);
    stores.$questions.set((snapshot.questions ?? []).reduce<readonly Question[]>((list, q) => addQuestion(list, q), []));
    stores.$pinnedQuestionId.set(snapshot.pinnedQuestionId ?? null);
  });
}

/**
 * Applies a moderation room event; returns false for events of other families. `chat.deleted` removes the
 * message from `$chat`; `chat.banned` changes nothing here (the server closes the banned viewer's sockets).
 */
export function applyModerationEvent(stores: ModerationStores, $chat: WritableAtom<readonly ChatMessage[]>, event: RoomEvent): boolean {
  switch (event.t) {
    case 'chat.deleted':
      $chat.set(removeMessage($chat.get(), event.messageId));
      return true;
    case 'chat.banned':
      return true;
    case 'chat.message-pinned':
      stores.$pinnedMessage.set(event.pinned);
      return true;
    case 'chat.message-unpinned':
      stores.$pinnedMessage.set(null);
      return true;
    case 'question.asked':
      stores.$questions.set(addQuestion(stores.$questions.get(), event.question));
      return true;
    case 'question.answered':
      stores.$questions.set(answerQuestion(stores.$questions.get(), event.questionId, event.answer));
      return true;
    case 'question.pinned':
      stores.$pinnedQuestionId.set(event.questionId);
      return true;
    case 'question.unpinned':
      stores.$pinnedQuestionId.set(null);
      return true;
    default:
      return false;
  }
}

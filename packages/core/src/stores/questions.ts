import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Question } from '@live-shop/protocol';

/** How many questions a client keeps; older ones fall off the front. */
export const QUESTIONS_LIMIT = 100;

/** Creates the `$questions` store of one client: the latest questions, oldest first. */
export function createQuestionsStore(): WritableAtom<readonly Question[]> {
  return atom<readonly Question[]>([]);
}

/** Returns `list` with `question` added at the end (replacing one with the same id), bounded to {@link QUESTIONS_LIMIT}. */
export function addQuestion(list: readonly Question[], question: Question, limit: number = QUESTIONS_LIMIT): readonly Question[] {
  const rest = list.filter((q) => q.id !== question.id);
  const joined = [...rest, question];
  return joined.length > limit ? joined.slice(joined.length - limit) : joined;
}

/** Returns `list` with the question `questionId` answered (the same array when it is not there). */
export function answerQuestion(list: readonly Question[], questionId: string, answer: string): readonly Question[] {
  if (!list.some((q) => q.id === questionId)) return list;
  return list.map((q) => (q.id === questionId ? { ...q, answer } : q));
}

/** The pinned question itself, from the pinned id and the list (null when not pinned or no longer held). */
export function createPinnedQuestionStore(
  $pinnedQuestionId: ReadableAtom<string | null>,
  $questions: ReadableAtom<readonly Question[]>,
): ReadableAtom<Question | null> {
  return computed([$pinnedQuestionId, $questions], (id, questions) => (id === null ? null : (questions.find((q) => q.id === id) ?? null)));
}

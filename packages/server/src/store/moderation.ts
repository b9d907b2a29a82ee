import type { PinnedMessage, Question } from '@live-shop/protocol';

/** A sanction of one person (token subject) in one room. */
export type SanctionKind = 'mute' | 'ban';

/** What a person may still do in a room: the sanctions in force at a given instant. */
export interface Sanctions {
  /** Server ms until which the person is muted, or null when not muted. */
  mutedUntil: number | null;
  /** Whether the person is banned from the room. */
  banned: boolean;
}

/** The pinned message, questions and pinned question of a room, as its snapshot carries them. */
export interface ModerationSnapshot {
  pinnedMessage: PinnedMessage | null;
  questions: Question[];
  pinnedQuestionId: string | null;
}

/**
 * Durable state of chat moderation: opaque author ids, mutes and bans, the room's blocked words, questions.
 * Engine-neutral and async like {@link Store}; each method is atomic on its own. State that room events carry
 * (deleted messages, the pinned message, questions) is written by `appendEvent` in the event's own transaction.
 */
export interface ModerationStore {
  /**
   * The opaque per-room author id of `subject`, created on first use. Stable for the same (room, subject),
   * unrelated across rooms, and not derivable from the subject (it is random).
   */
  authorIdFor(roomId: string, subject: string): Promise<string>;
  /** The subject behind an author id of the room, or null when unknown. */
  subjectOfAuthor(roomId: string, authorId: string): Promise<string | null>;
  /** Whether the room log holds a (not yet deleted) chat message with this id. */
  hasChatMessage(roomId: string, messageId: string): Promise<boolean>;
  /** Mutes (`until` in server ms) or bans a subject in a room, replacing an earlier sanction of the same kind. */
  setSanction(roomId: string, subject: string, kind: SanctionKind, until: number | null, by: string, at: number): Promise<void>;
  /** Lifts a sanction; true when there was one. */
  clearSanction(roomId: string, subject: string, kind: SanctionKind): Promise<boolean>;
  /** The sanctions of a subject in force at `now`. */
  getSanctions(roomId: string, subject: string, now: number): Promise<Sanctions>;
  /** The room's own blocked words (not the built-in list), in the order they were set. */
  getBlockedWords(roomId: string): Promise<string[]>;
  /** Replaces the room's own blocked words. */
  setBlockedWords(roomId: string, words: readonly string[]): Promise<void>;
  /** A question of the room, or null. */
  getQuestion(roomId: string, questionId: string): Promise<Question | null>;
  /** The pinned message, latest questions (oldest first, at most `questionLimit`) and pinned question. */
  loadModerationSnapshot(roomId: string, questionLimit: number): Promise<ModerationSnapshot>;
}

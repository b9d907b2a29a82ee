import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PinnedMessage, Question, RoomEvent } from '@live-shop/protocol';
import type { ModerationSnapshot, ModerationStore, SanctionKind, Sanctions } from '../moderation.js';

/** Schema of migration 7 (chat moderation, pinned message, questions); appended to `MIGRATIONS`. */
export const MODERATION_MIGRATION_SQL = `
  CREATE TABLE chat_authors (
    room_id TEXT NOT NULL REFERENCES rooms (id),
    author_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (room_id, author_id),
    UNIQUE (room_id, subject)
  );
  CREATE TABLE chat_sanctions (
    room_id TEXT NOT NULL REFERENCES rooms (id),
    subject TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('mute', 'ban')),
    until INTEGER,
    by_subject TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (room_id, subject, kind)
  );
  CREATE TABLE room_blocked_words (
    room_id TEXT NOT NULL REFERENCES rooms (id),
    position INTEGER NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (room_id, position)
  );
  CREATE TABLE room_chat_state (
    room_id TEXT PRIMARY KEY REFERENCES rooms (id),
    pinned_text TEXT,
    pinned_name TEXT,
    pinned_at INTEGER,
    pinned_question_id TEXT
  );
  CREATE TABLE questions (
    room_id TEXT NOT NULL REFERENCES rooms (id),
    id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    name TEXT NOT NULL,
    text TEXT NOT NULL,
    at INTEGER NOT NULL,
    answer TEXT,
    PRIMARY KEY (room_id, id)
  );
  CREATE INDEX questions_room_at ON questions (room_id, at);
  -- Finds a chat message by id to delete it (the deletion rewrites its log row into a tombstone).
  CREATE INDEX room_events_chat_message ON room_events (room_id, json_extract(body, '$.message.id')) WHERE type = 'chat.message';
`;

interface QuestionRow {
  id: string;
  author_id: string;
  name: string;
  text: string;
  at: number;
  answer: string | null;
}

interface ChatStateRow {
  pinned_text: string | null;
  pinned_name: string | null;
  pinned_at: number | null;
  pinned_question_id: string | null;
}

function toQuestion(row: QuestionRow): Question {
  return { id: row.id, authorId: row.author_id, name: row.name, text: row.text, at: row.at, answer: row.answer };
}

function statements(db: Database.Database) {
  return {
    authorBySubject: db.prepare<[string, string], { author_id: string }>('SELECT author_id FROM chat_authors WHERE room_id = ? AND subject = ?'),
    subjectByAuthor: db.prepare<[string, string], { subject: string }>('SELECT subject FROM chat_authors WHERE room_id = ? AND author_id = ?'),
    insertAuthor: db.prepare('INSERT OR IGNORE INTO chat_authors (room_id, author_id, subject, created_at) VALUES (?, ?, ?, ?)'),
    chatMessage: db.prepare<[string, string], { seq: number }>(
      `SELECT seq FROM room_events WHERE room_id = ? AND type = 'chat.message' AND json_extract(body, '$.message.id') = ?`,
    ),
    tombstone: db.prepare<[string, string, string]>(
      `UPDATE room_events SET type = 'chat.deleted', body = json_object('t', 'chat.deleted', 'seq', seq, 'at', at, 'messageId', ?)
       WHERE room_id = ? AND type = 'chat.message' AND json_extract(body, '$.message.id') = ?`,
    ),
    upsertSanction: db.prepare(
      `INSERT INTO chat_sanctions (room_id, subject, kind, until, by_subject, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (room_id, subject, kind) DO UPDATE SET until = excluded.until, by_subject = excluded.by_subject, at = excluded.at`,
    ),
    deleteSanction: db.prepare<[string, string, string]>('DELETE FROM chat_sanctions WHERE room_id = ? AND subject = ? AND kind = ?'),
    sanctions: db.prepare<[string, string], { kind: SanctionKind; until: number | null }>(
      'SELECT kind, until FROM chat_sanctions WHERE room_id = ? AND subject = ?',
    ),
    blockedWords: db.prepare<[string], { word: string }>('SELECT word FROM room_blocked_words WHERE room_id = ? ORDER BY position'),
    clearBlockedWords: db.prepare<[string]>('DELETE FROM room_blocked_words WHERE room_id = ?'),
    insertBlockedWord: db.prepare('INSERT INTO room_blocked_words (room_id, position, word) VALUES (?, ?, ?)'),
    chatState: db.prepare<[string], ChatStateRow>('SELECT * FROM room_chat_state WHERE room_id = ?'),
    ensureChatState: db.prepare<[string]>('INSERT OR IGNORE INTO room_chat_state (room_id) VALUES (?)'),
    setPinnedMessage: db.prepare('UPDATE room_chat_state SET pinned_text = ?, pinned_name = ?, pinned_at = ? WHERE room_id = ?'),
    setPinnedQuestion: db.prepare('UPDATE room_chat_state SET pinned_question_id = ? WHERE room_id = ?'),
    question: db.prepare<[string, string], QuestionRow>('SELECT * FROM questions WHERE room_id = ? AND id = ?'),
    recentQuestions: db.prepare<[string, number], QuestionRow>('SELECT * FROM questions WHERE room_id = ? ORDER BY at DESC, rowid DESC LIMIT ?'),
    insertQuestion: db.prepare('INSERT OR IGNORE INTO questions (room_id, id, author_id, name, text, at, answer) VALUES (?, ?, ?, ?, ?, ?, NULL)'),
    answerQuestion: db.prepare('UPDATE questions SET answer = ? WHERE room_id = ? AND id = ?'),
  };
}

type Statements = ReturnType<typeof statements>;
// Prepared lazily per database, after its migrations ran.
const prepared = new WeakMap<Database.Database, Statements>();

function q(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = statements(db);
    prepared.set(db, s);
  }
  return s;
}

/**
 * Applies the state a moderation room event carries, inside `appendEvent`'s transaction (so the event and its
 * state commit together). A `chat.deleted` rewrites the deleted message's own log row into a tombstone with the
 * same seq: snapshots (which read `chat.message` rows) and replays no longer carry the text, and seqs stay
 * contiguous. Other events are ignored.
 */
export function applyModerationEvent(db: Database.Database, roomId: string, event: RoomEvent): void {
  const s = q(db);
  switch (event.t) {
    case 'chat.deleted':
      s.tombstone.run(event.messageId, roomId, event.messageId);
      return;
    case 'chat.message-pinned':
      s.ensureChatState.run(roomId);
      s.setPinnedMessage.run(event.pinned.text, event.pinned.name, event.pinned.at, roomId);
      return;
    case 'chat.message-unpinned':
      s.ensureChatState.run(roomId);
      s.setPinnedMessage.run(null, null, null, roomId);
      return;
    case 'question.asked': {
      const { question } = event;
      s.insertQuestion.run(roomId, question.id, question.authorId, question.name, question.text, question.at);
      return;
    }
    case 'question.answered':
      s.answerQuestion.run(event.answer, roomId, event.questionId);
      return;
    case 'question.pinned':
      s.ensureChatState.run(roomId);
      s.setPinnedQuestion.run(event.questionId, roomId);
      return;
    case 'question.unpinned':
      s.ensureChatState.run(roomId);
      s.setPinnedQuestion.run(null, roomId);
      return;
    default:
      return;
  }
}

/** The moderation part of a room snapshot, read synchronously so `loadSnapshot` can call it inside its own transaction. */
export function readModerationSnapshot(db: Database.Database, roomId: string, questionLimit: number): ModerationSnapshot {
  const s = q(db);
  const state = s.chatState.get(roomId);
  const pinnedMessage: PinnedMessage | null =
    state && state.pinned_text !== null && state.pinned_at !== null
      ? { text: state.pinned_text, name: state.pinned_name ?? '', at: state.pinned_at }
      : null;
  const questions = s.recentQuestions.all(roomId, questionLimit).map(toQuestion).reverse();
  return { pinnedMessage, questions, pinnedQuestionId: state?.pinned_question_id ?? null };
}

/** {@link ModerationStore} on better-sqlite3; `SqliteStore` delegates to it. */
export class SqliteModeration implements ModerationStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async authorIdFor(roomId: string, subject: string): Promise<string> {
    const s = q(this.#db);
    // Every chat message asks; only a first message writes (and takes the write lock).
    const known = s.authorBySubject.get(roomId, subject);
    if (known) return known.author_id;
    return this.#db
      .transaction((): string => {
        const existing = s.authorBySubject.get(roomId, subject);
        if (existing) return existing.author_id;
        const authorId = `a_${randomBytes(9).toString('base64url')}`;
        s.insertAuthor.run(roomId, authorId, subject, Date.now());
        return authorId;
      })
      .immediate();
  }

  async subjectOfAuthor(roomId: string, authorId: string): Promise<string | null> {
    return q(this.#db).subjectByAuthor.get(roomId, authorId)?.subject ?? null;
  }

  async hasChatMessage(roomId: string, messageId: string): Promise<boolean> {
    return q(this.#db).chatMessage.get(roomId, messageId) !== undefined;
  }

  async setSanction(roomId: string, subject: string, kind: SanctionKind, until: number | null, by: string, at: number): Promise<void> {
    q(this.#db).upsertSanction.run(roomId, subject, kind, until, by, at);
  }

  async clearSanction(roomId: string, subject: string, kind: SanctionKind): Promise<boolean> {
    return q(this.#db).deleteSanction.run(roomId, subject, kind).changes > 0;
  }

  async getSanctions(roomId: string, subject: string, now: number): Promise<Sanctions> {
    const result: Sanctions = { mutedUntil: null, banned: false };
    for (const row of q(this.#db).sanctions.all(roomId, subject)) {
      if (row.kind === 'ban' && (row.until === null || row.until > now)) result.banned = true;
      if (row.kind === 'mute' && row.until !== null && row.until > now) result.mutedUntil = row.until;
    }
    return result;
  }

  async getBlockedWords(roomId: string): Promise<string[]> {
    return q(this.#db).blockedWords.all(roomId).map((row) => row.word);
  }

  async setBlockedWords(roomId: string, words: readonly string[]): Promise<void> {
    const s = q(this.#db);
    this.#db
      .transaction(() => {
        s.clearBlockedWords.run(roomId);
        words.forEach((word, position) => s.insertBlockedWord.run(roomId, position, word));
      })
      .immediate();
  }

  async getQuestion(roomId: string, questionId: string): Promise<Question | null> {
    const row = q(this.#db).question.get(roomId, questionId);
    return row ? toQuestion(row) : null;
  }

  async loadModerationSnapshot(roomId: string, questionLimit: number): Promise<ModerationSnapshot> {
    return readModerationSnapshot(this.#db, roomId, questionLimit);
  }
}

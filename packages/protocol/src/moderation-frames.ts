import * as v from 'valibot';
import { MAX_CHAT_LENGTH, MAX_NAME_LENGTH } from './limits.js';

// Chat moderation, the pinned host message, Q&A and room notices: their room events, ephemeral frames and
// snapshot fields (their commands are in moderation-commands.ts). The core and the server validate with these same schemas.

// model.ts imports this file (snapshot fields, the chat author id), so this file must not import model.ts.
const IdSchema = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'));
const Seq = v.pipe(v.number(), v.integer(), v.minValue(1));
const ServerTime = v.number();

/**
 * Close code of a socket whose viewer was banned from the room (4000-4999: application codes). A client
 * that sees it should not reconnect: the next `hello` with the same subject is refused with `forbidden`.
 */
export const BANNED_CLOSE_CODE = 4403;
/** Longest mute a moderator may give: 7 days. */
export const MAX_MUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Most words in a room's own blocked-word list (the built-in list comes on top). */
export const MAX_BLOCKED_WORDS = 200;
/** Longest blocked word, in characters. */
export const MAX_BLOCKED_WORD_LENGTH = 30;
/** Longest question, in characters (like a chat message). */
export const MAX_QUESTION_LENGTH = MAX_CHAT_LENGTH;
/** How many of the latest questions a snapshot carries. */
export const SNAPSHOT_QUESTIONS = 50;

/**
 * Opaque per-room id of a chat author: the same person has the same id in one room and an unrelated id in
 * another. Never the token subject (which may be the merchant's user id); moderators act on this id.
 */
export const AuthorIdSchema = v.pipe(v.string('authorId must be a string'), v.regex(/^a_[A-Za-z0-9_-]{6,40}$/, 'authorId must look like a_…'));

/** The host's message shown above the chat until unpinned. Plain text, never markup. */
export const PinnedMessageSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_CHAT_LENGTH)),
  /** Display name of who pinned it. */
  name: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
  /** Server time (ms) it was pinned. */
  at: v.number(),
});
/** The host's message shown above the chat until unpinned. */
export type PinnedMessage = v.InferOutput<typeof PinnedMessageSchema>;

/** A viewer's question to the host. Plain text, never markup. */
export const QuestionSchema = v.object({
  id: IdSchema,
  authorId: AuthorIdSchema,
  /** Display name of the asker. */
  name: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
  text: v.pipe(v.string(), v.maxLength(MAX_QUESTION_LENGTH)),
  /** Server time (ms) it was asked. */
  at: v.number(),
  /** The host's answer once answered (may be empty text: answered on air); null while open. */
  answer: v.nullable(v.pipe(v.string(), v.maxLength(MAX_CHAT_LENGTH))),
});
/** A viewer's question to the host. */
export type Question = v.InferOutput<typeof QuestionSchema>;

// ---- room events (sequenced, logged, replayed) ----------------------------------------------------------

/**
 * A chat message was deleted by the host or a moderator: remove it. The deleted message is also gone from
 * snapshots and from replays (the server stores this tombstone in its place).
 */
export const ChatDeletedEventSchema = v.object({ t: v.literal('chat.deleted'), seq: Seq, at: ServerTime, messageId: IdSchema });
/** An author was banned from the room (their sockets were closed). Clients may hide the author's messages. */
export const ChatBannedEventSchema = v.object({ t: v.literal('chat.banned'), seq: Seq, at: ServerTime, authorId: AuthorIdSchema });
/** The host pinned a message above the chat. */
export const MessagePinnedEventSchema = v.object({ t: v.literal('chat.message-pinned'), seq: Seq, at: ServerTime, pinned: PinnedMessageSchema });
/** The host took the pinned message down. */
export const MessageUnpinnedEventSchema = v.object({ t: v.literal('chat.message-unpinned'), seq: Seq, at: ServerTime });
/** A viewer asked a question. */
export const QuestionAskedEventSchema = v.object({ t: v.literal('question.asked'), seq: Seq, at: ServerTime, question: QuestionSchema });
/** The host answered a question. */
export const QuestionAnsweredEventSchema = v.object({
  t: v.literal('question.answered'),
  seq: Seq,
  at: ServerTime,
  questionId: IdSchema,
  answer: v.pipe(v.string(), v.maxLength(MAX_CHAT_LENGTH)),
});
/** The host showed a question over the video. */
export const QuestionPinnedEventSchema = v.object({ t: v.literal('question.pinned'), seq: Seq, at: ServerTime, questionId: IdSchema });
/** The host took the pinned question down. */
export const QuestionUnpinnedEventSchema = v.object({ t: v.literal('question.unpinned'), seq: Seq, at: ServerTime });

/** Every room event of this file, for the room event union. */
export const MODERATION_EVENT_SCHEMAS = [
  ChatDeletedEventSchema,
  ChatBannedEventSchema,
  MessagePinnedEventSchema,
  MessageUnpinnedEventSchema,
  QuestionAskedEventSchema,
  QuestionAnsweredEventSchema,
  QuestionPinnedEventSchema,
  QuestionUnpinnedEventSchema,
] as const;

// ---- notices (ephemeral) ---------------------------------------------------------------------------------

/** Most names a join notice spells out; the rest are counted in `others`. */
export const NOTICE_NAMES = 2;

/**
 * Who joined the room lately: a few names and how many more. At most one per room per second, however many
 * join: "A, B and 23 others joined".
 */
export const JoinNoticeSchema = v.object({
  kind: v.literal('join'),
  names: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH))), v.maxLength(NOTICE_NAMES)),
  others: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Who joined the room lately. */
export type JoinNotice = v.InferOutput<typeof JoinNoticeSchema>;

/** Social proof: "张** just bought 2 × Coat" (the name is masked by the server), plus how many others bought meanwhile. */
export const PurchaseNoticeSchema = v.object({
  kind: v.literal('purchase'),
  /** The buyer's name, masked: first character and `**`. */
  name: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
  product: v.pipe(v.string(), v.maxLength(120)),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Other purchases in the same second, not spelled out. */
  others: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Social proof: someone just bought something. */
export type PurchaseNotice = v.InferOutput<typeof PurchaseNoticeSchema>;

/** What a notice says. */
export const NoticeBodySchema = v.variant('kind', [JoinNoticeSchema, PurchaseNoticeSchema]);
/** What a notice says. */
export type NoticeBody = v.InferOutput<typeof NoticeBodySchema>;

/**
 * A passing notice about the room (joins, purchases). Ephemeral like `reactions.burst`: no `seq`, not in the
 * room log, never replayed; at most one per kind per room per second.
 */
export const NoticeFrameSchema = v.object({
  t: v.literal('notice'),
  /** Server clock (ms) when sent. */
  at: ServerTime,
  notice: NoticeBodySchema,
});
/** A passing notice about the room. Ephemeral: no `seq`, never replayed. */
export type NoticeFrame = v.InferOutput<typeof NoticeFrameSchema>;

// ---- snapshot fields -------------------------------------------------------------------------------------

/** The snapshot fields of this file (all optional, so older servers stay readable). */
export const ModerationSnapshotFields = {
  /** The host's pinned message, or null. */
  pinnedMessage: v.optional(v.nullable(PinnedMessageSchema)),
  /** The latest questions, oldest first (at most {@link SNAPSHOT_QUESTIONS}). */
  questions: v.optional(v.array(QuestionSchema)),
  /** The id of the question shown over the video, or null. */
  pinnedQuestionId: v.optional(v.nullable(IdSchema)),
};

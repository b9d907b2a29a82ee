import * as v from 'valibot';
import { MAX_CHAT_LENGTH } from './limits.js';
import { AuthorIdSchema, MAX_BLOCKED_WORD_LENGTH, MAX_BLOCKED_WORDS, MAX_MUTE_MS, MAX_QUESTION_LENGTH } from './moderation-frames.js';

// The chat moderation, pinned message and Q&A commands, apart from their events in moderation-frames.ts: a client
// checks its commands with these only when it sends one, so a bundle can load them in a chunk of their own (the
// core does), while the events are parsed from the first frame on.

// The same rules as in moderation-frames.ts (kept private there).
const IdSchema = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'));
const CommandId = v.pipe(v.string('id must be a string'), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'id must be 1-40 URL-safe characters'));
const text = (max: number, field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.trim(),
    v.minLength(1, `${field} is empty`),
    v.maxLength(max, `${field} must be at most ${max} characters`),
  );

/** Host/moderator: delete a chat message for everyone (`chat.deleted`). */
export const ChatDeleteSchema = v.strictObject({ t: v.literal('chat.delete'), id: CommandId, messageId: IdSchema });
/** Host/moderator: delete a chat message for everyone. */
export type ChatDelete = v.InferOutput<typeof ChatDeleteSchema>;

/** Host/moderator: mute an author for `durationMs` (0 lifts a mute). A muted viewer's chat and questions get `forbidden`. */
export const ChatMuteSchema = v.strictObject({
  t: v.literal('chat.mute'),
  id: CommandId,
  authorId: AuthorIdSchema,
  durationMs: v.pipe(
    v.number('durationMs must be a number'),
    v.integer('durationMs must be an integer'),
    v.minValue(0, 'durationMs must be at least 0'),
    v.maxValue(MAX_MUTE_MS, `durationMs must be at most ${MAX_MUTE_MS}`),
  ),
});
/** Host/moderator: mute an author for a while. */
export type ChatMute = v.InferOutput<typeof ChatMuteSchema>;

/** Host/moderator: ban an author from the room: their sockets close ({@link BANNED_CLOSE_CODE}), their next hello is refused. */
export const ChatBanSchema = v.strictObject({ t: v.literal('chat.ban'), id: CommandId, authorId: AuthorIdSchema });
/** Host/moderator: ban an author from the room. */
export type ChatBan = v.InferOutput<typeof ChatBanSchema>;

/** Host/moderator: lift a ban. */
export const ChatUnbanSchema = v.strictObject({ t: v.literal('chat.unban'), id: CommandId, authorId: AuthorIdSchema });
/** Host/moderator: lift a ban. */
export type ChatUnban = v.InferOutput<typeof ChatUnbanSchema>;

/** Host/moderator: replace the room's own blocked-word list (the built-in list always applies). Ack data: the list stored. */
export const ChatBlockedWordsSchema = v.strictObject({
  t: v.literal('chat.blocked-words'),
  id: CommandId,
  words: v.pipe(
    v.array(text(MAX_BLOCKED_WORD_LENGTH, 'word')),
    v.maxLength(MAX_BLOCKED_WORDS, `at most ${MAX_BLOCKED_WORDS} words`),
  ),
});
/** Host/moderator: replace the room's own blocked-word list. */
export type ChatBlockedWords = v.InferOutput<typeof ChatBlockedWordsSchema>;

/** Host only: pin a message above the chat (`chat.message-pinned`); replaces the pinned one. */
export const ChatPinMessageSchema = v.strictObject({ t: v.literal('chat.pin-message'), id: CommandId, text: text(MAX_CHAT_LENGTH, 'text') });
/** Host only: pin a message above the chat. */
export type ChatPinMessage = v.InferOutput<typeof ChatPinMessageSchema>;

/** Host only: take the pinned message down (`chat.message-unpinned`). */
export const ChatUnpinMessageSchema = v.strictObject({ t: v.literal('chat.unpin-message'), id: CommandId });
/** Host only: take the pinned message down. */
export type ChatUnpinMessage = v.InferOutput<typeof ChatUnpinMessageSchema>;

/** Anyone not muted: ask the host a question (`question.asked`). Ack data: the {@link Question}. */
export const QuestionAskSchema = v.strictObject({ t: v.literal('question.ask'), id: CommandId, text: text(MAX_QUESTION_LENGTH, 'text') });
/** Ask the host a question. */
export type QuestionAsk = v.InferOutput<typeof QuestionAskSchema>;

/** Host/moderator: mark a question answered, optionally with a written answer (`question.answered`). */
export const QuestionAnswerSchema = v.strictObject({
  t: v.literal('question.answer'),
  id: CommandId,
  questionId: IdSchema,
  answer: v.optional(v.pipe(v.string('answer must be a string'), v.trim(), v.maxLength(MAX_CHAT_LENGTH, `answer must be at most ${MAX_CHAT_LENGTH} characters`))),
});
/** Mark a question answered. */
export type QuestionAnswer = v.InferOutput<typeof QuestionAnswerSchema>;

/** Host only: show a question over the video (`question.pinned`). */
export const QuestionPinSchema = v.strictObject({ t: v.literal('question.pin'), id: CommandId, questionId: IdSchema });
/** Host only: show a question over the video. */
export type QuestionPin = v.InferOutput<typeof QuestionPinSchema>;

/** Host only: take the pinned question down (`question.unpinned`). */
export const QuestionUnpinSchema = v.strictObject({ t: v.literal('question.unpin'), id: CommandId });
/** Host only: take the pinned question down. */
export type QuestionUnpin = v.InferOutput<typeof QuestionUnpinSchema>;

/** Every command of this file, for the client frame union. */
export const MODERATION_COMMAND_SCHEMAS = [
  ChatDeleteSchema,
  ChatMuteSchema,
  ChatBanSchema,
  ChatUnbanSchema,
  ChatBlockedWordsSchema,
  ChatPinMessageSchema,
  ChatUnpinMessageSchema,
  QuestionAskSchema,
  QuestionAnswerSchema,
  QuestionPinSchema,
  QuestionUnpinSchema,
] as const;

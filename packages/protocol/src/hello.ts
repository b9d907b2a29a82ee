import * as v from 'valibot';
import { EpochSchema, IdSchema } from './ids.js';
import { MAX_NAME_LENGTH, MAX_TOKEN_LENGTH } from './limits.js';

// Apart from the other client frames (client-frames.ts): a client checks its options against `hello` when it is
// created, and its commands only when it sends one, so a bundle can load the command schemas later (the core does).

/** Every client command carries an id the server echoes in its `ack`. */
const CommandId = v.pipe(v.string('id must be a string'), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'id must be 1-40 URL-safe characters'));

/** First frame on a connection: join a room. Answered by `welcome` (or an error `ack`). */
export const HelloSchema = v.strictObject({
  t: v.literal('hello'),
  id: CommandId,
  room: IdSchema,
  /** Signed token; absent for an anonymous viewer. Never sent in a URL. */
  token: v.optional(v.pipe(v.string(), v.maxLength(MAX_TOKEN_LENGTH))),
  /** Display name for chat; the server picks one when absent. */
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH))),
  /** Last room seq this client applied, to resume without a gap. */
  lastSeq: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /**
   * The room log `epoch` that `lastSeq` belongs to (from an earlier `welcome`). The server replays the
   * missed events only when both are given and the epoch is still the room's; otherwise it sends a snapshot.
   */
  epoch: v.optional(EpochSchema),
  /**
   * An anonymous viewer's session id from an earlier `welcome` of this client: the server keeps the same
   * anonymous identity across reconnects (its orders, idempotency keys and limits), instead of a new one.
   * Random and known only to this client; ignored when a token is sent.
   */
  session: v.optional(v.pipe(v.string('session must be a string'), v.regex(/^[A-Za-z0-9_-]{22,64}$/, 'session must be 22-64 URL-safe characters'))),
});
/** First frame on a connection: join a room. */
export type Hello = v.InferOutput<typeof HelloSchema>;

import { MAX_NAME_LENGTH, MAX_TOKEN_LENGTH } from './limits.js';
import type { Parsed } from './validate.js';

// The rules of the fields a client joins with (`hello`: room, token, name), as plain values: the schema in hello.ts
// is built from them, and a client checks its options with `checkJoinFields` when it is created, without loading
// the schemas (valibot and every frame's schema load later, with the reading of frames). parse.test.ts checks that
// both agree.

/** Ids of rooms, products, variants, orders: short, URL-safe, never user prose. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** What an id that does not match {@link ID_PATTERN} is told. */
export const ID_RULE = 'must be 1-64 letters, digits, "_" or "-"';

/** What a client joins with, as given (unchecked). */
export interface JoinFields {
  room: unknown;
  token?: unknown;
  name?: unknown;
}

/** The fields a client joins with, checked (the name trimmed, as the schema trims it). */
export interface JoinAs {
  room: string;
  token?: string;
  name?: string;
}

/** Checks the fields of a `hello` as its schema would, without the schema (see above). */
export function checkJoinFields({ room, token, name }: JoinFields): Parsed<JoinAs> {
  const refuse = (message: string): Parsed<JoinAs> => ({ ok: false, error: { code: 'invalid', message } });
  if (typeof room !== 'string') return refuse('room: must be a string');
  if (!ID_PATTERN.test(room)) return refuse(`room: ${ID_RULE}`);
  const value: JoinAs = { room };
  if (token !== undefined) {
    if (typeof token !== 'string') return refuse('token: must be a string');
    if (token.length > MAX_TOKEN_LENGTH) return refuse(`token: must be at most ${MAX_TOKEN_LENGTH} characters`);
    value.token = token;
  }
  if (name !== undefined) {
    if (typeof name !== 'string') return refuse('name: must be a string');
    const trimmed = name.trim();
    if (trimmed.length < 1) return refuse('name: must not be empty');
    if (trimmed.length > MAX_NAME_LENGTH) return refuse(`name: must be at most ${MAX_NAME_LENGTH} characters`);
    value.name = trimmed;
  }
  return { ok: true, value };
}

import * as v from 'valibot';
import { ID_PATTERN, ID_RULE } from './join-check.js';

// The id schemas alone: `hello` (which a client checks its options against when it is created) needs them without
// the model's other schemas, so a bundle can load those later, with the reading of frames.

/** Ids of rooms, products, variants, orders: short, URL-safe, never user prose. */
export const IdSchema = v.pipe(v.string('must be a string'), v.regex(ID_PATTERN, ID_RULE));

/** An opaque random id of a room's event log; it changes when the server starts a new log for the room. */
export const EpochSchema = v.pipe(v.string('epoch must be a string'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'epoch must be 8-64 URL-safe characters'));

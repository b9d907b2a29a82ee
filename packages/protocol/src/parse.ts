import * as v from 'valibot';
import { MAX_FRAME_BYTES, MAX_SERVER_FRAME_BYTES } from './limits.js';
import { ClientFrameSchema, type ClientFrame } from './client-frames.js';
import { ServerFrameSchema, type ServerFrame } from './server-frames.js';
import { validate, type Parsed } from './validate.js';
import { utf8Length } from './utf8.js';

export { validate, type Parsed } from './validate.js';
// In a module of its own: a bundle that sends frames needs it without the schemas that read them.
export { utf8Length } from './utf8.js';

function parseWith<T>(schema: v.GenericSchema<unknown, T>, text: string, maxBytes: number): Parsed<T> {
  // Cheap bound first: each UTF-16 unit is at least 1 byte, so a long string is refused unread.
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return { ok: false, error: { code: 'too_large', message: `frame is larger than ${maxBytes} bytes` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'invalid', message: 'frame is not valid JSON' } };
  }
  return validate(schema, json);
}

/** Parses and validates a text frame received from a client. Never throws. */
export function parseClientFrame(text: string): Parsed<ClientFrame> {
  return parseWith(ClientFrameSchema, text, MAX_FRAME_BYTES);
}

/** Parses and validates a text frame received from the server. Never throws. */
export function parseServerFrame(text: string): Parsed<ServerFrame> {
  return parseWith(ServerFrameSchema, text, MAX_SERVER_FRAME_BYTES);
}

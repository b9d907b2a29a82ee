import * as v from 'valibot';
import { MAX_FRAME_BYTES, MAX_SERVER_FRAME_BYTES } from './limits.js';
import { ClientFrameSchema, type ClientFrame } from './client-frames.js';
import { ServerFrameSchema, type ServerFrame } from './server-frames.js';
import { validate, type Parsed } from './validate.js';

export { validate, type Parsed } from './validate.js';

/**
 * UTF-8 length of a string, counted without encoding it (no allocation on the hot path).
 * A lone surrogate counts as 3 bytes, as the WHATWG encoder would write U+FFFD.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

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

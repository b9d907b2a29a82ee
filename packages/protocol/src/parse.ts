import * as v from 'valibot';
import type { ErrorBody } from './errors.js';
import { MAX_FRAME_BYTES, MAX_SERVER_FRAME_BYTES } from './limits.js';
import { ClientFrameSchema, type ClientFrame } from './client-frames.js';
import { ServerFrameSchema, type ServerFrame } from './server-frames.js';
import { OrderSchema, type Order } from './model.js';

/** The outcome of validating untrusted input: the typed value, or an error that says what was wrong. */
export type Parsed<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: ErrorBody;
      /** The command id, when the frame was JSON with a usable `id`, so the error can be acked to it. */
      id?: string;
    };

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

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid frame';
  const path = first.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

function usableId(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const id = (json as { id?: unknown }).id;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(id) ? id : undefined;
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

/** Validates an already-parsed value against a schema. */
export function validate<T>(schema: v.GenericSchema<unknown, T>, json: unknown): Parsed<T> {
  const result = v.safeParse(schema, json);
  if (result.success) return { ok: true, value: result.output };
  const id = usableId(json);
  const error: ErrorBody = { code: 'invalid', message: describe(result.issues) };
  return id === undefined ? { ok: false, error } : { ok: false, error, id };
}

/** Parses and validates a text frame received from a client. Never throws. */
export function parseClientFrame(text: string): Parsed<ClientFrame> {
  return parseWith(ClientFrameSchema, text, MAX_FRAME_BYTES);
}

/** Parses and validates a text frame received from the server. Never throws. */
export function parseServerFrame(text: string): Parsed<ServerFrame> {
  return parseWith(ServerFrameSchema, text, MAX_SERVER_FRAME_BYTES);
}

/** Validates the `data` of an `order.place` ack. */
export function parseOrder(data: unknown): Parsed<Order> {
  return validate(OrderSchema, data);
}

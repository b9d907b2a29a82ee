import type { IncomingMessage } from 'node:http';
import { validate } from '@live-shop/protocol';
import type * as v from 'valibot';
import { LiveShopServerError } from '../errors.js';

/** The media type of a request body, lower case, without parameters. */
export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Reads the body as UTF-8 text, refusing more than `limit` bytes without buffering them. */
export async function readText(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new LiveShopServerError('too_large', `the body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new LiveShopServerError('too_large', `the body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON body and validates it; `invalid` names the first wrong field. */
export async function readJson<T>(req: IncomingMessage, schema: v.GenericSchema<unknown, T>, limit: number): Promise<T> {
  const text = await readText(req, limit);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LiveShopServerError('invalid', 'the body is not valid JSON');
  }
  const parsed = validate(schema, json);
  if (!parsed.ok) throw new LiveShopServerError('invalid', parsed.error.message);
  return parsed.value;
}

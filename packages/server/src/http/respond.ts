import type { ServerResponse } from 'node:http';
import type { ErrorBody, ErrorCode } from '@live-shop/protocol';
import { HTTP_STATUS } from '../errors.js';

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Sends `{ error: { code, message } }` with the status that fits the code (or the one given). */
export function sendError(res: ServerResponse, code: ErrorCode, message: string, status = HTTP_STATUS[code]): void {
  const error: ErrorBody = { code, message };
  sendJson(res, status, { error });
}

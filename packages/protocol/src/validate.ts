import * as v from 'valibot';
import type { ErrorBody } from './errors.js';

// Apart from parse.ts (which reads whole frames): the schemas of orders (order.ts) validate with this too, and
// parse.ts imports every frame schema, so they could not import it without a cycle.

/** The outcome of validating untrusted input: the typed value, or an error that says what was wrong. */
export type Parsed<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: ErrorBody;
      /** The command id, when the frame was JSON with a usable `id`, so the error can be acked to it. */
      id?: string;
    };

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

/** Validates an already-parsed value against a schema. */
export function validate<T>(schema: v.GenericSchema<unknown, T>, json: unknown): Parsed<T> {
  const result = v.safeParse(schema, json);
  if (result.success) return { ok: true, value: result.output };
  const id = usableId(json);
  const error: ErrorBody = { code: 'invalid', message: describe(result.issues) };
  return id === undefined ? { ok: false, error } : { ok: false, error, id };
}

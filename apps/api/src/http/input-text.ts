import type { Context, MiddlewareHandler } from 'hono';
import { type FieldError, fieldError, invalidFields } from './problem.ts';

/** The headers the API reads as percent-encoded text (clients send Chinese with `encodeURIComponent`). */
export const ENCODED_HEADERS = ['x-access-purpose', 'x-file-name'] as const;
export type EncodedHeader = (typeof ENCODED_HEADERS)[number];

const NUL = '\u0000';
/** At most this many fields are named; a body full of NULs need not be walked to its end. */
const MAX_NAMED = 20;

/**
 * Refuses, with 400 problem+json naming each field, text that PostgreSQL cannot store (U+0000 in a `text` or `jsonb`
 * value) before any route or query sees it: every JSON string and key (by its dotted path, `guardians.0.name`),
 * the path's parameters, every query name and value, and the percent-encoded headers, which are decoded exactly once here
 * ({@link decodedHeader} reads them the same way) and refused when the encoding is malformed. Runs before the
 * session's transaction opens, so a JSON body is read in full before any database work.
 *
 * @example
 * ```ts
 * app.use('/api/*', refuseUnstorableText());
 * ```
 */
export function refuseUnstorableText(): MiddlewareHandler {
  return async (c, next) => {
    const errors: FieldError[] = [];
    for (const name of ENCODED_HEADERS) {
      const raw = c.req.header(name);
      if (raw === undefined) continue;
      const decoded = decodeOnce(raw);
      if (decoded === undefined) errors.push(fieldError(name, 'field.bad-percent-encoding'));
      else if (decoded.includes(NUL)) errors.push(fieldError(name, 'field.nul-character'));
    }
    if (/%00/i.test(new URL(c.req.url).pathname)) errors.push(fieldError('path', 'field.nul-character'));
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (name.includes(NUL) || values.some((value) => value.includes(NUL)))
        errors.push(fieldError(name.replaceAll(NUL, '\\0'), 'field.nul-character'));
    }
    if (hasJsonBody(c)) {
      const body = await c.req.json().catch(() => undefined); // the route's validator answers malformed JSON
      findNul(body, [], errors);
    }
    if (errors.length > 0) throw invalidFields(errors.slice(0, MAX_NAMED));
    await next();
  };
}

/**
 * A percent-encoded header decoded once, as {@link refuseUnstorableText} checked it; undefined when absent. A
 * malformed value never gets here (the middleware refused it), but answers undefined rather than throwing.
 *
 * @example
 * ```ts
 * const fileName = decodedHeader(c.req.raw.headers.get('x-file-name'));
 * ```
 */
export function decodedHeader(raw: string | null | undefined): string | undefined {
  return raw === null || raw === undefined ? undefined : decodeOnce(raw);
}

function decodeOnce(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function hasJsonBody(c: Context): boolean {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return false;
  const type = c.req.header('content-type') ?? '';
  return /^application\/([a-z0-9.+-]*\+)?json\b/i.test(type.trim());
}

function findNul(value: unknown, path: string[], errors: FieldError[]): void {
  if (errors.length >= MAX_NAMED) return;
  const field = () => (path.length > 0 ? path.join('.') : 'body');
  if (typeof value === 'string') {
    if (value.includes(NUL)) errors.push(fieldError(field(), 'field.nul-character'));
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) findNul(value[i], [...path, String(i)], errors);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) {
      errors.push(fieldError([...path, key.replaceAll(NUL, '\\0')].join('.'), 'field.nul-character'));
      continue;
    }
    findNul(item, [...path, key], errors);
  }
}

import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { invalidFields, type ProblemCode, ProblemError, problem, problemResponse } from './problem.ts';
import { fieldErrorsOf } from './validation.ts';

/** Where unexpected errors are written; tests pass a silent one. */
export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * The global error handler: every error becomes RFC 9457 problem+json in the request's language. Known kinds
 * keep their status; a database constraint violation becomes 409/400; anything else is logged on the server and
 * answered as a bare 500, so no stack trace or SQL ever reaches the client.
 *
 * @example
 * ```ts
 * app.onError(problemErrorHandler(console.error));
 * ```
 */
export function problemErrorHandler(log: ErrorLogger): ErrorHandler {
  return (err, c) => problemResponse(c, toProblem(err, c, log));
}

function toProblem(err: unknown, c: Context, log: ErrorLogger): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof ZodError) return invalidFields(fieldErrorsOf(err));
  if (err instanceof HTTPException) return fromHttpException(err);
  const database = fromDatabaseError(err);
  if (database) return database;
  log(`${c.req.method} ${c.req.path} failed`, err);
  return problem('server.internal');
}

/** hono's own middleware throws HTTPExceptions: their English message is not shown, the code says what failed. */
const httpExceptionCodes: Partial<Record<number, ProblemCode>> = {
  400: 'http.bad-request',
  401: 'auth.sign-in-required',
  // hono's csrf middleware throws a bare 403 when a cross-site form post is refused.
  403: 'http.cross-site',
  404: 'http.not-found',
  405: 'http.method-not-allowed',
  413: 'http.payload-too-large',
  415: 'http.unsupported-media-type',
};

function fromHttpException(err: HTTPException): ProblemError {
  return new ProblemError(httpExceptionCodes[err.status] ?? 'http.bad-request');
}

/** SQLSTATE codes a caller can cause with valid-looking input, and the problem each is to the caller. */
const sqlStates: Record<string, ProblemCode> = {
  '23505': 'database.duplicate-key',
  '23503': 'database.missing-reference',
  '23514': 'database.out-of-range',
  '23502': 'database.value-missing',
  '22P02': 'database.bad-format',
  '42501': 'database.not-permitted',
};

function fromDatabaseError(err: unknown): ProblemError | undefined {
  const state = sqlStateOf(err);
  const code = state ? sqlStates[state] : undefined;
  if (!code) return undefined;
  const constraint = constraintOf(err);
  return new ProblemError(code, constraint ? { constraint } : {});
}

/** drizzle wraps driver errors (`cause`); PGlite and postgres.js both carry the SQLSTATE in `code`. */
function sqlStateOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function constraintOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const named = e as { constraint?: unknown; constraint_name?: unknown };
    const name = named.constraint ?? named.constraint_name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** 404 problem for an unknown route under /api (other paths fall through to the frontends). */
export const problemNotFound: NotFoundHandler = (c) =>
  problemResponse(c, problem('http.no-route', { method: c.req.method, path: c.req.path }));

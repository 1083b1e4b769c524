import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { type Problem, ProblemError, problemResponse, problems, problemType } from './problem.ts';
import { fieldErrorsOf } from './validation.ts';

/** Where unexpected errors are written; tests pass a silent one. */
export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * The global error handler: every error becomes RFC 9457 problem+json. Known kinds keep their status; a
 * database constraint violation becomes 409/400; anything else is logged on the server and answered as a
 * bare 500, so no stack trace or SQL ever reaches the client.
 *
 * @example
 * ```ts
 * app.onError(problemErrorHandler(console.error));
 * ```
 */
export function problemErrorHandler(log: ErrorLogger): ErrorHandler {
  return (err, c) => {
    const { problem, headers } = toProblem(err, c, log);
    return problemResponse(c, problem, headers);
  };
}

function toProblem(
  err: unknown,
  c: Context,
  log: ErrorLogger,
): { problem: Problem; headers?: Record<string, string> } {
  if (err instanceof ProblemError) return { problem: err.problem, headers: err.headers };
  if (err instanceof ZodError) return { problem: problems.validation(fieldErrorsOf(err)).problem };
  if (err instanceof HTTPException) return { problem: fromHttpException(err) };
  const database = fromDatabaseError(err);
  if (database) return { problem: database };
  log(`${c.req.method} ${c.req.path} failed`, err);
  return { problem: problems.internal().problem };
}

function fromHttpException(err: HTTPException): Problem {
  const status = err.status as ContentfulStatusCode;
  if (status === 403) {
    // hono's csrf middleware throws a bare 403 when a cross-site form post is refused.
    return { type: problemType('csrf'), title: 'Forbidden', status, detail: 'Cross-site request refused' };
  }
  const title = statusTitles[status] ?? 'Error';
  return {
    type: problemType(title.toLowerCase().replaceAll(' ', '-')),
    title,
    status,
    detail: err.message || title,
  };
}

const statusTitles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Payload too large',
  415: 'Unsupported media type',
};

/** SQLSTATE codes a caller can cause with valid-looking input, and what they mean to the caller. */
const sqlStates: Record<
  string,
  { status: ContentfulStatusCode; slug: string; title: string; detail: string }
> = {
  '23505': {
    status: 409,
    slug: 'conflict',
    title: 'Conflict',
    detail: 'A record with the same key already exists',
  },
  '23503': {
    status: 409,
    slug: 'conflict',
    title: 'Conflict',
    detail:
      'The record refers to, or is referred to by, a record that does not exist or is not visible to you',
  },
  '23514': {
    status: 400,
    slug: 'bad-request',
    title: 'Bad request',
    detail: 'A value is out of its allowed range',
  },
  '23502': { status: 400, slug: 'bad-request', title: 'Bad request', detail: 'A required value is missing' },
  '22P02': { status: 400, slug: 'bad-request', title: 'Bad request', detail: 'A value has the wrong format' },
  '42501': {
    status: 403,
    slug: 'forbidden',
    title: 'Forbidden',
    detail: 'This record is outside what you may change',
  },
};

function fromDatabaseError(err: unknown): Problem | undefined {
  const code = sqlStateOf(err);
  const known = code ? sqlStates[code] : undefined;
  if (!known) return undefined;
  const constraint = constraintOf(err);
  const detail = constraint ? `${known.detail} (${constraint})` : known.detail;
  return { type: problemType(known.slug), title: known.title, status: known.status, detail };
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
  problemResponse(c, problems.notFound(`No route ${c.req.method} ${c.req.path}`).problem);

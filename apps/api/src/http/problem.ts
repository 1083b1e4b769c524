import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One invalid field of a request, named by its path (`guardians.0.phone`). */
export interface FieldError {
  field: string;
  message: string;
}

/** One bad row of an imported file: row number as the user sees it (header = row 1), column and reason. */
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

/** An RFC 9457 problem details object, the body of every error the API answers. */
export interface Problem {
  type: string;
  title: string;
  status: ContentfulStatusCode;
  detail?: string;
  errors?: FieldError[] | RowError[];
}

/** The media type of every error response (RFC 9457 §3). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * A problem thrown from anywhere below a route: the global error handler turns it into its response, and the
 * request transaction is rolled back, so nothing the request wrote is kept.
 *
 * @example
 * ```ts
 * if (!student) throw problems.notFound('没有这个学生 / No such student');
 * ```
 */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

/** The `type` URI of a problem kind: stable, so frontends can translate it. */
export function problemType(slug: string): string {
  return `urn:xinqiao:problem:${slug}`;
}

/** The common problems, ready to throw. Each `detail` should say in words what went wrong and with what. */
export const problems = {
  /** 400 with the invalid fields named. */
  validation: (errors: FieldError[], detail = describeFieldErrors(errors)) =>
    new ProblemError({
      type: problemType('validation'),
      title: 'Invalid request',
      status: 400,
      detail,
      errors,
    }),
  /** 400 for an import whose rows are bad; the file was not stored. */
  importRejected: (errors: RowError[], detail = `${errors.length} row error(s); nothing was imported`) =>
    new ProblemError({
      type: problemType('import-rejected'),
      title: 'Import rejected',
      status: 400,
      detail,
      errors,
    }),
  badRequest: (detail: string) =>
    new ProblemError({ type: problemType('bad-request'), title: 'Bad request', status: 400, detail }),
  unauthorized: (detail = 'Sign in first') =>
    new ProblemError({ type: problemType('unauthorized'), title: 'Unauthorized', status: 401, detail }),
  forbidden: (detail = 'Your roles do not allow this') =>
    new ProblemError({ type: problemType('forbidden'), title: 'Forbidden', status: 403, detail }),
  notFound: (detail = 'Not found') =>
    new ProblemError({ type: problemType('not-found'), title: 'Not found', status: 404, detail }),
  conflict: (detail: string, errors?: FieldError[]) =>
    new ProblemError({
      type: problemType('conflict'),
      title: 'Conflict',
      status: 409,
      detail,
      ...(errors ? { errors } : {}),
    }),
  tooManyRequests: (detail: string, retryAfterSeconds: number) =>
    new ProblemError(
      { type: problemType('rate-limited'), title: 'Too many requests', status: 429, detail },
      { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    ),
  internal: () =>
    new ProblemError({
      type: problemType('internal'),
      title: 'Internal server error',
      status: 500,
      detail: 'The server failed to answer this request; it has been logged.',
    }),
};

function describeFieldErrors(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((e) => e.field || '(body)'))];
  return `Invalid field(s): ${fields.join(', ')}`;
}

/**
 * Answer a problem as `application/problem+json`, keeping headers other middleware already set on the context.
 *
 * @example
 * ```ts
 * return problemResponse(c, problems.forbidden().problem);
 * ```
 */
export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(problem), problem.status, { ...headers, 'content-type': PROBLEM_MEDIA_TYPE });
}

/** Zod schema of a problem, for the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:xinqiao:problem:validation' }),
    title: z.string().openapi({ example: 'Invalid request' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().optional(),
    errors: z
      .array(
        z.union([
          z.object({ field: z.string(), message: z.string() }),
          z.object({ row: z.number().int(), column: z.string(), reason: z.string() }),
        ]),
      )
      .optional(),
  })
  .openapi('Problem');

const problemDescriptions: Record<number, string> = {
  400: 'Invalid request: `errors` names each bad field',
  401: 'Not signed in, or the session expired',
  403: 'Signed in, but not allowed',
  404: 'Not found, or not visible to you',
  409: 'Conflicts with stored data',
  429: 'Too many attempts',
};

/**
 * OpenAPI `responses` entries for the given error statuses, to spread into a `createRoute` config.
 *
 * @example
 * ```ts
 * createRoute({ method: 'get', path: '/students/{id}', responses: { 200: {...}, ...problemResponses(400, 401, 404) } });
 * ```
 */
export function problemResponses<const S extends number>(
  ...statuses: S[]
): Record<
  S,
  { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
> {
  const out = {} as Record<
    S,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;
  for (const status of statuses) {
    out[status] = {
      description: problemDescriptions[status] ?? 'Error',
      content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } } as {
        'application/problem+json': { schema: typeof ProblemSchema };
      },
    };
  }
  return out;
}

import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ProblemCode, type ProblemParams, problemKinds } from './problem-messages/codes.ts';
import type { Params, ParamsArgs } from './problem-messages/kind.ts';
import { type MessageLocale, requestLocale } from './problem-messages/locale.ts';
import { type FieldError, message, type RowError } from './problem-messages/message.ts';
import { type MessageCode, messageKinds } from './problem-messages/message-codes.ts';
import {
  type RenderedFieldError,
  type RenderedRowError,
  renderErrors,
  renderProblemTexts,
} from './problem-messages/render.ts';

export type { ProblemCode } from './problem-messages/codes.ts';
export type { MessageLocale } from './problem-messages/locale.ts';
export { negotiateLocale, requestLocale } from './problem-messages/locale.ts';
export {
  type FieldError,
  fieldError,
  type Message,
  message,
  type RowError,
} from './problem-messages/message.ts';
export type { MessageCode } from './problem-messages/message-codes.ts';
export { renderMessage } from './problem-messages/render.ts';

/** An RFC 9457 problem details object as the API answers it, in the language the request asked for. */
export interface ProblemBody {
  type: string;
  /** The stable code of the problem kind (`screening.wave-not-open`): what clients key on. */
  code: ProblemCode;
  title: string;
  status: ContentfulStatusCode;
  detail: string;
  errors?: (RenderedFieldError | RenderedRowError)[];
}

/** The media type of every error response (RFC 9457 §3). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * A problem thrown from anywhere below a route: its code and parameters (and the fields or rows it names). The
 * global error handler answers it in the request's language, and the request transaction is rolled back, so
 * nothing the request wrote is kept. Make one with {@link problem}.
 */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ProblemCode;
  readonly params: Params;
  readonly errors: readonly (FieldError | RowError)[];

  constructor(
    code: ProblemCode | LegacyProblem,
    params: Params = {},
    errors: readonly (FieldError | RowError)[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    const given = typeof code === 'string' ? { code, params, errors } : fromLegacy(code);
    super(given.code);
    this.name = 'ProblemError';
    this.code = given.code;
    this.params = given.params;
    this.errors = given.errors;
    this.status = problemKinds[given.code].status;
  }

  /** The same problem naming the fields or rows that caused it. */
  naming(errors: readonly (FieldError | RowError)[]): ProblemError {
    return new ProblemError(this.code, this.params, errors, this.headers);
  }

  /** The same problem answered with these extra response headers (`Retry-After`). */
  withHeaders(headers: Record<string, string>): ProblemError {
    return new ProblemError(this.code, this.params, this.errors, { ...this.headers, ...headers });
  }
}

/**
 * A problem by its code, with the parameters its texts take: throw it, and the API answers it in the language the
 * request asks for.
 *
 * @example
 * ```ts
 * if (wave.status !== 'open') throw problem('screening.wave-not-open', { wave: wave.name });
 * if (!student) throw problem('students.not-found');
 * ```
 */
export function problem<C extends ProblemCode>(
  code: C,
  ...[params]: ParamsArgs<ProblemParams<C>>
): ProblemError {
  return new ProblemError(code, params ?? {});
}

/**
 * 400 naming each invalid field of a request.
 *
 * @example
 * ```ts
 * throw invalidFields([fieldError('closesOn', 'screening.closes-before-opens')]);
 * ```
 */
export function invalidFields(errors: readonly FieldError[]): ProblemError {
  const fields = [...new Set(errors.map((e) => e.field || 'body'))];
  return new ProblemError('validation.invalid-field', { fields }, errors);
}

/**
 * A problem in one language: its type URI, code, title, detail and the fields or rows it names.
 *
 * @example
 * ```ts
 * renderProblem(problem('auth.session-expired'), 'en').title; // 'Session expired'
 * ```
 */
export function renderProblem(error: ProblemError, locale: MessageLocale): ProblemBody {
  const { title, detail } = renderProblemTexts(error.code, error.params, locale);
  const body: ProblemBody = {
    type: problemTypeOf(error.code),
    code: error.code,
    title,
    status: error.status,
    detail,
  };
  if (error.errors.length > 0) body.errors = renderErrors(error.errors, locale);
  return body;
}

/** The `type` URI of a problem code: stable, like the code. */
export function problemTypeOf(code: ProblemCode): string {
  return `urn:xinqiao:problem:${code}`;
}

/**
 * Answer a problem as `application/problem+json` in the language the request asks for (`Accept-Language`, zh-CN
 * by default), keeping headers other middleware already set on the context.
 *
 * @example
 * ```ts
 * return problemResponse(c, problem('auth.sign-in-required'));
 * ```
 */
export function problemResponse(c: Context, error: ProblemError): Response {
  const locale = requestLocale(c);
  c.header('vary', 'Accept-Language', { append: true });
  return c.body(JSON.stringify(renderProblem(error, locale)), error.status, {
    ...error.headers,
    'content-type': PROBLEM_MEDIA_TYPE,
    'content-language': locale,
  });
}

// ---- Transitional: problems whose text is still one "中文 / English" string. Give each its own code instead.

/** @deprecated A problem written out by hand with a "中文 / English" detail; use {@link problem}. */
export interface LegacyProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: LegacyFieldError[];
}

/** @deprecated The `type` URI of a problem slug; problems now get theirs from their code. */
export function problemType(slug: string): string {
  return `urn:xinqiao:problem:${slug}`;
}

const legacyCodes: Record<number, ProblemCode> = {
  403: 'legacy.forbidden',
  404: 'legacy.not-found',
  409: 'legacy.conflict',
};

function fromLegacy(legacy: LegacyProblem): { code: ProblemCode; params: Params; errors: FieldError[] } {
  const code = legacyCodes[legacy.status] ?? 'legacy.bad-request';
  return { code, params: { text: legacy.detail }, errors: legacyFields(legacy.errors ?? []) };
}

/** A field error whose message is still a "中文 / English" string. */
export interface LegacyFieldError {
  field: string;
  message: string;
}

const legacyFields = (errors: readonly LegacyFieldError[]): FieldError[] =>
  errors.map((e) => ({ field: e.field, message: message('legacy.text', { text: e.message }) }));

/**
 * @deprecated Transitional helpers for texts written as "中文 / English"; use {@link problem} with a code of
 * ./problem-messages/codes.ts (and its texts in zh-CN.ts and en.ts) instead.
 */
export const problems = {
  validation: (errors: readonly LegacyFieldError[], text?: string) =>
    text === undefined
      ? invalidFields(legacyFields(errors))
      : problem('legacy.invalid-field', { text }).naming(legacyFields(errors)),
  badRequest: (text: string) => problem('legacy.bad-request', { text }),
  unauthorized: () => problem('auth.sign-in-required'),
  forbidden: (text: string) => problem('legacy.forbidden', { text }),
  notFound: (text: string) => problem('legacy.not-found', { text }),
  conflict: (text: string, errors?: readonly LegacyFieldError[]) =>
    problem('legacy.conflict', { text }).naming(errors ? legacyFields(errors) : []),
  importRejected: (errors: readonly { row: number; column: string; reason: string }[], text = '') =>
    problem('legacy.rows-rejected', { text }).naming(
      errors.map((e) => ({
        row: e.row,
        column: e.column,
        reason: message('legacy.text', { text: e.reason }),
      })),
    ),
};

// ---- The OpenAPI side

const problemCodes = Object.keys(problemKinds) as [ProblemCode, ...ProblemCode[]];
const messageCodes = Object.keys(messageKinds) as [MessageCode, ...MessageCode[]];

/** Zod schema of a problem, for the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:xinqiao:problem:validation.invalid-field' }),
    code: z.enum(problemCodes).openapi({
      description: 'The stable code of the problem kind: key on this, never on the texts',
      example: 'validation.invalid-field',
    }),
    title: z.string().openapi({
      description: 'The problem kind in words, in the language of Accept-Language (zh-CN by default)',
      example: '提交的内容有误',
    }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ description: 'This occurrence in words, in the same language' }),
    errors: z
      .array(
        z.union([
          z.object({ field: z.string(), code: z.enum(messageCodes), message: z.string() }),
          z.object({
            row: z.number().int(),
            column: z.string(),
            code: z.enum(messageCodes),
            reason: z.string(),
          }),
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

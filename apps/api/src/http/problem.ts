import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ProblemCode, type ProblemParams, problemKinds } from './problem-messages/codes.ts';
import type { Params, ParamsArgs } from './problem-messages/kind.ts';
import { type MessageLocale, requestLocale } from './problem-messages/locale.ts';
import type { FieldError, RowError } from './problem-messages/message.ts';
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
  limit?: string;
  max?: number;
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

  constructor(
    readonly code: ProblemCode,
    readonly params: Params = {},
    readonly errors: readonly (FieldError | RowError)[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
    readonly extensions: Readonly<ProblemExtensions> = {},
  ) {
    super(code);
    this.name = 'ProblemError';
    this.status = problemKinds[code].status;
  }

  /** The same problem naming the fields or rows that caused it. */
  naming(errors: readonly (FieldError | RowError)[]): ProblemError {
    return new ProblemError(this.code, this.params, errors, this.headers, this.extensions);
  }

  /** The same problem answered with these extra response headers (`Retry-After`). */
  withHeaders(headers: Record<string, string>): ProblemError {
    return new ProblemError(
      this.code,
      this.params,
      this.errors,
      { ...this.headers, ...headers },
      this.extensions,
    );
  }

  /** The same problem with RFC 9457 extension members for clients to key on (`limit`, `max`). */
  withExtensions(extensions: ProblemExtensions): ProblemError {
    return new ProblemError(this.code, this.params, this.errors, this.headers, {
      ...this.extensions,
      ...extensions,
    });
  }
}

/** Extension members of a problem (RFC 9457 §3.2): which limit a request went over, and its value. */
export interface ProblemExtensions {
  limit?: string;
  max?: number;
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
    ...error.extensions,
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
    limit: z
      .string()
      .optional()
      .openapi({
        description:
          'Which limit the request went over, when that is the problem (an upload: `unpacked-bytes`, ' +
          '`shared-strings-bytes`, `shared-strings`, `cell-chars`, `rows-read`, `packed-bytes`)',
        example: 'unpacked-bytes',
      }),
    max: z.number().optional().openapi({ description: 'The value of that limit', example: 268435456 }),
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

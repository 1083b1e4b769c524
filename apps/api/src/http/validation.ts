import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { type FieldError, problemResponse, problems } from './problem.ts';

/**
 * The field errors of a zod failure, each named by its dotted path (`guardians.0.phone`); a failure of the whole
 * value (a body that is not an object) is named after the part of the request that failed (`body`, `query`...).
 *
 * @example
 * ```ts
 * fieldErrorsOf(schema.safeParse(input).error!, 'body'); // [{ field: 'guardians.0.phone', message: '...' }]
 * ```
 */
export function fieldErrorsOf(error: ZodError, whole = 'body'): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : whole,
    message: issue.message,
  }));
}

const targetNames: Record<string, string> = { json: 'body', form: 'body', query: 'query', param: 'path' };

/**
 * The `defaultHook` of every OpenAPIHono router: a request that fails its zod schema answers 400 problem+json
 * naming each bad field, before the handler runs.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input and env type
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const errors = fieldErrorsOf(result.error, targetNames[result.target] ?? result.target);
  return problemResponse(c, problems.validation(errors).problem);
};

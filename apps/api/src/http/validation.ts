import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { type FieldError, invalidFields, problemResponse } from './problem.ts';
import { messageOfIssue } from './zod-issues.ts';

/**
 * The field errors of a zod failure, each named by its dotted path (`guardians.0.phone`); a failure of the whole
 * value (a body that is not an object) is named after the part of the request that failed (`body`, `query`...).
 * Each message is a code, put in the request's language when the problem is answered.
 *
 * @example
 * ```ts
 * fieldErrorsOf(schema.safeParse(input).error!, 'body'); // [{ field: 'guardians.0.phone', message: {...} }]
 * ```
 */
export function fieldErrorsOf(error: ZodError, whole = 'body'): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : whole,
    message: messageOfIssue(issue),
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
  return problemResponse(
    c,
    invalidFields(fieldErrorsOf(result.error, targetNames[result.target] ?? result.target)),
  );
};

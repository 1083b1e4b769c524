import type { z } from 'zod';
import type { Message } from './problem-messages/message.ts';
import { type MessageCode, type MessageParams, messageKinds } from './problem-messages/message-codes.ts';

type Issue = z.core.$ZodIssue;

/** Message codes a schema may give as its own message: those whose only parameters are the issue's bounds. */
export type SchemaMessageCode = {
  [C in MessageCode]: [Exclude<keyof MessageParams<C>, 'minimum' | 'maximum'>] extends [never] ? C : never;
}[MessageCode];

/**
 * The message a schema gives a check instead of zod's words: the code of one of our messages, put in the
 * request's language when the problem is answered. The message may read the issue's `minimum` and `maximum`.
 *
 * @example
 * ```ts
 * z.string().regex(/^\+?\d[\d-]{4,19}$/, schemaMessage('students.phone-format'));
 * ```
 */
export function schemaMessage(code: SchemaMessageCode): string {
  return code;
}

const isMessageCode = (text: string): text is MessageCode => Object.hasOwn(messageKinds, text);

const sizeOf = (value: number | bigint) => Number(value);

/** zod drops the input from a finished issue; a missing value is told apart by the words zod gave it. */
const isMissing = (issue: Issue) =>
  issue.code === 'invalid_type' && /received undefined$/.test(issue.message);

/**
 * The message of one zod issue: the schema's own message code when it gave one, else our words for zod's kind of
 * issue (required, too small, not one of the options…), so field errors read the same in every language.
 *
 * @example
 * ```ts
 * messageOfIssue(schema.safeParse({}).error!.issues[0]!); // { code: 'field.required', params: {} }
 * ```
 */
export function messageOfIssue(issue: Issue): Message {
  if (isMessageCode(issue.message)) {
    const sized = issue as { minimum?: number | bigint; maximum?: number | bigint };
    const params: Record<string, number> = {};
    if (sized.minimum !== undefined) params.minimum = sizeOf(sized.minimum);
    if (sized.maximum !== undefined) params.maximum = sizeOf(sized.maximum);
    return { code: issue.message, params } as Message;
  }
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue)
        ? { code: 'field.required', params: {} }
        : { code: 'field.wrong-type', params: { expected: issue.expected } };
    case 'too_small':
      return {
        code: 'field.too-small',
        params: { origin: issue.origin, minimum: sizeOf(issue.minimum), inclusive: issue.inclusive ?? true },
      };
    case 'too_big':
      return {
        code: 'field.too-big',
        params: { origin: issue.origin, maximum: sizeOf(issue.maximum), inclusive: issue.inclusive ?? true },
      };
    case 'invalid_format':
      return { code: 'field.invalid-format', params: { format: issue.format } };
    case 'invalid_value':
      return { code: 'field.invalid-option', params: { values: issue.values.map(String) } };
    case 'unrecognized_keys':
      return { code: 'field.unknown-keys', params: { keys: issue.keys } };
    case 'not_multiple_of':
      return { code: 'field.not-multiple-of', params: { divisor: sizeOf(issue.divisor) } };
    default:
      return { code: 'field.invalid', params: {} };
  }
}

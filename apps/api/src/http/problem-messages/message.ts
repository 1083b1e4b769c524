import type { ParamsArgs } from './kind.ts';
import type { MessageCode, MessageParams } from './message-codes.ts';

/** A field or row message not yet in words: its code and parameters, put in the request's language on answering. */
export type Message = {
  [C in MessageCode]: { readonly code: C; readonly params: MessageParams<C> };
}[MessageCode];

/** One invalid field of a request, named by its path (`guardians.0.phone`). */
export interface FieldError {
  field: string;
  message: Message;
}

/** One bad row of an imported file: row number as the user sees it (header = row 1), column and reason. */
export interface RowError {
  row: number;
  column: string;
  reason: Message;
}

/**
 * A message by its code, with the parameters the code takes (a code without parameters takes none).
 *
 * @example
 * message('field.too-small', { origin: 'string', minimum: 12, inclusive: true });
 */
export function message<C extends MessageCode>(code: C, ...[params]: ParamsArgs<MessageParams<C>>): Message {
  return { code, params: params ?? {} } as Message;
}

/**
 * A field error by the field's path and a message code.
 *
 * @example
 * fieldError('username', 'people.username-taken');
 */
export function fieldError<C extends MessageCode>(
  field: string,
  code: C,
  ...params: ParamsArgs<MessageParams<C>>
): FieldError {
  return { field, message: message(code, ...params) };
}

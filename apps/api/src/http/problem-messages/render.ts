import type { Catalogue } from './catalogue.ts';
import type { ProblemCode } from './codes.ts';
import { en } from './en/index.ts';
import type { Params } from './kind.ts';
import type { MessageLocale } from './locale.ts';
import type { FieldError, Message, RowError } from './message.ts';
import type { MessageCode } from './message-codes.ts';
import { zhCN } from './zh-CN/index.ts';

/** The catalogue of every language the API answers in. */
export const catalogues: Readonly<Record<MessageLocale, Catalogue>> = { 'zh-CN': zhCN, en };

type AnyText = string | ((params: Params) => string);

const fill = (text: AnyText, params: Params): string => (typeof text === 'string' ? text : text(params));

/** A field error as the API answers it: in one language, with the message's code for clients that key on it. */
export interface RenderedFieldError {
  field: string;
  code: MessageCode;
  message: string;
}

/** A row error as the API answers it. */
export interface RenderedRowError {
  row: number;
  column: string;
  code: MessageCode;
  reason: string;
}

/** What a problem carries before it is put in words. */
export interface ProblemContent {
  code: ProblemCode;
  params: Params;
  errors: readonly (FieldError | RowError)[];
}

/** A problem's title and detail in one language. */
export interface RenderedProblemTexts {
  title: string;
  detail: string;
}

/**
 * A message in the given language.
 *
 * @example
 * renderMessage(message('field.required'), 'en'); // 'Required'
 */
export function renderMessage(message: Message, locale: MessageLocale): string {
  return fill(catalogues[locale].messages[message.code] as AnyText, message.params);
}

/**
 * A problem's title and detail in the given language.
 *
 * @example
 * renderProblemTexts('auth.session-expired', {}, 'zh-CN').title; // '登录已过期'
 */
export function renderProblemTexts(
  code: ProblemCode,
  params: Params,
  locale: MessageLocale,
): RenderedProblemTexts {
  const texts = catalogues[locale].problems[code] as { title: string; detail: AnyText };
  return { title: texts.title, detail: fill(texts.detail, params) };
}

/**
 * The field or row errors of a problem in the given language.
 *
 * @example
 * renderErrors([fieldError('name', 'field.required')], 'en'); // [{ field: 'name', code: 'field.required', message: 'Required' }]
 */
export function renderErrors(
  errors: readonly (FieldError | RowError)[],
  locale: MessageLocale,
): (RenderedFieldError | RenderedRowError)[] {
  return errors.map((error) =>
    'field' in error
      ? { field: error.field, code: error.message.code, message: renderMessage(error.message, locale) }
      : {
          row: error.row,
          column: error.column,
          code: error.reason.code,
          reason: renderMessage(error.reason, locale),
        },
  );
}

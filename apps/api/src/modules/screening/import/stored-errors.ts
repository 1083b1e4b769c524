import {
  type Message,
  type MessageLocale,
  message,
  type RowError,
  renderMessage,
} from '../../../http/problem.ts';
import { messageKinds } from '../../../http/problem-messages/message-codes.ts';
import type { ImportRow } from './queries.ts';

/** A row error as the import record keeps it (`screening_imports.errors`). */
export type StoredRowError = ImportRow['errors'][number];

/** A row error as the API answers it: in the reader's language, with its message code. */
export interface PresentedRowError {
  row: number;
  column: string;
  code: string;
  reason: string;
}

const isKnown = (stored: StoredRowError['message']): stored is Message =>
  stored !== undefined && Object.hasOwn(messageKinds, stored.code);

/**
 * A row error for the import record: its message, to answer it later in the reader's language, and its reason in
 * zh-CN words for anyone reading the table itself.
 *
 * @example
 * storedRowError({ row: 3, column: '学号', reason: message('screening.student-number-missing') });
 * // { row: 3, column: '学号', reason: '缺少学号', message: { code: 'screening.student-number-missing', params: {} } }
 */
export function storedRowError(error: RowError): StoredRowError {
  return {
    row: error.row,
    column: error.column,
    reason: renderMessage(error.reason, 'zh-CN'),
    message: error.reason,
  };
}

/**
 * A stored row error back as the import works with it (a resumed import takes up what was stored); a reason
 * stored before reasons had codes is kept as it was written.
 *
 * @example
 * rowErrorOfStored({ row: 3, column: '学号', reason: '缺少学号' }).reason.code; // 'screening.stored-reason'
 */
export function rowErrorOfStored(stored: StoredRowError): RowError {
  return {
    row: stored.row,
    column: stored.column ?? '',
    reason: isKnown(stored.message)
      ? stored.message
      : message('screening.stored-reason', { text: stored.reason }),
  };
}

/**
 * A stored row error in the reader's language.
 *
 * @example
 * presentRowError(stored, 'en').reason; // 'The student number is missing'
 */
export function presentRowError(stored: StoredRowError, locale: MessageLocale): PresentedRowError {
  const { row, column, reason } = rowErrorOfStored(stored);
  return { row, column, code: reason.code, reason: renderMessage(reason, locale) };
}

import { normaliseHeader, TabularError } from '@xinqiao/tabular';

/** Header names accepted for each fixed column of a screening file (Chinese first, as the template shows). */
export const screeningColumns = {
  studentNumber: ['学号', 'student_number', 'student number', 'student no'],
  name: ['姓名', 'name'],
  submittedAt: ['提交时间', '答题时间', 'submitted_at', 'submitted at'],
  asksForCounselling: ['主动要求咨询', '要求咨询', 'asks_for_counselling', 'asks for counselling'],
  answers: ['答案', 'answers'],
} as const satisfies Record<string, readonly string[]>;

/** Item columns: `Q1`, `q01`, `item_1`, `第1题`, `题1`, `T1` or a bare `1`. */
const ITEM_HEADER = /^(?:q|item|i|t|题|第)?[\s_\-.]*0*(\d{1,3})\s*题?$/;

/** Where a file keeps its answers: one column per item, or one `答案` column holding them all. */
export type AnswerLayout =
  | { kind: 'items'; keys: readonly string[]; headers: readonly string[] }
  | { kind: 'compact'; header: string };

/**
 * Works out the answer layout from the header of a file, for an instrument of `itemCount` items. Item columns
 * must be numbered 1..itemCount with none missing; a file with the wrong number of item columns is refused as a
 * whole (a GAD-7 file uploaded into a PHQ-9 wave), since every row would be wrong.
 *
 * @example
 * answerLayout({ studentNumber: '学号', Q1: 'Q1', Q2: 'Q2' }, 2, 'PHQ-9').kind; // 'items'
 */
export function answerLayout(
  headers: Readonly<Record<string, string>>,
  itemCount: number,
  instrument: string,
): AnswerLayout {
  const items = new Map<number, string>();
  for (const [key, written] of Object.entries(headers)) {
    const match = ITEM_HEADER.exec(normaliseHeader(key));
    if (!match) continue;
    const item = Number(match[1]);
    const other = items.get(item);
    if (other !== undefined) {
      throw fileError(
        `“${headers[other]}”和“${written}”都是第 ${item} 题，请只保留一列。`,
        `Columns "${headers[other]}" and "${written}" are both item ${item}; keep one.`,
        written,
      );
    }
    items.set(item, key);
  }
  if (Object.hasOwn(headers, 'answers')) {
    if (items.size > 0) {
      throw fileError(
        `文件既有“${headers.answers}”列又有逐题列，请只用一种。`,
        `The file has both an "${headers.answers}" column and item columns; use one.`,
        headers.answers!,
      );
    }
    return { kind: 'compact', header: headers.answers! };
  }
  if (items.size === 0) {
    throw fileError(
      `缺少答案列：请用“答案”一列，或 Q1–Q${itemCount} 逐题列。`,
      `No answers: add an "答案" column, or item columns Q1–Q${itemCount}.`,
      '答案',
    );
  }
  if (items.size !== itemCount || Math.max(...items.keys()) !== itemCount) {
    throw fileError(
      `文件有 ${items.size} 个题目列，本批次的量表 ${instrument} 需要第 1–${itemCount} 题各一列。`,
      `The file has ${items.size} item columns; this wave's ${instrument} needs one for each of items 1–${itemCount}.`,
      headers[items.get(Math.max(...items.keys()))!]!,
    );
  }
  const keys = Array.from({ length: itemCount }, (_, i) => items.get(i + 1)!);
  return { kind: 'items', keys, headers: keys.map((key) => headers[key]!) };
}

function fileError(zh: string, en: string, column: string): TabularError {
  return new TabularError('missing_header', zh, en, 1, column);
}

const YES = new Set(['是', 'y', 'yes', 'true', '有']);
const NO = new Set(['否', 'n', 'no', 'false', '无']);
const INTEGER = /^[+-]?\d+(?:\.0+)?$/;
const DECIMAL = /^[+-]?\d*\.\d+$/;

/**
 * One answer cell as a number when it is one ('2', '2.0'; for yes/no items also 是/否, yes/no), otherwise the
 * cell itself ('' or text), which the instrument's validation reports by item number.
 */
export function answerValue(cell: string, yesNo: boolean): number | string {
  // Nearly every cell is one digit: answered without a regular expression (a UPI row has 64 of them).
  const digit = cell.length === 1 ? cell.charCodeAt(0) - 48 : -1;
  if (digit >= 0 && digit <= 9) return digit;
  if (INTEGER.test(cell) || DECIMAL.test(cell)) return Number(cell);
  if (yesNo) {
    const lower = cell.toLowerCase();
    if (YES.has(lower)) return 1;
    if (NO.has(lower)) return 0;
  }
  return cell;
}

/**
 * The answers of a compact `答案` cell: separated by spaces, commas, semicolons or |, or one digit per item when
 * the instrument's answers are single digits ('0102…').
 *
 * @example
 * compactAnswers('0,1,3', false); // [0, 1, 3]
 * compactAnswers('0113', false); // [0, 1, 1, 3]
 */
export function compactAnswers(cell: string, yesNo: boolean): (number | string)[] {
  if (cell === '') return [];
  const parts = /[\s,;|，；、]/.test(cell)
    ? cell.split(/[\s,;|，；、]+/).filter(Boolean)
    : /^\d+$/.test(cell)
      ? [...cell]
      : [cell];
  return parts.map((part) => answerValue(part, yesNo));
}

/** A yes/no cell: true, false, or undefined when it is neither. */
export function yesNoValue(cell: string): boolean | undefined {
  const lower = cell.toLowerCase();
  if (lower === '' || NO.has(lower) || lower === '0') return false;
  if (YES.has(lower) || lower === '1') return true;
  return undefined;
}

const LOCAL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A submission time: 'YYYY-MM-DD[ HH:mm[:ss]]' (also with '/') is China time (UTC+8), an ISO time with a zone is
 * taken as written. Undefined when the cell is not a time.
 */
export function submissionTime(cell: string): Date | undefined {
  const local = LOCAL_TIME.exec(cell);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi, +s));
    const check = new Date(date.getTime() + 8 * 3_600_000);
    if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h > 23) return undefined;
    return date;
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(cell)) {
    const date = new Date(cell);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

import { describeIssue, type ScoredResult, scoreResponse } from '@xinqiao/instruments';
import type { Instrument } from '@xinqiao/policy';
import type { TabularRow } from '@xinqiao/tabular';
import type { RowError } from '../../../http/problem.ts';
import { instrumentShape, scoringIdOf } from '../instruments.ts';
import { type AnswerLayout, answerValue, compactAnswers, submissionTime, yesNoValue } from './columns.ts';

/** A row that scored: who, what they answered, and the instrument's scores. */
export interface ScoredRow {
  rowNumber: number;
  studentNumber: string;
  /** The name written in the file, checked against the student's when given. */
  name: string;
  submittedAt: Date | null;
  answers: number[];
  score: ScoredResult;
}

/** How to read the rows of one file for one wave. */
export interface RowReader {
  instrument: Instrument;
  layout: AnswerLayout;
}

/**
 * Checks and scores one data row: student number present, answers complete and in range (named by item), a
 * readable submission time and counselling request. Answers a scored row, or the row's error.
 *
 * @example
 * const parsed = parseRow(row, { instrument: 'PHQ-9', layout });
 * if ('reason' in parsed) errors.push(parsed); else batch.push(parsed);
 */
export function parseRow(row: TabularRow, reader: RowReader): ScoredRow | RowError {
  const { values, headers, rowNumber } = row;
  const column = (key: string) => headers[key] ?? key;
  if (row.strayCells.length > 0) {
    return {
      row: rowNumber,
      column: '',
      reason: `有 ${row.strayCells.length} 个单元格不在任何表头之下（“${row.strayCells[0]}”），这一行的列可能错位了`,
    };
  }
  const studentNumber = values.studentNumber ?? '';
  if (studentNumber === '') return { row: rowNumber, column: column('studentNumber'), reason: '缺少学号' };
  const shape = instrumentShape(reader.instrument);
  const yesNo = shape.min === 0 && shape.max === 1;
  const { layout } = reader;
  const answers =
    layout.kind === 'compact'
      ? compactAnswers(values.answers ?? '', yesNo)
      : layout.keys.map((key) => answerValue(values[key] ?? '', yesNo));
  const asks = yesNoValue(values.asksForCounselling ?? '');
  if (asks === undefined) {
    return {
      row: rowNumber,
      column: column('asksForCounselling'),
      reason: `“${values.asksForCounselling}”不是“是”或“否”`,
    };
  }
  let submittedAt: Date | null = null;
  if (values.submittedAt) {
    const parsed = submissionTime(values.submittedAt);
    if (!parsed) {
      return {
        row: rowNumber,
        column: column('submittedAt'),
        reason: `“${values.submittedAt}”不是有效时间（应为 2025-03-01 或 2025-03-01 14:30）`,
      };
    }
    submittedAt = parsed;
  }
  const scored = scoreResponse(scoringIdOf(reader.instrument), answers as number[], {
    asksForCounselling: asks,
  });
  if (!scored.ok) {
    const first = scored.error[0]!;
    const itemColumn =
      layout.kind === 'compact' || !('item' in first)
        ? columnOfAnswers(layout)
        : layout.headers[first.item - 1]!;
    return {
      row: rowNumber,
      column: itemColumn,
      reason: scored.error.map((issue) => describeIssue(issue)).join('；'),
    };
  }
  return {
    rowNumber,
    studentNumber,
    name: values.name ?? '',
    submittedAt,
    answers: answers as number[],
    score: scored.value,
  };
}

function columnOfAnswers(layout: AnswerLayout): string {
  return layout.kind === 'compact' ? layout.header : (layout.headers[0] ?? '');
}

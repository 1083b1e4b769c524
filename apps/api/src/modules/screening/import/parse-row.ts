import { describeIssue, type ScoredResult, scoreResponse } from '@xinqiao/instruments';
import type { Instrument } from '@xinqiao/policy';
import type { TabularRow } from '@xinqiao/tabular';
import { message, type RowError } from '../../../http/problem.ts';
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
    const reason = message('import.stray-cells', {
      count: row.strayCells.length,
      first: row.strayCells[0] ?? '',
    });
    return { row: rowNumber, column: '', reason };
  }
  const studentNumber = values.studentNumber ?? '';
  if (studentNumber === '') {
    return {
      row: rowNumber,
      column: column('studentNumber'),
      reason: message('screening.student-number-missing'),
    };
  }
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
      reason: message('screening.yes-or-no', { value: values.asksForCounselling ?? '' }),
    };
  }
  let submittedAt: Date | null = null;
  if (values.submittedAt) {
    const parsed = submissionTime(values.submittedAt);
    if (!parsed) {
      return {
        row: rowNumber,
        column: column('submittedAt'),
        reason: message('screening.submission-time', { value: values.submittedAt }),
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
      reason: message('screening.answers-invalid', {
        zh: scored.error.map((issue) => describeIssue(issue, 'zh-CN')).join('；'),
        en: scored.error.map((issue) => describeIssue(issue, 'en')).join('; '),
      }),
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

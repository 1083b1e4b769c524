import { instruments, isInstrumentId } from './catalogue';
import type { ValidationIssue } from './core/issues';
import { err, ok, type Result } from './core/result';
import type { InstrumentId, ScoreOptions } from './core/types';
import { validateAnswers } from './core/validate';
import { type Gad7Score, scoreGad7 } from './gad7/gad7';
import { type Phq9Score, scorePhq9 } from './phq9/phq9';
import { type Scl90Score, scoreScl90 } from './scl90/scl90';
import { scoreUpi, type UpiScore } from './upi/upi';

/** Scored result of each instrument; `instrument` tells them apart. */
export interface ScoredResultById {
  upi: UpiScore;
  phq9: Phq9Score;
  gad7: Gad7Score;
  scl90: Scl90Score;
}

/** The scored result of any instrument: exactly the facts the policy's tier rules read. */
export type ScoredResult = ScoredResultById[InstrumentId];

const scorers: {
  readonly [Id in InstrumentId]: (answers: ArrayLike<number>, options?: ScoreOptions) => ScoredResultById[Id];
} = {
  upi: scoreUpi,
  phq9: scorePhq9,
  gad7: scoreGad7,
  scl90: scoreScl90,
};

/**
 * Validates and scores one response. Answers are in item order (item 1 first); validation names the item at fault.
 * Allocates only the result on success, so it can run once per row of a large import.
 * @example
 * const result = scoreResponse('phq9', [0, 1, 0, 0, 0, 0, 0, 0, 1]);
 * if (result.ok) result.value.item9; // 1
 * else result.error.map((issue) => describeIssue(issue));
 */
export function scoreResponse<Id extends InstrumentId>(
  instrumentId: Id,
  answers: ArrayLike<number>,
  options?: ScoreOptions,
): Result<ScoredResultById[Id], ValidationIssue[]> {
  if (!isInstrumentId(instrumentId))
    return err([{ code: 'unknown-instrument', received: String(instrumentId) }]);
  const { itemCount, answerRange } = instruments[instrumentId];
  const issues = validateAnswers(answers, itemCount, answerRange.min, answerRange.max);
  if (issues) return err(issues);
  return ok(scorers[instrumentId](answers, options) as ScoredResultById[Id]);
}

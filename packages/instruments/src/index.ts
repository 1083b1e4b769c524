export { instrumentIds, instruments, isInstrumentId } from './catalogue';
export { FREQUENCY_OPTIONS, SEVERITY_LABELS, type Severity } from './core/frequency';
export { describeIssue, type IssueLocale, type ValidationIssue } from './core/issues';
export type { Result } from './core/result';
export type {
  AnswerOption,
  InstrumentId,
  InstrumentInfo,
  InstrumentItem,
  ItemRole,
  LocalizedText,
  ScoreOptions,
} from './core/types';
export { validateAnswers } from './core/validate';
export { type Gad7Score, type Gad7Severity, gad7Severity } from './gad7/gad7';
export { PHQ9_SELF_HARM_ITEM, type Phq9Score, type Phq9Severity, phq9Severity } from './phq9/phq9';
export { SCL90_FACTORS, type Scl90Factor, type Scl90FactorKey } from './scl90/factors';
export { SCL90_SUICIDAL_THOUGHTS_ITEM, type Scl90FactorScores, type Scl90Score } from './scl90/scl90';
export { type ScoredResult, type ScoredResultById, scoreResponse } from './score';
export { UPI_KEY_ITEMS, UPI_LIE_ITEMS, UPI_SUICIDAL_THOUGHTS_ITEM, type UpiScore } from './upi/upi';

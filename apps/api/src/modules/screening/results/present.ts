import type { AttentionTier } from '@xinqiao/policy';
import type { HistoryRow, ResultRow, StoredReason, TierCountRow, WaveResultRow } from './queries.ts';
import type { ScoreSummary, StoredScores } from './scores.ts';
import type { Trend } from './service.ts';

/** A reason a plugin rule gave, as the API answers it. */
export type Reason = StoredReason;

/** The follow-up a tier-1 result opened, with its deadline and first interview. */
export interface FollowUpState {
  caseId: string;
  status: string;
  dueDate: string | null;
  responsible: { id: string; displayName: string } | null;
  interviewedOn: string | null;
  /** No interview and the due date has passed. */
  overdue: boolean;
  /** A self-harm finding opened it: worked on before everything else. */
  selfHarm: boolean;
}

/** The student of a result, as the tier table names them. */
export interface ResultStudent {
  id: string;
  studentNumber: string;
  name: string;
  collegeName: string;
  className: string;
}

/** One row of a wave's tier table. */
export interface PresentedResult {
  resultId: string;
  student: ResultStudent;
  tier: AttentionTier;
  reasons: Reason[];
  pluginId: string;
  pluginVersion: string;
  /** Totals and flags: center staff only. */
  summary?: ScoreSummary;
  followUp: FollowUpState | null;
}

/** Counts of one college in a wave: students per tier and the seed-003 KPI of tier-1 students interviewed in time. */
export interface TierCounts {
  collegeId: string;
  collegeName: string;
  screened: number;
  tier1: number;
  tier2: number;
  tier3: number;
  /** Tier-1 students whose first interview is dated on or before the follow-up's due date. */
  interviewedInTime: number;
  interviewedLate: number;
  /** Not interviewed and past the due date. */
  overdue: number;
  /** interviewedInTime / tier1 (1 when there is no tier-1 student); target 100%. */
  interviewedInTimeShare: number;
}

/** A follow-up as the follow-up list shows it. */
export interface PresentedFollowUp extends FollowUpState {
  student: ResultStudent;
  wave: { id: string; name: string; instrument: string };
  tier: AttentionTier;
  reasons: Reason[];
  /** The plugin that decided the tier, and its version. */
  pluginId: string;
  pluginVersion: string;
}

/** The follow-up a result opened, overdue when not interviewed by its due date and `today` (China date) is later. */
export function presentFollowUpState(row: ResultRow, today: string): FollowUpState | null {
  if (!row.case_id) return null;
  return {
    caseId: row.case_id,
    status: row.case_status!,
    dueDate: row.due_date,
    responsible: row.responsible_id ? { id: row.responsible_id, displayName: row.responsible_name! } : null,
    interviewedOn: row.interviewed_on,
    overdue: !row.interviewed_on && row.due_date !== null && row.due_date < today,
    selfHarm: row.self_harm ?? false,
  };
}

function presentStudent(row: ResultRow): ResultStudent {
  return {
    id: row.student_id,
    studentNumber: row.student_number,
    name: row.student_name,
    collegeName: row.college_name,
    className: row.class_name,
  };
}

/** A result as the tier table shows it; totals and flags only `withScores` (center staff). */
export function presentResult(row: ResultRow, withScores: boolean, today: string): PresentedResult {
  return {
    resultId: row.result_id,
    student: presentStudent(row),
    tier: row.tier,
    reasons: row.reasons,
    pluginId: row.plugin_id,
    pluginVersion: row.plugin_version,
    ...(withScores ? { summary: row.summary } : {}),
    followUp: presentFollowUpState(row, today),
  };
}

/** One college's tier counts and its share of tier-1 students interviewed in time. */
export function presentTierCounts(row: TierCountRow): TierCounts {
  return {
    collegeId: row.college_id,
    collegeName: row.college_name,
    screened: row.screened,
    tier1: row.tier1,
    tier2: row.tier2,
    tier3: row.tier3,
    interviewedInTime: row.in_time,
    interviewedLate: row.late,
    overdue: row.overdue,
    interviewedInTimeShare: row.tier1 === 0 ? 1 : Math.round((row.in_time / row.tier1) * 1000) / 1000,
  };
}

/** A follow-up of the follow-up list: the state, its student, wave, tier and reasons. */
export function presentFollowUp(row: WaveResultRow, today: string): PresentedFollowUp {
  return {
    ...presentFollowUpState(row, today)!,
    student: presentStudent(row),
    wave: { id: row.wave_id, name: row.wave_name, instrument: row.instrument },
    tier: row.tier,
    reasons: row.reasons,
    pluginId: row.plugin_id,
    pluginVersion: row.plugin_version,
  };
}

/** One result with its wave, and for center staff its item answers and full scores. */
export function presentResultDetail(
  found: {
    row: WaveResultRow;
    answers?: { answers: number[] | null; scores: StoredScores | null };
  },
  today: string,
) {
  const { row, answers } = found;
  return {
    ...presentResult(row, answers !== undefined, today),
    wave: { id: row.wave_id, name: row.wave_name, instrument: row.instrument },
    ...(answers ?? {}),
  };
}

/** A student's screening history: each wave's result with its trend; totals and flags only `withScores`. */
export function presentHistory(
  history: {
    student: { id: string; student_number: string; name: string };
    entries: { row: HistoryRow; trend: Trend }[];
  },
  withScores: boolean,
  today: string,
) {
  const { student } = history;
  return {
    student: { id: student.id, studentNumber: student.student_number, name: student.name },
    entries: history.entries.map(({ row, trend }) => {
      const { student: _student, ...result } = presentResult(row, withScores, today);
      const wave = {
        id: row.wave_id,
        name: row.wave_name,
        instrument: row.instrument,
        academicYear: row.academic_year,
        opensOn: row.opens_on,
      };
      return { ...result, wave, trend };
    }),
  };
}

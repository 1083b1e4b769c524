import { addCalendarDays } from '@xinqiao/calendar';
import { sqlInstant as at, queryRows, type TenantTx } from '@xinqiao/db';
import type { GpaFormula, WarningFacts, WarningSettings } from '@xinqiao/policy';
import { type SQL, sql } from 'drizzle-orm';
import { signalOf } from './settings.ts';

const DAY_MS = 86_400_000;

/** One student's signals as the rules see them (absent: unknown), with the grades term they were computed for. */
export interface StudentSignals {
  studentId: string;
  placementPath: string;
  collegeUnitId: string;
  facts: WarningFacts;
}

/** The credit-weighted grade points of one stored attempt `g`, by the school's GPA formula. */
function pointsOf(formula: GpaFormula | null): SQL {
  if (!formula) return sql`NULL::numeric`;
  const score = formula.bands
    ? sql`CASE ${sql.join(
        [...formula.bands]
          .sort((a, b) => b.minScore - a.minScore)
          .map((band) => sql`WHEN g.score >= ${band.minScore}::numeric THEN ${band.points}::numeric`),
        sql` `,
      )} ELSE 0 END`
    : sql`CASE WHEN g.score < ${formula.passMark}::numeric THEN 0 ELSE least(${formula.linear!.maxPoints}::numeric,
          ${formula.linear!.pointsAtPass}::numeric + (g.score - ${formula.passMark}::numeric) * ${formula.linear!.pointsPerScore}::numeric) END`;
  const letters = formula.letters.length
    ? sql`CASE g.grade ${sql.join(
        formula.letters.map((letter) => sql`WHEN ${letter.grade} THEN ${letter.points}::numeric`),
        sql` `,
      )} ELSE 0 END`
    : sql`0`;
  return sql`CASE WHEN g.score IS NOT NULL THEN ${score} ELSE ${letters} END`;
}

interface SignalRow {
  id: string;
  path: string;
  college: string;
  term: string | null;
  gpa: string | null;
  gpa_prev: string | null;
  failed_now: number | null;
  graded: boolean;
  failed_total: number | null;
  recent: string | null;
  base: string | null;
  last_seen: Date | string | null;
  tier: number | null;
  crisis_reported: boolean;
}

/** China midnight at the start of `date` as an instant. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Computes every student's signals in one SQL statement from the feeds (the import role's transaction: raw rows are
 * read here and nowhere else): failed courses this term and in total, GPA by the school's formula and its change,
 * spending over the window against the student's own baseline and per day, days since the last campus activity
 * (access events and card use), the latest screening tier, and an urgent or self-harm concern report from the
 * network not closed as unfounded within the window (crisis signs reported). Only the signals the school's settings list are given,
 * and a student a feed does not track gives no signal of it (no card use before the window is not "no spending").
 */
export async function computeSignals(
  tx: TenantTx,
  settings: WarningSettings,
  today: string,
  studentIds?: readonly string[],
): Promise<{ term: string | null; students: StudentSignals[] }> {
  const dayEnd = chinaMidnight(addCalendarDays(today, 1));
  const spending = signalOf(settings, 'spendingChangePercent');
  const perDay = signalOf(settings, 'dailySpending');
  const activity = signalOf(settings, 'daysWithoutCampusActivity');
  const windowDays = spending?.windowDays ?? perDay?.windowDays ?? 14;
  const baselineDays = spending?.baselineDays ?? 56;
  const activityDays = activity?.windowDays ?? 30;
  const crisisReports = signalOf(settings, 'crisisReported');
  const reportStart = new Date(dayEnd.getTime() - (crisisReports?.windowDays ?? 30) * DAY_MS);
  const windowStart = new Date(dayEnd.getTime() - windowDays * DAY_MS);
  const baseStart = new Date(windowStart.getTime() - baselineDays * DAY_MS);
  const activityStart = new Date(dayEnd.getTime() - activityDays * DAY_MS);
  // A student never seen over the activity window and the baseline before it is not tracked by the feeds (on leave,
  // or outside the systems that send them): no lost-contact signal, rather than a warning for everyone missing.
  const trackStart = new Date(activityStart.getTime() - baselineDays * DAY_MS);
  const cardStart = baseStart < trackStart ? baseStart : trackStart;
  const only = studentIds
    ? sql`AND s.id = ANY (string_to_array(${studentIds.join(',')}, ',')::uuid[])`
    : sql``;
  // The planner knows nothing of the materialised parts' sizes and would join them to the students by nested loops
  // (a whole school is then quadratic): hash joins for this statement only.
  await tx.execute(sql`SET LOCAL enable_nestloop = off`);
  const rows = await queryRows<SignalRow>(
    tx,
    sql`WITH terms AS MATERIALIZED (
          SELECT max(term) AS cur, (SELECT max(term) FROM feed_grades WHERE term < (SELECT max(term) FROM feed_grades)) AS prev
          FROM feed_grades
        ),
        best AS MATERIALIZED (
          SELECT DISTINCT ON (g.student_id, g.term, g.course_code)
                 g.student_id, g.term, g.credit, g.passed, ${pointsOf(settings.gpaFormula)} AS points
          FROM feed_grades g, terms WHERE g.term = terms.cur OR g.term = terms.prev
          ORDER BY g.student_id, g.term, g.course_code, g.resit DESC
        ),
        per_term AS MATERIALIZED (
          SELECT b.student_id,
                 sum(b.points * b.credit) FILTER (WHERE b.term = t.cur) / nullif(sum(b.credit) FILTER (WHERE b.term = t.cur), 0) AS gpa,
                 sum(b.points * b.credit) FILTER (WHERE b.term = t.prev) / nullif(sum(b.credit) FILTER (WHERE b.term = t.prev), 0) AS gpa_prev,
                 (count(*) FILTER (WHERE b.term = t.cur AND NOT b.passed))::integer AS failed_now,
                 bool_or(b.term = t.cur) AS has_cur
          FROM best b, terms t GROUP BY b.student_id
        ),
        failed_all AS MATERIALIZED (
          SELECT student_id, count(*)::integer AS failed_total
          FROM (SELECT student_id FROM feed_grades GROUP BY student_id, course_code HAVING NOT bool_or(passed)) f
          GROUP BY student_id
        ),
        graded AS MATERIALIZED (SELECT DISTINCT student_id FROM feed_grades),
        card AS MATERIALIZED (
          SELECT student_id,
                 sum(amount_cents) FILTER (WHERE occurred_at >= ${at(windowStart)}) AS recent,
                 sum(amount_cents) FILTER (WHERE occurred_at >= ${at(baseStart)} AND occurred_at < ${at(windowStart)}) AS base,
                 max(occurred_at) AS last
          FROM feed_card_transactions WHERE occurred_at >= ${at(cardStart)} AND occurred_at < ${at(dayEnd)}
          GROUP BY student_id
        ),
        act AS MATERIALIZED (
          SELECT student_id, max(occurred_at) AS last FROM feed_activity_events
          WHERE occurred_at >= ${at(trackStart)} AND occurred_at < ${at(dayEnd)} GROUP BY student_id
        ),
        reported AS MATERIALIZED (
          SELECT DISTINCT student_id FROM concern_reports
          WHERE (urgency = 'urgent' OR self_harm) AND outcome IS DISTINCT FROM 'closed'
            AND created_at >= ${at(reportStart)} AND created_at < ${at(dayEnd)}
        ),
        tier AS MATERIALIZED (
          SELECT DISTINCT ON (student_id) student_id, attention_tier
          FROM screening_results ORDER BY student_id, submitted_at DESC NULLS LAST
        )
        SELECT s.id, s.placement_path AS path, s.college_unit_id AS college, (SELECT cur FROM terms) AS term,
               pt.gpa, pt.gpa_prev, CASE WHEN pt.has_cur THEN pt.failed_now END AS failed_now,
               (gr.student_id IS NOT NULL) AS graded, fa.failed_total, c.recent, c.base,
               greatest(c.last, a.last) AS last_seen, t.attention_tier AS tier,
               (r.student_id IS NOT NULL) AS crisis_reported
        FROM students s
        LEFT JOIN per_term pt ON pt.student_id = s.id
        LEFT JOIN failed_all fa ON fa.student_id = s.id
        LEFT JOIN graded gr ON gr.student_id = s.id
        LEFT JOIN card c ON c.student_id = s.id
        LEFT JOIN act a ON a.student_id = s.id
        LEFT JOIN tier t ON t.student_id = s.id
        LEFT JOIN reported r ON r.student_id = s.id
        WHERE true ${only}`,
  );
  await tx.execute(sql`SET LOCAL enable_nestloop = on`);
  const listed = new Set(settings.signals.map((signal) => signal.code));
  const term = rows[0]?.term ?? null;
  return {
    term,
    students: rows.map((row) => ({
      studentId: row.id,
      placementPath: row.path,
      collegeUnitId: row.college,
      facts: factsOf(row, { listed, windowDays, baselineDays, activityDays, dayEnd }),
    })),
  };
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function factsOf(
  row: SignalRow,
  at: { listed: Set<string>; windowDays: number; baselineDays: number; activityDays: number; dayEnd: Date },
): WarningFacts {
  const facts: Record<string, number> = {};
  const give = (code: string, value: number | null | undefined) => {
    if (at.listed.has(code) && value !== null && value !== undefined && Number.isFinite(value))
      facts[code] = value;
  };
  const gpa = row.gpa === null ? null : clamp(round(Number(row.gpa), 2), 0, 5);
  give('gpa', gpa);
  if (gpa !== null && row.gpa_prev !== null)
    give('gpaChange', clamp(round(gpa - Number(row.gpa_prev), 2), -5, 5));
  give('failedCoursesThisTerm', row.failed_now === null ? null : Math.min(60, row.failed_now));
  give('failedCoursesTotal', row.graded ? Math.min(200, row.failed_total ?? 0) : null);
  // Spending is compared with the student's own baseline: a student without one (no card use before the window)
  // gives no spending signal.
  const base = Number(row.base ?? 0) / 100 / at.baselineDays;
  if (base > 0) {
    const recent = Number(row.recent ?? 0) / 100 / at.windowDays;
    give('dailySpending', clamp(round(recent, 2), 0, 10_000));
    give('spendingChangePercent', clamp(round((recent / base - 1) * 100, 1), -100, 10_000));
  }
  if (row.last_seen !== null) {
    const days = Math.floor((at.dayEnd.getTime() - new Date(row.last_seen).getTime()) / DAY_MS);
    give('daysWithoutCampusActivity', clamp(days, 0, 366));
  }
  give('attentionTier', row.tier);
  // Only a report is a fact: no report is not evidence that all is well, so no rule may match its absence.
  const reported = at.listed.has('crisisReported') && row.crisis_reported ? { crisisReported: true } : {};
  return { part: 'student', ...facts, ...reported } as WarningFacts;
}

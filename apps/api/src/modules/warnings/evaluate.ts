import type { WorkingDayCalendar } from '@xinqiao/calendar';
import { queryRows, sqlInstant, type TenantTx, type WarningReasonRow } from '@xinqiao/db';
import type { Warning, WarningSettings } from '@xinqiao/policy';
import { sql } from 'drizzle-orm';
import type { WarningRules } from './rules.ts';
import { computeSignals, type StudentSignals } from './signals.ts';

/** A warning the evaluation opened, or one that became urgent: who is told, and whether a crisis opens. */
export interface RaisedWarning {
  id: string;
  studentId: string;
  placementPath: string;
  module: string;
  level: 'yellow' | 'red';
  urgent: boolean;
  dueOn: string;
}

export interface EvaluationOutcome {
  students: number;
  term: string | null;
  opened: RaisedWarning[];
  /** Open warnings that became urgent now (lost contact past the limit), new ones included. */
  urgentNow: RaisedWarning[];
  updated: number;
  cleared: number;
  open: number;
}

interface OpenRow {
  id: string;
  student_id: string;
  module: string;
  level: 'yellow' | 'red';
  urgent: boolean;
  reasons: WarningReasonRow[];
  due_on: string;
}

/** JSON with object keys sorted: jsonb gives its keys back in its own order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function reasonsOf(warning: Warning, student: StudentSignals, rules: WarningRules): WarningReasonRow[] {
  const facts = student.facts as unknown as Record<string, number | undefined>;
  return warning.reasons.map((reason) => ({
    ruleName: reason.ruleName,
    zh: reason.zh,
    en: reason.en,
    values: Object.fromEntries(
      (rules.testedFacts.get(reason.ruleName) ?? [])
        .filter((fact) => facts[fact] !== undefined)
        .map((fact) => [fact, Number(facts[fact])]),
    ),
  }));
}

/** Signal values as numbers, as they are stored and shown: a yes/no signal (crisis signs reported) as 1 or 0. */
const numericValues = (values: Record<string, number | boolean>) =>
  Object.fromEntries(Object.entries(values).map(([code, value]) => [code, Number(value)]));

/**
 * Evaluates every student of the school (or the given ones): signals in SQL, the school's rules on each, then the
 * warnings table brought in line with one statement per kind of change — a new warning per student and module that
 * has none open (due in the rule's working days), an open one updated in place when its level, reasons or values
 * changed (never a second one: a unique index holds one open per student and module), and an open one whose
 * signal cleared marked cleared (with the grades term, for the KPI). A lost-contact warning at the school's limit
 * is urgent. Safe to run again: the same signals change nothing.
 */
export async function evaluateWarnings(
  tx: TenantTx,
  input: {
    schoolId: string;
    rules: WarningRules;
    settings: WarningSettings;
    calendar: WorkingDayCalendar;
    today: string;
    now: Date;
    studentIds?: readonly string[];
  },
): Promise<EvaluationOutcome> {
  const { rules, settings, calendar, today, now } = input;
  const { term, students } = await computeSignals(tx, settings, today, input.studentIds);
  await storeSignals(tx, input.schoolId, students, term, now);
  const open = await queryRows<OpenRow>(
    tx,
    sql`SELECT id, student_id, module, level, urgent, reasons, due_on::text AS due_on FROM warnings WHERE status = 'open'
        ${input.studentIds ? sql`AND student_id = ANY (string_to_array(${input.studentIds.join(',')}, ',')::uuid[])` : sql``}`,
  );
  const openByKey = new Map(open.map((row) => [`${row.student_id}|${row.module}`, row]));
  const inserts: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  const opened: RaisedWarning[] = [];
  const urgentNow: RaisedWarning[] = [];
  const kept = new Set<string>();
  const limit = settings.lostContact.limitDays;
  for (const student of students) {
    for (const warning of rules.decide(student.facts)) {
      const key = `${student.studentId}|${warning.module}`;
      const urgent =
        warning.module === 'lost-contact' && (student.facts.daysWithoutCampusActivity ?? 0) >= limit;
      const reasons = reasonsOf(warning, student, rules);
      const existing = openByKey.get(key);
      kept.add(key);
      if (!existing) {
        const id = crypto.randomUUID();
        const dueOn = calendar.addWorkingDays(today, warning.deadlineWorkingDays);
        inserts.push({
          i: id,
          s: student.studentId,
          p: student.placementPath,
          m: warning.module,
          l: warning.level,
          r: reasons,
          a: warning.actions,
          d: warning.deadlineWorkingDays,
          u: dueOn,
          g: urgent,
          t: warning.module === 'academic' ? term : null,
        });
        const raised = {
          id,
          studentId: student.studentId,
          placementPath: student.placementPath,
          module: warning.module,
          level: warning.level,
          urgent,
          dueOn,
        };
        opened.push(raised);
        if (urgent) urgentNow.push(raised);
        continue;
      }
      const levelChanged = existing.level !== warning.level;
      if (!levelChanged && existing.urgent === urgent && sameJson(existing.reasons, reasons)) continue;
      // A warning that turned red is due again from today; otherwise its deadline stands.
      const dueOn =
        levelChanged && warning.level === 'red'
          ? calendar.addWorkingDays(today, warning.deadlineWorkingDays)
          : existing.due_on;
      updates.push({
        i: existing.id,
        l: warning.level,
        r: reasons,
        a: warning.actions,
        d: warning.deadlineWorkingDays,
        u: dueOn,
        g: urgent,
      });
      if (urgent && !existing.urgent) {
        urgentNow.push({
          id: existing.id,
          studentId: student.studentId,
          placementPath: student.placementPath,
          module: warning.module,
          level: warning.level,
          urgent,
          dueOn,
        });
      }
    }
  }
  const clearedIds = open.filter((row) => !kept.has(`${row.student_id}|${row.module}`)).map((row) => row.id);
  await insertWarnings(tx, input.schoolId, inserts, rules.plugin, now);
  await updateWarnings(tx, updates, rules.plugin, now);
  await clearWarnings(tx, clearedIds, term, now);
  return {
    students: students.length,
    term,
    opened,
    urgentNow,
    updated: updates.length,
    cleared: clearedIds.length,
    open: open.length - clearedIds.length + inserts.length,
  };
}

async function storeSignals(
  tx: TenantTx,
  schoolId: string,
  students: readonly StudentSignals[],
  term: string | null,
  now: Date,
): Promise<void> {
  if (students.length === 0) return;
  const payload = JSON.stringify(
    students.map((s) => {
      const { part: _part, ...values } = s.facts as unknown as Record<string, number | boolean>;
      return { s: s.studentId, v: numericValues(values) };
    }),
  );
  await tx.execute(sql`INSERT INTO student_signals AS ss (student_id, school_id, values, term, computed_at)
    SELECT i.s, ${schoolId}::uuid, i.v, ${term}, ${sqlInstant(now)}
    FROM jsonb_to_recordset(${payload}::jsonb) AS i(s uuid, v jsonb)
    ON CONFLICT (student_id) DO UPDATE SET values = excluded.values, term = excluded.term, computed_at = excluded.computed_at
    WHERE ss.values IS DISTINCT FROM excluded.values OR ss.term IS DISTINCT FROM excluded.term`);
}

async function insertWarnings(
  tx: TenantTx,
  schoolId: string,
  rows: readonly Record<string, unknown>[],
  plugin: { id: string; version: string },
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`INSERT INTO warnings
      (id, school_id, student_id, placement_path, module, level, reasons, actions, deadline_working_days, due_on,
       urgent, term, opened_at, plugin_id, plugin_version)
    SELECT i.i, ${schoolId}::uuid, i.s, i.p, i.m, i.l, i.r, ARRAY(SELECT jsonb_array_elements_text(i.a)), i.d, i.u, i.g, i.t,
           ${sqlInstant(now)}, ${plugin.id}, ${plugin.version}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS i(i uuid, s uuid, p text, m text, l text, r jsonb, a jsonb, d integer, u date, g boolean, t text)`);
}

async function updateWarnings(
  tx: TenantTx,
  rows: readonly Record<string, unknown>[],
  plugin: { id: string; version: string },
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`UPDATE warnings w SET level = i.l, reasons = i.r, actions = ARRAY(SELECT jsonb_array_elements_text(i.a)),
      deadline_working_days = i.d, due_on = i.u, urgent = i.g, plugin_id = ${plugin.id},
      plugin_version = ${plugin.version}, updated_at = ${sqlInstant(now)}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS i(i uuid, l text, r jsonb, a jsonb, d integer, u date, g boolean)
    WHERE w.id = i.i AND w.status = 'open'`);
}

async function clearWarnings(
  tx: TenantTx,
  ids: readonly string[],
  term: string | null,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`UPDATE warnings SET status = 'cleared', cleared_at = ${sqlInstant(now)}, updated_at = ${sqlInstant(now)},
      cleared_term = CASE WHEN module = 'academic' THEN ${term} END
    WHERE id = ANY (string_to_array(${ids.join(',')}, ',')::uuid[]) AND status = 'open'`);
}

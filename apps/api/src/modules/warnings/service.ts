import { chinaToday } from '@xinqiao/calendar';
import { improvementPlans } from '@xinqiao/db';
import type { CompiledPlugin, WarningModule } from '@xinqiao/policy';
import { eq } from 'drizzle-orm';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import type { Page, PageRequest } from '../../http/pagination.ts';
import { problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { studentNotFound, studentViewOf } from '../students/access.ts';
import { findStudent } from '../students/queries.ts';
import { presentPlan, presentWarning } from './present.ts';
import {
  clearedNextTermKpi,
  pageWarnings,
  plansOfStudent,
  selectWarnings,
  signalsOf,
  updateWarning,
  type WarningFilter,
  type WarningRow,
  warningCounts,
} from './queries.ts';
import { warningSettingsOf } from './settings.ts';

/** The unit paths where the caller is a counsellor: whose warnings are theirs to handle. */
export function counsellorPaths(caller: Caller): string[] {
  return caller.me.roles.filter((r) => r.role === 'counsellor').map((r) => r.unitPath);
}

async function audit(caller: Caller, action: string, entityId: string | null, row?: WarningRow) {
  await recordAccess(caller.tx, caller.me, {
    action,
    entity: 'warning',
    entityId,
    studentId: row?.studentId ?? null,
    studentPath: row?.placementPath ?? null,
    purpose: caller.purpose,
  });
}

/** Who sees which warnings: a counsellor their own units' students', an overseer every student they see (RLS). */
function visibleTo(caller: Caller, filter: Omit<WarningFilter, 'underPaths' | 'id'>): WarningFilter {
  requirePermission(caller, 'warnings.read');
  const underPaths = caller.permissions.includes('warnings.overview') ? undefined : counsellorPaths(caller);
  return { ...filter, underPaths };
}

/**
 * One page of the warnings the caller handles: a counsellor's are their own students' (the units they are
 * counsellor of); station heads and the center see every one of the students they see in full (RLS). Audited as
 * one list view with the filter and the page.
 */
export async function listWarnings(
  caller: Caller,
  query: Omit<WarningFilter, 'underPaths' | 'id'> & PageRequest,
  now: Date,
): Promise<Page<ReturnType<typeof presentWarning>>> {
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await pageWarnings(caller.tx, visibleTo(caller, filter), { page, pageSize });
  await audit(caller, 'warning.list', JSON.stringify({ ...filter, page, pageSize }));
  const today = chinaToday(now);
  return { items: rows.map((row) => presentWarning(row, today)), total, page, pageSize };
}

/** The most warnings one export holds (a school's open warnings stay far below it). */
export const EXPORT_LIMIT = 20_000;

/** Every warning the caller handles under a filter (up to {@link EXPORT_LIMIT}), for the workbook. Audited. */
export async function exportedWarnings(
  caller: Caller,
  filter: Omit<WarningFilter, 'underPaths' | 'id'>,
  now: Date,
): Promise<ReturnType<typeof presentWarning>[]> {
  const rows = await selectWarnings(caller.tx, visibleTo(caller, filter), EXPORT_LIMIT);
  await audit(caller, 'warning.export', JSON.stringify({ ...filter, rows: rows.length }));
  const today = chinaToday(now);
  return rows.map((row) => presentWarning(row, today));
}

async function warningOf(caller: Caller, id: string): Promise<WarningRow> {
  const [row] = await selectWarnings(caller.tx, { id });
  if (!row) throw problem('warnings.not-found');
  return row;
}

/** One warning with its improvement plan. Audited with the student. */
export async function readWarning(caller: Caller, id: string, now: Date) {
  requirePermission(caller, 'warnings.read');
  const row = await warningOf(caller, id);
  const [plan] = await caller.tx.select().from(improvementPlans).where(eq(improvementPlans.warningId, id));
  await audit(caller, 'warning.read', id, row);
  return { ...presentWarning(row, chinaToday(now)), plan: plan ? presentPlan(plan) : null };
}

async function openWarningOf(caller: Caller, id: string) {
  requirePermission(caller, 'warnings.handle');
  const row = await warningOf(caller, id);
  if (row.status !== 'open') throw problem('warnings.not-open');
  return row;
}

/** Closes an open warning with the counsellor's note (it stays on the student's file). */
export async function closeWarning(caller: Caller, id: string, note: string, now: Date) {
  const row = await openWarningOf(caller, id);
  await updateWarning(caller.tx, id, {
    status: 'closed',
    closedAt: now,
    closedBy: caller.me.person.id,
    closeNote: note,
  });
  await audit(caller, 'warning.close', id, row);
  return readWarning(caller, id, now);
}

/** Records the one-to-one talk of a warning (for an academic card: within its 3 working days). */
export async function recordTalk(caller: Caller, id: string, now: Date) {
  const row = await openWarningOf(caller, id);
  await updateWarning(caller.tx, id, { talkedAt: now });
  await audit(caller, 'warning.talk', id, row);
  return readWarning(caller, id, now);
}

/** Writes (or rewrites) the improvement plan of an academic warning: goals, actions, the peer or tutor, review date. */
export async function savePlan(
  caller: Caller,
  id: string,
  input: { goals: string; actions: string; matchKind: 'peer' | 'tutor'; matchName: string; reviewOn: string },
  now: Date,
) {
  const row = await openWarningOf(caller, id);
  if (row.module !== 'academic') throw problem('warnings.not-academic');
  await caller.tx
    .insert(improvementPlans)
    .values({
      schoolId: caller.me.school.id,
      studentId: row.studentId,
      warningId: id,
      createdBy: caller.me.person.id,
      ...input,
    })
    .onConflictDoUpdate({ target: improvementPlans.warningId, set: { ...input, updatedAt: now } });
  await audit(caller, 'warning.plan', id, row);
  return readWarning(caller, id, now);
}

/** The student file's part: signal values (never raw rows), every warning and plan. Audited with the student. */
export async function studentWarnings(
  caller: Caller,
  studentId: string,
  plugin: CompiledPlugin | undefined,
  now: Date,
) {
  requirePermission(caller, 'warnings.read');
  // Like the other student-file routes: another school's or college's student (hidden by RLS) and one seen only
  // in the reduced view both answer 404, before anything of theirs is read.
  const student = await findStudent(caller.tx, studentId);
  if (!student || studentViewOf(caller.scope, student.placementPath) !== 'full') throw studentNotFound();
  const rows = await selectWarnings(caller.tx, { studentId });
  const signals = await signalsOf(caller.tx, studentId);
  const plans = await plansOfStudent(caller.tx, studentId);
  const settings = plugin?.provides('early-warning')
    ? await warningSettingsOf(plugin, caller.me.school.code)
    : null;
  await recordAccess(caller.tx, caller.me, {
    action: 'warning.student',
    entity: 'student',
    entityId: studentId,
    studentId,
    purpose: caller.purpose,
  });
  const today = chinaToday(now);
  return {
    signals: signals?.values ?? {},
    signalNames: Object.fromEntries((settings?.signals ?? []).map((s) => [s.code, { zh: s.zh, en: s.en }])),
    term: signals?.term ?? null,
    computedAt: signals ? new Date(signals.computedAt).toISOString() : null,
    warnings: rows.map((row) => presentWarning(row, today)),
    plans: plans.map(presentPlan),
  };
}

/** Station and center overview: counts by module, level and college, weekly trends, the cleared-next-term KPI. */
export async function warningOverview(caller: Caller, plugin: CompiledPlugin | undefined, now: Date) {
  requirePermission(caller, 'warnings.overview');
  const since = new Date(now.getTime() - 12 * 7 * 86_400_000);
  const { byCollege, weekly } = await warningCounts(caller.tx, since);
  const kpi = await clearedNextTermKpi(caller.tx);
  const settings = plugin?.provides('early-warning')
    ? await warningSettingsOf(plugin, caller.me.school.code)
    : null;
  const byModule = new Map<
    string,
    { module: string; level: string; open: number; cleared: number; closed: number }
  >();
  for (const row of byCollege) {
    const key = `${row.module}|${row.level}`;
    const m = byModule.get(key) ?? { module: row.module, level: row.level, open: 0, cleared: 0, closed: 0 };
    m.open += row.open;
    m.cleared += row.cleared;
    m.closed += row.closed;
    byModule.set(key, m);
  }
  await audit(caller, 'warning.overview', null);
  return {
    byModule: [...byModule.values()] as {
      module: WarningModule;
      level: 'yellow' | 'red';
      open: number;
      cleared: number;
      closed: number;
    }[],
    byCollege: byCollege as ((typeof byCollege)[number] & {
      module: WarningModule;
      level: 'yellow' | 'red';
    })[],
    weekly: weekly as ((typeof weekly)[number] & { module: WarningModule })[],
    kpi: {
      target: settings?.clearedNextTermTarget ?? 0.6,
      perCollege: kpi.map((row) => ({
        ...row,
        share: row.warned > 0 ? Math.round((row.cleared / row.warned) * 1000) / 1000 : null,
      })),
    },
  };
}

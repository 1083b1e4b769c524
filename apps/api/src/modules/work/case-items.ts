import { type Caller, can, rolesGranting } from '../../auth/caller.ts';
import { caseLink } from '../cases/links.ts';
import { type CaseRow, caseRows } from '../cases/queries.ts';
import type { CaseListFilter } from '../cases/schemas.ts';
import { endOfChinaDay } from './due.ts';
import type { WorkClock, WorkItem, WorkKind } from './types.ts';

/** The most cases one provider lists (a whole school's unassigned queue stays well under it). */
const MOST = 1000;
const NEW_FOR_MS = 3 * 86_400_000;

/** The caller's cases under a filter (RLS: the students they see in full), most urgent first, uncounted. */
export function casesOf(caller: Caller, filter: CaseListFilter, clock: WorkClock): Promise<CaseRow[]> {
  return caseRows(caller.tx, filter, { page: 1, pageSize: MOST }, clock.today, caller.me.person.id);
}

/** The open cases the caller is responsible for, read once per request for the follow-up and case providers. */
const openCasesOfCaller = new WeakMap<Caller, Promise<CaseRow[]>>();

/** The open cases the caller is responsible for (follow-ups and the rest), most urgent first. */
export function myOpenCases(caller: Caller, clock: WorkClock): Promise<CaseRow[]> {
  let rows = openCasesOfCaller.get(caller);
  if (!rows) {
    rows = casesOf(caller, { responsible: 'me', open: 'true' }, clock);
    openCasesOfCaller.set(caller, rows);
  }
  return rows;
}

/** The unit paths the caller assigns within (their roles granting `cases.assign`). */
export function assigningPaths(caller: Caller): string[] {
  return rolesGranting(caller.me, 'cases.assign').map((r) => r.unitPath);
}

function titleOf(row: CaseRow): WorkItem['title'] {
  if (row.kind === 'follow_up' && row.waveName) {
    const wave = `${row.waveName}（${row.instrument ?? ''}）`;
    return { zh: `一级关注随访：${wave}`, en: `Tier-1 follow-up: ${row.waveName} (${row.instrument ?? ''})` };
  }
  return { zh: row.title, en: row.title };
}

/**
 * A case as a work item of `kind`: the student, the deadline (its due date, ending at midnight China time), the
 * self-harm flag, and the tier reasons with the plugin version for callers who read screening.
 */
export function caseItem(caller: Caller, row: CaseRow, kind: WorkKind, clock: WorkClock): WorkItem {
  const readsScreening = can(caller, 'screening.read');
  const given = row.assignedAt ?? row.createdAt;
  return {
    kind,
    id: row.id,
    title: titleOf(row),
    student: {
      id: row.studentId,
      name: row.studentName,
      studentNumber: row.studentNumber,
      className: row.className,
      collegeName: row.collegeName,
    },
    dueAt: row.dueDate ? endOfChinaDay(row.dueDate) : null,
    dueOn: row.dueDate,
    overdue: row.dueDate !== null && row.dueDate < clock.today,
    selfHarm: row.selfHarm,
    isNew: row.interviewedOn === null && clock.now.getTime() - given.getTime() < NEW_FOR_MS,
    reasons: readsScreening ? (row.reasons ?? []) : [],
    decision:
      readsScreening && row.pluginId && row.pluginVersion
        ? { pluginId: row.pluginId, pluginVersion: row.pluginVersion }
        : null,
    link: caseLink(
      caller.me.roles.map((r) => r.role),
      row.id,
    ),
  };
}

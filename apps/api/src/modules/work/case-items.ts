import { type Caller, can, rolesGranting } from '../../auth/caller.ts';
import { caseLink } from '../cases/links.ts';
import {
  type CaseRow,
  caseRows,
  type WorkCaseKind,
  workCaseRanks,
  workCasesById,
  workCaseTallies,
} from '../cases/queries.ts';
import type { CaseListFilter } from '../cases/schemas.ts';
import { endOfChinaDay } from './due.ts';
import { moduleOf, NOTHING_RANKED, tallyIn } from './slice.ts';
import type { RankedSlice, WorkClock, WorkItem, WorkKind } from './types.ts';

/** The most cases one provider lists (a whole school's unassigned queue stays well under it). */
const MOST = 1000;
const NEW_FOR_MS = 3 * 86_400_000;

/** The caller's cases under a filter (RLS: the students they see in full), most urgent first, uncounted. */
export function casesOf(caller: Caller, filter: CaseListFilter, clock: WorkClock): Promise<CaseRow[]> {
  return caseRows(caller.tx, filter, { page: 1, pageSize: MOST }, clock.today, caller.me.person.id);
}

/** The tallies of the caller's open cases, counted once per request for the follow-up and case providers. */
const talliesOfCaller = new WeakMap<Caller, ReturnType<typeof workCaseTallies>>();

/**
 * One work kind of the caller's open cases as My work's ranked slice: where the `first` most urgent sort, the
 * tally of all of them (both in SQL: a counsellor can hold hundreds of follow-ups after a screening wave), and the
 * cases in full for those the page shows.
 */
export async function myCaseRanks(
  caller: Caller,
  clock: WorkClock,
  kind: WorkCaseKind,
  first: number,
): Promise<RankedSlice> {
  if (!can(caller, 'cases.read')) return NOTHING_RANKED;
  const me = caller.me.person.id;
  let tallies = talliesOfCaller.get(caller);
  if (!tallies) {
    tallies = workCaseTallies(caller.tx, clock.today, me);
    talliesOfCaller.set(caller, tallies);
  }
  const [ranks, tally] = await Promise.all([workCaseRanks(caller.tx, kind, first, me), tallies]);
  const link = caseLink(
    caller.me.roles.map((r) => r.role),
    '',
  );
  return {
    ranks: ranks.map((rank) => ({
      kind,
      id: rank.id,
      selfHarm: rank.selfHarm,
      ...deadlineOf(rank.dueDate, clock),
    })),
    modules: tallyIn(moduleOf(link), tally[kind]),
    items: async (ids) =>
      (await workCasesById(caller.tx, kind, ids, me)).map((row) => caseItem(caller, row, kind, clock)),
  };
}

/** A due date as My work sorts and shows it: the instant it runs out (midnight China time) and whether it has. */
function deadlineOf(dueDate: string | null, clock: WorkClock): Pick<WorkItem, 'dueAt' | 'overdue'> {
  return {
    dueAt: dueDate ? endOfChinaDay(dueDate) : null,
    overdue: dueDate !== null && dueDate < clock.today,
  };
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
    ...deadlineOf(row.dueDate, clock),
    dueOn: row.dueDate,
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

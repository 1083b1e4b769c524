import { toChinaDate } from '@xinqiao/calendar';
import { type Caller, can, rolesGranting } from '../../auth/caller.ts';
import type { WorkClock, WorkItem, WorkProvider } from '../work/types.ts';
import { concernLink } from './notify.ts';
import { type ConcernRow, concernsToTriage } from './queries.ts';

const NEW_FOR_MS = 3 * 86_400_000;

/** A report as a work item: its urgency, the self-harm flag, its deadline, where it is triaged. */
function concernItem(caller: Caller, row: ConcernRow, clock: WorkClock): WorkItem {
  const student = row.student!;
  return {
    kind: 'concern_report',
    id: row.id,
    title: {
      zh: `关注报告（${row.urgency === 'urgent' ? '紧急' : '一般'}）${row.assigneeId ? '' : '：未分配'}`,
      en: `Concern report (${row.urgency})${row.assigneeId ? '' : ': unassigned'}`,
    },
    student: {
      id: row.studentId,
      name: student.name,
      studentNumber: student.studentNumber,
      className: student.className,
      collegeName: student.collegeName,
    },
    dueAt: row.dueAt,
    dueOn: toChinaDate(row.dueAt),
    overdue: row.dueAt.getTime() < clock.now.getTime(),
    selfHarm: row.selfHarm,
    isNew: clock.now.getTime() - row.createdAt.getTime() < NEW_FOR_MS,
    // The provider has no plugin to put sign codes in words: the report's page shows them.
    reasons: [],
    decision: { pluginId: row.pluginId, pluginVersion: row.pluginVersion },
    link: concernLink(
      caller.me.roles.map((r) => r.role),
      row.id,
    ),
  };
}

/**
 * Concern reports to triage: those given to the caller, and, for station heads and the center (who assign within
 * their college or school), the ones there that nobody has or whose deadline passed. Self-harm ones first.
 */
export const concernReportsToTriage: WorkProvider = {
  kind: 'concern_report',
  async items(caller, clock) {
    if (!can(caller, 'concerns.triage')) return [];
    const watching = rolesGranting(caller.me, 'cases.assign').map((r) => r.unitPath);
    const rows = await concernsToTriage(caller.tx, caller.me.person.id, watching, clock.now);
    return rows.filter((row) => row.student !== null).map((row) => concernItem(caller, row, clock));
  },
};

import { addCalendarDays } from '@xinqiao/calendar';
import { type Caller, can } from '../../auth/caller.ts';
import type { WorkClock, WorkItem, WorkProvider } from '../work/types.ts';
import { crisisLink } from './notify.ts';
import { isNamed } from './policy.ts';
import { openSteps, pendingReviews } from './queries.ts';

const NEW_FOR_MS = 3 * 86_400_000;

type StepRow = Awaited<ReturnType<typeof openSteps>>[number];
type ReviewRow = Awaited<ReturnType<typeof pendingReviews>>[number];

const studentOf = (row: StepRow | ReviewRow) => ({
  id: row.studentId,
  name: row.studentName,
  studentNumber: row.studentNumber,
  className: row.className,
  collegeName: row.collegeName,
});

function stepItem(row: StepRow, escalated: boolean, clock: WorkClock): WorkItem {
  return {
    kind: 'crisis_step',
    id: row.id,
    title: {
      zh: `危机处置：${row.titleZh}${escalated ? '（已超时上报）' : ''}`,
      en: `Crisis: ${row.titleEn}${escalated ? ' (late, escalated to you)' : ''}`,
    },
    student: studentOf(row),
    dueAt: row.dueAt,
    dueOn: null,
    overdue: row.dueAt.getTime() < clock.now.getTime(),
    // A crisis is worked on before everything else, like a self-harm finding.
    selfHarm: true,
    isNew: !escalated && row.dueAt.getTime() >= clock.now.getTime(),
    reasons: [],
    decision: { pluginId: row.pluginId, pluginVersion: row.pluginVersion },
    link: crisisLink(row.crisisId),
  };
}

/**
 * Steps of open crises for the caller: the ones the protocol names them for (due or late), and, once the sweep
 * escalated a late step, the ones it escalates to them. RLS shows only the crises the caller runs.
 */
export const crisisSteps: WorkProvider = {
  kind: 'crisis_step',
  async items(caller: Caller, clock) {
    if (!can(caller, 'crises.run')) return [];
    const rows = await openSteps(caller.tx);
    const items: WorkItem[] = [];
    for (const row of rows) {
      if (isNamed(caller.me, row.doers, row.placementPath)) items.push(stepItem(row, false, clock));
      else if (row.escalatedAt && isNamed(caller.me, row.escalateTo, row.placementPath)) {
        items.push(stepItem(row, true, clock));
      }
    }
    return items;
  },
};

/** Review meetings of closed crises not yet held (the center: `crises.review`), overdue after their day. */
export const crisisReviewsDue: WorkProvider = {
  kind: 'crisis_review',
  async items(caller: Caller, clock) {
    if (!can(caller, 'crises.review')) return [];
    const rows = await pendingReviews(caller.tx);
    return rows.map((row) => ({
      kind: 'crisis_review',
      id: row.id,
      title: { zh: '危机事件复盘会（形成书面案例报告）', en: 'Crisis review meeting (written case report)' },
      student: studentOf(row),
      dueAt: new Date(`${addCalendarDays(row.dueOn, 1)}T00:00:00+08:00`),
      dueOn: row.dueOn,
      overdue: row.dueOn < clock.today,
      selfHarm: false,
      isNew: clock.now.getTime() - row.createdAt.getTime() < NEW_FOR_MS,
      reasons: [],
      decision: { pluginId: row.pluginId, pluginVersion: row.pluginVersion },
      link: crisisLink(row.crisisId),
    }));
  },
};

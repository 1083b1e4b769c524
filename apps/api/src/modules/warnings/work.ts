import { can } from '../../auth/caller.ts';
import { moduleOf, NOTHING_RANKED, tallyIn } from '../work/slice.ts';
import type { WorkItem, WorkProvider } from '../work/types.ts';
import { WARNINGS_LINK } from './job.ts';
import { MODULE_NAMES } from './present.ts';
import { type WarningToHandle, warningRanksToHandle, warningsToHandleById } from './queries.ts';
import { counsellorPaths } from './service.ts';

const NEW_FOR_MS = 3 * 86_400_000;

/** A warning's due day as My work sorts and shows it: the last second of that day in China, and whether it passed. */
const deadlineOf = (dueOn: string, today: string): Pick<WorkItem, 'dueAt' | 'overdue'> => ({
  dueAt: new Date(`${dueOn}T23:59:59+08:00`),
  overdue: dueOn < today,
});

function itemOf(row: WarningToHandle, now: Date, today: string): WorkItem {
  const name = MODULE_NAMES[row.module as keyof typeof MODULE_NAMES] ?? { zh: row.module, en: row.module };
  const level = row.level === 'red' ? { zh: '红色', en: 'red' } : { zh: '黄色', en: 'yellow' };
  return {
    kind: 'warning',
    id: row.id,
    title: { zh: `${name.zh}（${level.zh}）`, en: `${name.en} warning (${level.en})` },
    student: {
      id: row.studentId,
      name: row.studentName,
      studentNumber: row.studentNumber,
      className: row.className,
      collegeName: row.collegeName,
    },
    ...deadlineOf(row.dueOn, today),
    dueOn: row.dueOn,
    // Lost contact past the school's limit is due today (the rule's 0 working days), so it sorts first by its date.
    selfHarm: false,
    isNew: now.getTime() - row.openedAt.getTime() < NEW_FOR_MS,
    reasons: row.reasons.map((r) => ({
      ruleName: r.ruleName,
      zh: `${r.zh}${valuesText(r.values, 'zh')}`,
      en: `${r.en}${valuesText(r.values, 'en')}`,
    })),
    decision: { pluginId: row.pluginId, pluginVersion: row.pluginVersion },
    link: `${WARNINGS_LINK}?warning=${row.id}`,
  };
}

const SIGNAL_NAMES: Record<string, { zh: string; en: string }> = {
  gpa: { zh: '绩点', en: 'GPA' },
  gpaChange: { zh: '绩点变化', en: 'GPA change' },
  failedCoursesThisTerm: { zh: '本学期不及格', en: 'failed this term' },
  failedCoursesTotal: { zh: '累计未通过', en: 'failed in total' },
  spendingChangePercent: { zh: '消费变化%', en: 'spending change %' },
  dailySpending: { zh: '日均消费（元）', en: 'yuan a day' },
  daysWithoutCampusActivity: { zh: '无活动天数', en: 'days without activity' },
  attentionTier: { zh: '筛查等级', en: 'screening tier' },
  crisisReported: { zh: '网格员报告危机迹象', en: 'crisis signs reported' },
};
/** Yes/no signals: named without their value (1). */
const FLAGS = new Set(['crisisReported']);

/** The values that tripped a rule, named in the reader's language: "（无活动天数 5）". */
const valuesText = (values: Record<string, number>, lang: 'zh' | 'en') => {
  const parts = Object.entries(values).map(([k, v]) =>
    FLAGS.has(k) ? (SIGNAL_NAMES[k]?.[lang] ?? k) : `${SIGNAL_NAMES[k]?.[lang] ?? k} ${v}`,
  );
  if (parts.length === 0) return '';
  return lang === 'zh' ? `（${parts.join('，')}）` : ` (${parts.join(', ')})`;
};

/**
 * Open warnings of the caller's own students (the units they are counsellor of), with the reasons and the values
 * that tripped them, due by the plugin's working days; a talk already recorded takes it off the list. Counted and
 * cut in SQL: a counsellor can have hundreds after a screening wave.
 */
export const warningItems: WorkProvider = {
  kind: 'warning',
  async ranked(caller, clock, first) {
    if (!can(caller, 'warnings.handle')) return NOTHING_RANKED;
    const paths = counsellorPaths(caller);
    if (paths.length === 0) return NOTHING_RANKED;
    const { now, today } = clock;
    const { ranks, count, overdue } = await warningRanksToHandle(caller.tx, paths, first, today);
    return {
      ranks: ranks.map((rank) => ({
        kind: 'warning',
        id: rank.id,
        selfHarm: false,
        ...deadlineOf(rank.dueOn, today),
      })),
      modules: tallyIn(moduleOf(WARNINGS_LINK), { count, overdue, selfHarm: 0 }),
      items: async (ids) =>
        (await warningsToHandleById(caller.tx, paths, ids)).map((row) => itemOf(row, now, today)),
    };
  },
};

import { can } from '../../auth/caller.ts';
import { moduleOf, sliceIn } from '../work/slice.ts';
import type { WorkItem, WorkProvider } from '../work/types.ts';
import { WARNINGS_LINK } from './job.ts';
import { MODULE_NAMES } from './present.ts';
import { type WarningRow, warningsToHandle } from './queries.ts';
import { counsellorPaths } from './service.ts';

const NEW_FOR_MS = 3 * 86_400_000;

function itemOf(row: WarningRow, now: Date, today: string): WorkItem {
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
    dueAt: new Date(`${row.dueOn}T23:59:59+08:00`),
    dueOn: row.dueOn,
    overdue: row.dueOn < today,
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
  async slice(caller, clock, first) {
    if (!can(caller, 'warnings.handle')) return { items: [], modules: [] };
    const paths = counsellorPaths(caller);
    if (paths.length === 0) return { items: [], modules: [] };
    const { today } = clock;
    const { rows, count, overdue } = await warningsToHandle(caller.tx, paths, first, today);
    return sliceIn(
      moduleOf(WARNINGS_LINK),
      rows.map((row) => itemOf(row, clock.now, today)),
      { count, overdue, selfHarm: 0 },
    );
  },
};

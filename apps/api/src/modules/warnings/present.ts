import type { improvementPlans } from '@xinqiao/db';
import type { WarningAction, WarningModule } from '@xinqiao/policy';
import type { WarningRow } from './queries.ts';

/** The four modules of seed 003 work plan 2, in both languages. */
export const MODULE_NAMES: Record<WarningModule, { zh: string; en: string }> = {
  academic: { zh: '学业困难预警', en: 'Academic difficulty' },
  'psychological-crisis': { zh: '心理危机预警', en: 'Psychological crisis' },
  spending: { zh: '异常消费预警', en: 'Abnormal spending' },
  'lost-contact': { zh: '失联风险预警', en: 'Lost contact' },
};

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** A warning as the API answers it: its student, reasons with the values behind them, deadline and state. */
export function presentWarning(row: WarningRow, today: string) {
  return {
    id: row.id,
    student: {
      id: row.studentId,
      name: row.studentName,
      studentNumber: row.studentNumber,
      className: row.className,
      collegeId: row.collegeId,
      collegeName: row.collegeName,
    },
    module: row.module as WarningModule,
    moduleName: MODULE_NAMES[row.module as WarningModule] ?? { zh: row.module, en: row.module },
    level: row.level,
    status: row.status,
    reasons: row.reasons,
    actions: row.actions as WarningAction[],
    deadlineWorkingDays: row.deadlineWorkingDays,
    dueOn: row.dueOn,
    overdue: row.status === 'open' && row.dueOn < today && !row.talkedAt,
    urgent: row.urgent,
    term: row.term,
    clearedTerm: row.clearedTerm,
    openedAt: row.openedAt.toISOString(),
    clearedAt: iso(row.clearedAt),
    closedAt: iso(row.closedAt),
    closeNote: row.closeNote,
    talkedAt: iso(row.talkedAt),
    crisisId: row.crisisId,
    hasPlan: row.hasPlan,
    plugin: { id: row.pluginId, version: row.pluginVersion },
  };
}

/** A written improvement plan (《学业提升计划书》). */
export function presentPlan(row: typeof improvementPlans.$inferSelect) {
  return {
    id: row.id,
    warningId: row.warningId,
    goals: row.goals,
    actions: row.actions,
    matchKind: row.matchKind,
    matchName: row.matchName,
    reviewOn: row.reviewOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import type { z } from '@hono/zod-openapi';
import type { CaseEntryRow, CaseRow } from './queries.ts';
import type { CaseEntrySchema, CaseSchema } from './schemas.ts';

type Case = z.infer<typeof CaseSchema>;
type CaseEntry = z.infer<typeof CaseEntrySchema>;

const person = (id: string | null, displayName: string | null) =>
  id && displayName !== null ? { id, displayName } : null;

/** Whether a case is past its due date on `today` (China date) and not closed. */
export function isOverdue(row: Pick<CaseRow, 'dueDate' | 'status'>, today: string): boolean {
  return row.status !== 'closed' && row.dueDate !== null && row.dueDate < today;
}

/** The screening decision that opened a follow-up, when there is one and the caller reads screening. */
function screeningOf(row: CaseRow, readsScreening: boolean): Case['screening'] {
  if (!readsScreening || !row.screeningResultId || row.tier === null || !row.waveId) return null;
  return {
    resultId: row.screeningResultId,
    tier: row.tier,
    reasons: row.reasons ?? [],
    pluginId: row.pluginId ?? '',
    pluginVersion: row.pluginVersion ?? '',
    wave: { id: row.waveId, name: row.waveName ?? '', instrument: row.instrument ?? '' },
  };
}

/**
 * A case as the API answers it; the screening decision behind a follow-up only for callers who read screening
 * (`screening.read`: a head teacher sees the case, not the tier).
 */
export function presentCase(row: CaseRow, today: string, readsScreening: boolean): Case {
  return {
    id: row.id,
    student: {
      id: row.studentId,
      studentNumber: row.studentNumber,
      name: row.studentName,
      collegeId: row.collegeId,
      collegeName: row.collegeName,
      classId: row.classId,
      className: row.className,
    },
    kind: row.kind,
    status: row.status,
    title: row.title,
    responsiblePerson: person(row.responsiblePersonId, row.responsibleName),
    dueDate: row.dueDate,
    overdue: isOverdue(row, today),
    selfHarm: row.selfHarm,
    assignedAt: row.assignedAt?.toISOString() ?? null,
    assignedBy: person(row.assignedBy, row.assignerName),
    interviewedOn: row.interviewedOn,
    screening: screeningOf(row, readsScreening),
    openedBy: person(row.openedBy, row.openerName),
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A timeline entry as the API answers it. */
export function presentCaseEntry(row: CaseEntryRow): CaseEntry {
  return {
    id: row.id,
    kind: row.kind as CaseEntry['kind'],
    body: row.body,
    author: person(row.authorId, row.authorName),
    occurredAt: row.occurredAt?.toISOString() ?? null,
    method: row.method,
    outcome: row.outcome,
    riskLevel: row.riskLevel as CaseEntry['riskLevel'],
    nextStep: row.nextStep,
    nextStepOn: row.nextStepOn,
    createdAt: row.createdAt.toISOString(),
  };
}

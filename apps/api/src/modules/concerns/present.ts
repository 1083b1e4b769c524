import type { z } from '@hono/zod-openapi';
import type { ConcernSign } from '@xinqiao/policy';
import { signsOf } from './policy.ts';
import type { ConcernRow } from './queries.ts';
import type { ConcernReportSchema, FiledConcernSchema } from './schemas.ts';

export type FiledConcern = z.infer<typeof FiledConcernSchema>;
export type ConcernReport = z.infer<typeof ConcernReportSchema>;

/**
 * A report as its reporter sees it: what they wrote and its status, nothing the triage added (who handles it, the
 * case, the outcome beyond "being handled", the reason it was closed: a counsellor's reason can name a diagnosis).
 */
export function presentFiled(row: ConcernRow, checklist: readonly ConcernSign[]): FiledConcern {
  return {
    view: 'filed',
    id: row.id,
    student: row.student
      ? { id: row.studentId, name: row.student.name, studentNumber: row.student.studentNumber }
      : null,
    signs: signsOf(row.signs, checklist),
    note: row.note,
    urgency: row.urgency,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    statusSince: (row.triagedAt ?? row.createdAt).toISOString(),
  };
}

const person = (id: string | null, displayName: string | null) =>
  id && displayName !== null ? { id, displayName } : null;

/** A report as the person who triages it sees it (the student in full view only: the route checked it). */
export function presentForTriage(
  row: ConcernRow,
  checklist: readonly ConcernSign[],
  now: Date,
): ConcernReport {
  const student = row.student!;
  return {
    view: 'triage',
    id: row.id,
    student: {
      id: row.studentId,
      name: student.name,
      studentNumber: student.studentNumber,
      className: student.className,
      collegeName: student.collegeName,
    },
    reporter: { id: row.reporterId, displayName: row.reporterName, roles: row.reporterRoles },
    signs: signsOf(row.signs, checklist),
    note: row.note,
    urgency: row.urgency,
    selfHarm: row.selfHarm,
    status: row.status,
    outcome: row.outcome,
    assignee: person(row.assigneeId, row.assigneeName),
    dueAt: row.dueAt.toISOString(),
    overdue: row.status === 'received' && row.dueAt.getTime() < now.getTime(),
    caseId: row.caseId,
    closeReason: row.closeReason,
    triagedBy: person(row.triagedBy, row.triagerName),
    triagedAt: row.triagedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    plugin: { id: row.pluginId, version: row.pluginVersion },
  };
}

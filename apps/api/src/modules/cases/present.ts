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

/** A case as the API answers it. */
export function presentCase(row: CaseRow, today: string): Case {
  return {
    id: row.id,
    student: { id: row.studentId, studentNumber: row.studentNumber, name: row.studentName },
    kind: row.kind,
    status: row.status,
    title: row.title,
    responsiblePerson: person(row.responsiblePersonId, row.responsibleName),
    dueDate: row.dueDate,
    overdue: isOverdue(row, today),
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
    createdAt: row.createdAt.toISOString(),
  };
}

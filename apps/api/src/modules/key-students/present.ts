import type { z } from '@hono/zod-openapi';
import type { KeyStudentSchema } from './schemas.ts';
import type { KeyStudentEntry } from './service.ts';

/** A roster entry as the API answers it. */
export function presentKeyStudent(row: KeyStudentEntry): z.infer<typeof KeyStudentSchema> {
  return {
    id: row.id,
    student: {
      id: row.studentId,
      name: row.studentName,
      studentNumber: row.studentNumber,
      collegeId: row.collegeId,
      collegeName: row.collegeName,
      className: row.className,
    },
    source: row.source,
    reason: row.reason,
    counsellor:
      row.counsellorId && row.counsellorName
        ? { id: row.counsellorId, displayName: row.counsellorName }
        : null,
    since: row.since.toISOString(),
    lastTalkAt: row.lastTalkAt?.toISOString() ?? null,
    caseId: row.caseId,
    talkDueAt: row.talkDueAt.toISOString(),
    overdue: row.overdue,
    intervalDays: row.intervalDays,
    removal:
      row.removalRequestedAt && row.removalRequestedBy
        ? {
            reason: row.removalReason ?? '',
            requestedBy: { id: row.removalRequestedBy, displayName: row.requesterName ?? '' },
            requestedAt: row.removalRequestedAt.toISOString(),
          }
        : null,
  };
}

import { z } from '@hono/zod-openapi';
import { PageQuery, pageOf } from '../../http/pagination.ts';

export const AuditVerifySchema = z
  .object({
    intact: z.boolean(),
    rows: z.number().int().openapi({ description: "Rows in the school's audit chain" }),
    firstBrokenRow: z
      .object({
        id: z.number().int(),
        seq: z.number().int(),
        reason: z.string().openapi({ example: 'row content does not match its hash' }),
      })
      .optional()
      .openapi({ description: 'Present when the chain is broken: the first row that does not verify' }),
  })
  .openapi('AuditVerification');

/** One access to a student: who, in which role on which unit, did what, why and when. */
export const StudentAccessSchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int(),
    at: z.string(),
    action: z.string().openapi({ example: 'student_file.read' }),
    entity: z.string(),
    entityId: z.string().nullable(),
    purpose: z.string(),
    actor: z
      .object({ personId: z.uuid(), username: z.string(), displayName: z.string() })
      .nullable()
      .openapi({ description: 'null for platform actions (demo seeding, migrations)' }),
    role: z.string().nullable(),
    unit: z.object({ id: z.uuid(), name: z.string(), levelKey: z.string() }).nullable(),
  })
  .openapi('StudentAccess');

export type StudentAccessView = z.infer<typeof StudentAccessSchema>;

export const StudentAccessPageSchema = pageOf(StudentAccessSchema, 'StudentAccessPage');

export const StudentAuditParams = z.object({
  studentId: z.uuid().openapi({ param: { name: 'studentId', in: 'path' } }),
});

export const StudentAuditQuery = PageQuery;

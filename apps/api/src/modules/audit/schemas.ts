import { z } from '@hono/zod-openapi';
import { PageQuery, pageOf } from '../../http/pagination.ts';

const ChainPosition = z.object({ seq: z.number().int(), hash: z.string() });

export const AuditVerifySchema = z
  .object({
    intact: z.boolean(),
    rows: z.number().int().openapi({ description: "Rows in the school's audit chain" }),
    head: ChainPosition.nullable().openapi({ description: "The chain's newest row (null when empty)" }),
    anchor: z
      .object({
        source: z.enum(['server', 'checkpoint', 'export']),
        seq: z.number().int(),
        hash: z.string(),
        at: z.string(),
      })
      .nullable()
      .openapi({
        description:
          'The furthest position anchored outside the rows: the newest head this server committed (kept in memory and in its anchor file) or the newest signed checkpoint',
      }),
    checkpoints: z.number().int().openapi({ description: 'Signed checkpoints stored for the school' }),
    firstBrokenRow: z
      .object({
        id: z.number().int(),
        seq: z.number().int(),
        reason: z.string().openapi({ example: 'row content does not match its hash' }),
      })
      .optional()
      .openapi({ description: 'Present when the chain is broken: the first row that does not verify' }),
    tamper: z
      .object({
        kind: z.enum(['tail-deleted', 'rewritten', 'checkpoint-forged']),
        seq: z.number().int().openapi({ description: 'The anchored position the chain fails' }),
        missingRows: z.number().int().optional(),
        reason: z.string(),
      })
      .optional()
      .openapi({
        description:
          "Present when the rows agree with each other but not with an anchor: the newest rows were deleted, or rows were re-hashed with the database's own function",
      }),
  })
  .openapi('AuditVerification');

export const AuditCheckpointExportSchema = z
  .object({
    schoolId: z.uuid(),
    algorithm: z.literal('ed25519'),
    keyId: z.string(),
    publicKeyPem: z.string(),
    message: z.string().openapi({ description: 'What each signature covers and how to check it' }),
    checkpoints: z.array(
      z.object({
        seq: z.number().int(),
        hash: z.string(),
        at: z.string(),
        keyId: z.string(),
        signature: z.string(),
      }),
    ),
  })
  .openapi('AuditCheckpointExport');

export type AuditCheckpointExportView = z.infer<typeof AuditCheckpointExportSchema>;

/** A director's exported checkpoints, sent back to be checked against the chain as it is now. */
export const AuditCheckpointCheckSchema = z
  .object({
    schoolId: z.uuid(),
    checkpoints: z
      .array(
        z.object({
          seq: z.number().int().min(1),
          hash: z.string().max(200),
          at: z.iso.datetime(),
          keyId: z.string().max(100),
          signature: z.string().max(200),
        }),
      )
      .max(100_000),
  })
  .openapi('AuditCheckpointCheck');

export const AuditExportVerifySchema = AuditVerifySchema.extend({
  exported: z.object({
    checked: z
      .number()
      .int()
      .openapi({ description: "Checkpoints signed by this server's key, all checked" }),
    otherKey: z.number().int().openapi({ description: 'Checkpoints signed by another key, not used' }),
  }),
}).openapi('AuditExportVerification');

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

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .openapi({ example: '2026-12-01', description: 'A day in China time (UTC+8)' });

/** The audit log's filters: who acted, which action, which days. */
export const AuditLogFilterQuery = z
  .object({
    actor: z.uuid().optional().openapi({ description: 'Only what this person did' }),
    action: z.string().max(80).optional().openapi({ example: 'student_file.read' }),
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

export const AuditLogQuery = PageQuery.extend(AuditLogFilterQuery.shape).refine(
  (q) => !q.from || !q.to || q.from <= q.to,
  { message: 'must not be before from', path: ['to'] },
);

/** One row of the school's audit log, with what its action means in both languages. */
export const AuditLogEntrySchema = StudentAccessSchema.extend({
  studentId: z.uuid().nullable(),
  actionLabel: z.object({ zh: z.string(), en: z.string() }),
}).openapi('AuditLogEntry');

export type AuditLogEntryView = z.infer<typeof AuditLogEntrySchema>;

export const AuditLogPageSchema = pageOf(AuditLogEntrySchema, 'AuditLogPage').extend({
  actions: z
    .array(z.object({ action: z.string(), label: z.object({ zh: z.string(), en: z.string() }) }))
    .openapi({ description: 'Every action recorded in the school, for the action filter' }),
});

import { z } from '@hono/zod-openapi';
import { keyStudentSources } from '@xinqiao/db';
import { PageQuery } from '../../http/pagination.ts';

const Reason = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .openapi({ description: 'Why, in the counsellor’s words (required)' });

export const KeyStudentSource = z.enum(keyStudentSources).openapi('KeyStudentSource', {
  description:
    'tier1 (a screening follow-up) or case (an open case): put there by the work; manual: added with a reason',
});

export const NewKeyStudentBody = z.object({ studentId: z.uuid(), reason: Reason }).openapi('NewKeyStudent');
export type NewKeyStudentInput = z.infer<typeof NewKeyStudentBody>;

export const RemovalBody = z.object({ reason: Reason }).openapi('KeyStudentRemoval');

export const KeyStudentParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const KeyStudentListQuery = PageQuery.extend({
  counsellor: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .openapi({ description: '`me`, or a person id: the students this counsellor is responsible for' }),
  collegeId: z.uuid().optional(),
  source: KeyStudentSource.optional().openapi({ description: 'Only the entries put there this way' }),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: only those whose talk is overdue; false: only those not overdue' }),
  removalRequested: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: only the removals waiting for the station head’s approval' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .openapi({ description: 'A part of the student’s name or student number' }),
});
export type KeyStudentFilter = Omit<z.infer<typeof KeyStudentListQuery>, 'page' | 'pageSize'>;

const Person = z.object({ id: z.uuid(), displayName: z.string() });

export const KeyStudentSchema = z
  .object({
    id: z
      .uuid()
      .nullable()
      .openapi({ description: 'The roster row; null for one the work put there (an open case)' }),
    student: z.object({
      id: z.uuid(),
      name: z.string(),
      studentNumber: z.string(),
      collegeId: z.uuid(),
      collegeName: z.string(),
      className: z.string(),
    }),
    source: KeyStudentSource,
    reason: z.string(),
    counsellor: Person.nullable(),
    since: z.iso.datetime(),
    lastTalkAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'The latest interview about the student' }),
    caseId: z.uuid().nullable().openapi({
      description: 'The student’s earliest open case, where the talk is recorded (null: open one first)',
    }),
    talkDueAt: z.iso.datetime(),
    overdue: z.boolean(),
    intervalDays: z.number().int(),
    removal: z
      .object({ reason: z.string(), requestedBy: Person, requestedAt: z.iso.datetime() })
      .nullable()
      .openapi({ description: 'A removal waiting for the station head’s approval' }),
  })
  .openapi('KeyStudent');

export const KeyStudentPolicySchema = z
  .object({
    talkIntervalDays: z
      .number()
      .int()
      .openapi({ description: 'A talk is due this many days after the last one' }),
    stationHeadApproves: z
      .boolean()
      .openapi({ description: 'true: a removal waits for the station head; false: it takes effect at once' }),
  })
  .openapi('KeyStudentPolicy', { description: "The school's plugin, area key-students" });

export const KeyStudentPageSchema = z
  .object({
    items: z.array(KeyStudentSchema),
    total: z.number().int().openapi({ description: 'Items across all pages' }),
    page: z.number().int(),
    pageSize: z.number().int(),
    policy: KeyStudentPolicySchema,
  })
  .openapi('KeyStudentPage');

export const RemovalAnswerSchema = z
  .object({
    id: z.uuid(),
    removed: z.boolean().openapi({
      description: 'true: taken off at once (the plugin needs no approval); false: waits for approval',
    }),
  })
  .openapi('KeyStudentRemovalAnswer');

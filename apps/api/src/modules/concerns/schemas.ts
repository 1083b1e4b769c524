import { z } from '@hono/zod-openapi';
import { concernOutcomes, concernStatuses, concernUrgencies } from '@xinqiao/db';
import { PageQuery, pageOf } from '../../http/pagination.ts';

const Person = z.object({ id: z.uuid(), displayName: z.string() });
const IsoDate = z.iso.date().openapi({ example: '2025-04-01' });

export const ConcernUrgency = z.enum(concernUrgencies).openapi('ConcernUrgency');
export const ConcernStatus = z
  .enum(concernStatuses)
  .openapi('ConcernStatus', { description: 'received (not yet triaged), handling (a case took it), closed' });

export const NewConcernBody = z
  .object({
    studentId: z.uuid(),
    signs: z
      .array(z.string().min(1).max(64))
      .max(30)
      .default([])
      .openapi({
        description: "Codes of the school plugin's concern-signs checklist",
        example: ['withdrawn'],
      }),
    note: z
      .string()
      .trim()
      .max(2000)
      .default('')
      .openapi({ description: 'What the reporter saw, in their words' }),
    urgency: ConcernUrgency.default('routine'),
  })
  .openapi('NewConcern');
export type NewConcernInput = z.infer<typeof NewConcernBody>;

/** How a report is triaged: a new case from it, into an open case of the student, or closed with a reason. */
export const triageActions = ['open_case', 'add_to_case', 'close'] as const;
export type TriageAction = (typeof triageActions)[number];

export const TriageBody = z
  .object({
    action: z.enum(triageActions),
    caseId: z.uuid().optional().openapi({ description: 'add_to_case: an open case of the same student' }),
    reason: z.string().trim().max(2000).optional().openapi({ description: 'close: why (required)' }),
    caseKind: z
      .enum(['follow_up', 'support'])
      .default('follow_up')
      .openapi({ description: 'open_case: the kind of the new case' }),
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'open_case: defaults to the signs' }),
    dueDate: IsoDate.optional().openapi({ description: 'open_case: when the first talk is due (required)' }),
  })
  .openapi('ConcernTriage');
export type TriageInput = z.infer<typeof TriageBody>;

export const ConcernParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const ConcernListQuery = PageQuery.extend({
  view: z
    .enum(['triage', 'filed'])
    .optional()
    .openapi({
      description:
        'triage: the reports about the students you see in full (the default for those who triage); filed: the ' +
        'reports you filed, status only (the default for everyone else)',
    }),
  status: ConcernStatus.optional(),
  urgency: ConcernUrgency.optional(),
  collegeId: z
    .uuid()
    .optional()
    .openapi({ description: 'triage view: reports about students of this college' }),
  assignee: z
    .enum(['me', 'none', 'any'])
    .default('any')
    .openapi({ description: 'triage view: reports assigned to you, to nobody, or any' }),
});
export type ConcernListFilter = Omit<z.infer<typeof ConcernListQuery>, 'page' | 'pageSize' | 'view'>;

export const SignSchema = z
  .object({ code: z.string(), zh: z.string(), en: z.string(), selfHarm: z.boolean() })
  .openapi('ConcernSign');

/**
 * What a reporter sees of a report they filed: what they themselves wrote and its status. Nothing the triage
 * added: not who handles it, nor the case, nor the reason it was closed (a counsellor's reason can be sensitive).
 */
export const FiledConcernSchema = z
  .object({
    view: z.literal('filed'),
    id: z.uuid(),
    student: z
      .object({ id: z.uuid(), name: z.string(), studentNumber: z.string() })
      .nullable()
      .openapi({ description: 'Null when the student is no longer in your view' }),
    signs: z.array(SignSchema),
    note: z.string(),
    urgency: ConcernUrgency,
    status: ConcernStatus,
    createdAt: z.iso.datetime(),
    statusSince: z.iso.datetime().openapi({ description: 'When the status last changed' }),
  })
  .openapi('FiledConcern');

/** A report as the person who triages it sees it. */
export const ConcernReportSchema = z
  .object({
    view: z.literal('triage'),
    id: z.uuid(),
    student: z.object({
      id: z.uuid(),
      name: z.string(),
      studentNumber: z.string(),
      className: z.string(),
      collegeName: z.string(),
    }),
    reporter: Person.extend({ roles: z.array(z.string()) }),
    signs: z.array(SignSchema),
    note: z.string(),
    urgency: ConcernUrgency,
    selfHarm: z.boolean(),
    status: ConcernStatus,
    outcome: z.enum(concernOutcomes).nullable(),
    assignee: Person.nullable(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean().openapi({ description: 'Not triaged and past its deadline' }),
    caseId: z.uuid().nullable(),
    closeReason: z.string().nullable(),
    triagedBy: Person.nullable(),
    triagedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    plugin: z.object({ id: z.string(), version: z.string() }),
  })
  .openapi('ConcernReport');

export const ConcernItemSchema = z
  .discriminatedUnion('view', [ConcernReportSchema, FiledConcernSchema])
  .openapi('ConcernItem');
export const ConcernPageSchema = pageOf(ConcernItemSchema, 'ConcernPage');

import { z } from '@hono/zod-openapi';
import { caseKinds, caseStatuses, interviewMethods } from '@xinqiao/db';
import { orNull } from '../../http/or-null.ts';
import { PageQuery, pageOf } from '../../http/pagination.ts';
import { schemaMessage } from '../../http/zod-issues.ts';

const Person = z.object({ id: z.uuid(), displayName: z.string() });
const IsoDate = z.iso.date().openapi({ example: '2025-04-01' });

export const CaseKind = z.enum(caseKinds);
export const CaseStatus = z.enum(caseStatuses);

/** The kinds of entry a person writes in a case; the API itself writes status changes and (re)assignments. */
export const writtenEntryKinds = ['note', 'interview', 'contact'] as const;
export const caseEntryKinds = [
  ...writtenEntryKinds,
  'status_change',
  'reassign',
  'assignment',
  'due_date_change',
] as const;

/** How a talk happened (谈话方式). */
export const InterviewMethod = z.enum(interviewMethods).openapi('InterviewMethod');

/** The counsellor's judgement of the risk after a talk (风险评估): low, medium, high, or a crisis now. */
export const riskLevels = ['low', 'medium', 'high', 'crisis'] as const;
export const RiskLevel = z.enum(riskLevels).openapi('RiskLevel');

export const CaseEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(caseEntryKinds),
    body: z.string(),
    author: Person.nullable(),
    occurredAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'When the talk took place (interviews); what the KPIs count' }),
    method: orNull(InterviewMethod),
    outcome: z.string().nullable(),
    riskLevel: orNull(RiskLevel),
    nextStep: z.string().nullable(),
    nextStepOn: IsoDate.nullable(),
    createdAt: z.iso.datetime().openapi({ description: 'When the entry was written' }),
  })
  .openapi('CaseEntry');

/** A reason a school's plugin rule gave for a tier (`selfHarm` when the rule marks a self-harm finding). */
export const TierReasonSchema = z
  .object({ ruleName: z.string(), zh: z.string(), en: z.string(), selfHarm: z.boolean().optional() })
  .openapi('TierReason');

/** The stored screening decision that opened a follow-up: tier, reasons, and the plugin version that decided. */
export const CaseScreeningSchema = z
  .object({
    resultId: z.uuid(),
    tier: z.number().int(),
    reasons: z.array(TierReasonSchema),
    pluginId: z.string(),
    pluginVersion: z.string(),
    wave: z.object({ id: z.uuid(), name: z.string(), instrument: z.string() }),
  })
  .openapi('CaseScreening');

export const CaseSchema = z
  .object({
    id: z.uuid(),
    student: z.object({
      id: z.uuid(),
      studentNumber: z.string(),
      name: z.string(),
      collegeId: z.uuid(),
      collegeName: z.string(),
      classId: z.uuid(),
      className: z.string(),
    }),
    kind: CaseKind,
    status: CaseStatus,
    title: z.string(),
    responsiblePerson: Person.nullable().openapi({
      description: 'null: unassigned, waiting for the station',
    }),
    dueDate: IsoDate.nullable(),
    overdue: z.boolean().openapi({ description: 'Due before today (China time) and not closed' }),
    selfHarm: z
      .boolean()
      .openapi({ description: 'A self-harm finding opened or joined it: worked on first' }),
    assignedAt: z.iso.datetime().nullable(),
    assignedBy: Person.nullable().openapi({
      description: 'null with assignedAt: assigned by the screening import',
    }),
    interviewedOn: IsoDate.nullable().openapi({ description: 'The day (China) of the first talk, if any' }),
    screening: orNull(CaseScreeningSchema).openapi({
      description: 'The decision that opened a follow-up (for callers who read screening; null otherwise)',
    }),
    openedBy: Person.nullable(),
    closedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Case');

export const CaseDetailSchema = CaseSchema.extend({
  entries: z.array(CaseEntrySchema).openapi({ description: 'The timeline, newest first' }),
}).openapi('CaseDetail');

export const CasePageSchema = pageOf(CaseSchema, 'CasePage');

export const CaseParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const CaseListQuery = z
  .object({
    status: CaseStatus.optional(),
    kind: CaseKind.optional(),
    responsiblePersonId: z.uuid().optional(),
    responsible: z
      .enum(['none', 'me'])
      .optional()
      .openapi({ description: "'none': the unassigned queue; 'me': the caller's own" }),
    studentId: z.uuid().optional(),
    collegeId: z.uuid().optional(),
    classId: z.uuid().optional(),
    open: z.enum(['true']).optional().openapi({ description: "'true': not closed" }),
    selfHarm: z.enum(['true', 'false']).optional(),
    overdue: z
      .enum(['true', 'false'])
      .optional()
      .openapi({ description: "'true': due before today and not closed; 'false': the others" }),
  })
  .extend(PageQuery.shape);
export type CaseListFilter = Omit<z.infer<typeof CaseListQuery>, 'page' | 'pageSize'>;

export const CreateCaseBody = z
  .object({
    studentId: z.uuid(),
    kind: CaseKind,
    title: z.string().trim().min(1).max(200).openapi({ example: '危机干预：情绪崩溃' }),
    responsiblePersonId: z.uuid().optional().openapi({
      description: 'Left out: the case waits unassigned for the station or the center to assign it',
    }),
    dueDate: IsoDate,
  })
  .openapi('CreateCase');
export type CreateCaseInput = z.infer<typeof CreateCaseBody>;

export const UpdateCaseBody = z
  .object({
    status: CaseStatus.optional(),
    responsiblePersonId: z.uuid().optional(),
    dueDate: IsoDate.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    note: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .openapi({ description: 'Why: written into the status change or reassignment entry' }),
  })
  .refine((body) => body.status ?? body.responsiblePersonId ?? body.dueDate ?? body.title, {
    message: schemaMessage('field.nothing-to-change'),
  })
  .openapi('UpdateCase');
export type UpdateCaseInput = z.infer<typeof UpdateCaseBody>;

const NoteEntryBody = z
  .object({
    kind: z.enum(['note', 'contact']),
    body: z.string().trim().min(1).max(20_000),
  })
  .openapi('NewCaseNote');

const InterviewEntryBody = z
  .object({
    kind: z.literal('interview'),
    occurredAt: z.iso.datetime({ offset: true }).openapi({
      description: 'When the talk took place: not in the future, not before the case was opened',
      example: '2025-03-04T10:30:00+08:00',
    }),
    method: InterviewMethod,
    outcome: z.string().trim().min(1).max(2000).openapi({ description: 'What came of the talk' }),
    riskLevel: RiskLevel,
    nextStep: z.string().trim().max(2000).optional(),
    nextStepOn: IsoDate.optional().openapi({ description: 'When the next step is due: not before the talk' }),
    body: z
      .string()
      .trim()
      .max(20_000)
      .default('')
      .openapi({ description: "The record, along the template's prompts" }),
  })
  .openapi('NewCaseInterview');

export const NewCaseEntryBody = z
  .discriminatedUnion('kind', [InterviewEntryBody, NoteEntryBody])
  .openapi('NewCaseEntry');
export type NewCaseEntry = z.infer<typeof NewCaseEntryBody>;
export type NewInterview = z.infer<typeof InterviewEntryBody>;

/**
 * The roles a case may be assigned to: the people who talk with students (counsellors, head teachers, the station,
 * the center).
 */
export const ASSIGNABLE_ROLES = [
  'counsellor',
  'head_teacher',
  'college_station_head',
  'center_staff',
] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export const AssignBody = z
  .object({
    assigneeId: z
      .uuid()
      .openapi({ description: 'Who is to be responsible (see GET /api/cases/{id}/assignees)' }),
    reason: z.string().trim().min(1).max(2000).openapi({ example: '按班级分工，由该辅导员负责' }),
  })
  .openapi('AssignCase');
export type AssignInput = z.infer<typeof AssignBody>;

export const AssigneeSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    role: z.enum(ASSIGNABLE_ROLES),
    unitName: z.string(),
  })
  .openapi('Assignee');

export const EntryTemplatesSchema = z
  .object({
    pluginId: z.string().nullable(),
    pluginVersion: z.string().nullable(),
    templates: z.array(
      z.object({
        entryKind: z.enum(writtenEntryKinds),
        ruleName: z.string(),
        zh: z.string(),
        en: z.string(),
        prompts: z.array(z.object({ zh: z.string(), en: z.string() })),
      }),
    ),
  })
  .openapi('CaseEntryTemplates');

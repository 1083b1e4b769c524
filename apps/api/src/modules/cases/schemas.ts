import { z } from '@hono/zod-openapi';
import { caseKinds, caseStatuses } from '@xinqiao/db';
import { PageQuery, pageOf } from '../../http/pagination.ts';
import { schemaMessage } from '../../http/zod-issues.ts';

const Person = z.object({ id: z.uuid(), displayName: z.string() });
const IsoDate = z.iso.date().openapi({ example: '2025-04-01' });

export const CaseKind = z.enum(caseKinds);
export const CaseStatus = z.enum(caseStatuses);

/** The kinds of entry a person writes in a case; the API itself writes status changes and reassignments. */
export const writtenEntryKinds = ['note', 'interview', 'contact'] as const;
export const caseEntryKinds = [...writtenEntryKinds, 'status_change', 'reassign', 'due_date_change'] as const;

export const CaseEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(caseEntryKinds),
    body: z.string(),
    author: Person.nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('CaseEntry');

export const CaseSchema = z
  .object({
    id: z.uuid(),
    student: z.object({ id: z.uuid(), studentNumber: z.string(), name: z.string() }),
    kind: CaseKind,
    status: CaseStatus,
    title: z.string(),
    responsiblePerson: Person.nullable(),
    dueDate: IsoDate.nullable(),
    overdue: z.boolean().openapi({ description: 'Due before today (China time) and not closed' }),
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
    studentId: z.uuid().optional(),
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
    responsiblePersonId: z.uuid(),
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

export const NewCaseEntryBody = z
  .object({
    kind: z.enum(writtenEntryKinds),
    body: z.string().trim().min(1).max(20_000),
  })
  .openapi('NewCaseEntry');
export type NewCaseEntry = z.infer<typeof NewCaseEntryBody>;

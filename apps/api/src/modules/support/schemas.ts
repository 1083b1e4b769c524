import { z } from '@hono/zod-openapi';
import {
  aidKinds,
  contactMethods,
  hardshipLevels,
  planParts,
  responsibleKinds,
  sanctionLevels,
  supportEntryStatuses,
  supportListStatuses,
} from '@xinqiao/db';
import { SUPPORT_CATEGORIES } from '@xinqiao/policy';
import { orNull } from '../../http/or-null.ts';

const IsoDate = z.iso.date().openapi({ example: '2026-12-07' });
const Instant = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Term = z
  .string()
  .regex(/^\d{4}-\d{4}-[12]$/)
  .openapi({ example: '2026-2027-1', description: 'Academic year and term (1 autumn, 2 spring)' });
const idParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });

export const IdParams = z.object({ id: idParam('id') });
export const EntryParams = z.object({ id: idParam('id'), entryId: idParam('entryId') });
export const StudentQuery = z.object({ studentId: z.uuid() });

export const SupportCategory = z.enum(SUPPORT_CATEGORIES).openapi('SupportCategory');
export const ResponsibleKind = z.enum(responsibleKinds).openapi('SupportResponsibleKind', {
  description:
    'head_teacher, counsellor, teacher (staff: personId); party_member, student_helper (studentId)',
});
export const Localized = z.object({ zh: z.string(), en: z.string() });

const CategoryReason = z
  .object({ category: SupportCategory, ruleName: z.string(), zh: z.string(), en: z.string() })
  .openapi('SupportCategoryReason');
const Fact = z
  .object({
    fact: z.string(),
    value: z.union([z.number(), z.boolean()]),
    source: z
      .string()
      .openapi({ description: 'grades-feed, entered, sanctions, cases, screening, hardship, concerns' }),
    detail: z.string(),
  })
  .openapi('SupportFact');
const Decision = z.object({ pluginId: z.string(), pluginVersion: z.string() });

export const ListsQuery = z.object({ term: Term.optional() });
export const ProposeBody = z
  .object({
    classUnitId: z.uuid(),
    term: Term.optional().openapi({ description: 'Default: the current term' }),
  })
  .openapi('SupportPropose');
export const AddEntryBody = z
  .object({
    studentId: z.uuid(),
    categories: z.array(SupportCategory).min(1).max(5),
    reason: Text(1000),
  })
  .openapi('SupportAddEntry');
export const RemoveEntryBody = z.object({ reason: Text(1000) }).openapi('SupportRemoveEntry');

const Responsible = z
  .object({ kind: ResponsibleKind, id: z.uuid(), name: z.string(), detail: z.string() })
  .openapi('SupportResponsible');

export const SupportEntrySchema = z
  .object({
    id: z.uuid(),
    student: z.object({ id: z.uuid(), name: z.string(), studentNumber: z.string() }),
    categories: z.array(CategoryReason),
    facts: z.array(Fact),
    parentContact: orNull(Localized),
    origin: z.enum(['rules', 'added']),
    status: z.enum(supportEntryStatuses),
    reason: z.string().nullable(),
    fileId: z.uuid().nullable(),
    responsible: orNull(Responsible),
    planWritten: z.boolean(),
  })
  .openapi('SupportEntry');

export const SupportListSchema = z
  .object({
    id: z.uuid(),
    term: z.string(),
    termLabel: z.string(),
    classUnit: z.object({ id: z.uuid(), name: z.string() }),
    status: z.enum(supportListStatuses),
    proposedAt: Instant,
    confirmedAt: Instant.nullable(),
    decision: Decision,
    entries: z.array(SupportEntrySchema),
    canManage: z.boolean(),
  })
  .openapi('SupportList');

export const SupportListsSchema = z
  .object({
    term: z.string(),
    termLabel: z.string(),
    classes: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        collegeName: z.string(),
        listId: z.uuid().nullable(),
        status: z.enum(supportListStatuses).nullable(),
        entries: z.number().int(),
        confirmed: z.number().int(),
      }),
    ),
  })
  .openapi('SupportLists');

export const ResponsibleBody = z
  .object({
    kind: ResponsibleKind,
    personId: z
      .uuid()
      .optional()
      .openapi({ description: 'A staff helper (head_teacher, counsellor, teacher)' }),
    studentId: z
      .uuid()
      .optional()
      .openapi({ description: 'A student helper (party_member, student_helper)' }),
  })
  .openapi('SupportResponsibleBody');

const planShape = Object.fromEntries(
  planParts.map((part) => [part, z.string().trim().max(4000).optional()]),
) as {
  [K in (typeof planParts)[number]]: z.ZodOptional<z.ZodString>;
};
export const PlanBody = z.object(planShape).openapi('SupportPlan', {
  description: '思想引导、心理疏导、学业辅导、行为养成、经济扶持、挖掘优势: at least one part written',
});
export type PlanInput = z.infer<typeof PlanBody>;

export const NoteBody = z.object({ occurredOn: IsoDate, note: Text(4000) }).openapi('SupportNoteBody');
export const ContactBody = z
  .object({
    contactedAt: Instant,
    method: z.enum(contactMethods),
    contactedPerson: Text(100).openapi({ description: 'Who was reached: a guardian, with the relation' }),
    agreed: Text(4000),
    invitedToCampus: z.boolean(),
  })
  .openapi('SupportContactBody');
export type ContactInput = z.infer<typeof ContactBody>;
export const EvaluationBody = z.object({ evaluation: Text(4000) }).openapi('SupportEvaluationBody');

export const SupportFileSchema = z
  .object({
    id: z.uuid(),
    term: z.string(),
    termLabel: z.string(),
    termEnd: IsoDate,
    listId: z.uuid(),
    student: z.object({
      id: z.uuid(),
      name: z.string(),
      studentNumber: z.string(),
      className: z.string(),
      phone: z.string().nullable(),
      guardians: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string() })),
    }),
    categories: z.array(CategoryReason),
    facts: z.array(Fact),
    parentContact: orNull(Localized),
    responsible: orNull(Responsible),
    plan: PlanBody,
    planWrittenAt: Instant.nullable(),
    planDueOn: IsoDate,
    parentContactDueOn: IsoDate.nullable(),
    notes: z.array(z.object({ id: z.uuid(), occurredOn: IsoDate, note: z.string(), author: z.string() })),
    contacts: z.array(
      z.object({
        id: z.uuid(),
        contactedAt: Instant,
        method: z.enum(contactMethods),
        contactedPerson: z.string(),
        agreed: z.string(),
        invitedToCampus: z.boolean(),
        recorder: z.string(),
      }),
    ),
    evaluation: z.string().nullable(),
    evaluatedAt: Instant.nullable(),
    canManage: z.boolean(),
    helpers: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string(), unitName: z.string() })),
  })
  .openapi('SupportFile');

export const StudentFilesSchema = z
  .object({ files: z.array(z.object({ id: z.uuid(), term: z.string(), termLabel: z.string() })) })
  .openapi('SupportStudentFiles');

export const SanctionBody = z
  .object({
    studentId: z.uuid(),
    sanction: Text(500).openapi({ description: 'What for, as the decision says' }),
    level: z.enum(sanctionLevels),
    sanctionedOn: IsoDate,
  })
  .openapi('SanctionBody');
export const RevokeBody = z.object({ revokedOn: IsoDate }).openapi('SanctionRevoke');
export const HardshipBody = z
  .object({
    studentId: z.uuid(),
    term: Term,
    level: z.enum(hardshipLevels),
    certifiedOn: IsoDate,
    note: z.string().trim().max(1000).default(''),
  })
  .openapi('HardshipBody');
export const AidBody = z
  .object({
    studentId: z.uuid(),
    term: Term,
    kind: z.enum(aidKinds),
    description: Text(500),
    amountYuan: z.number().min(0).max(1_000_000).optional(),
    givenOn: IsoDate,
  })
  .openapi('AidBody');
export const FailedCoursesBody = z
  .object({ studentId: z.uuid(), term: Term, count: z.number().int().min(0).max(200) })
  .openapi('FailedCoursesBody');
export const HomeVisitBody = z
  .object({
    studentId: z.uuid(),
    visitedOn: IsoDate,
    visitors: Text(500),
    familyPresent: Text(500),
    findings: Text(4000),
  })
  .openapi('HomeVisitBody');

export const StudentRecordsSchema = z
  .object({
    sanctions: z.array(
      z.object({
        id: z.uuid(),
        sanction: z.string(),
        level: z.enum(sanctionLevels),
        sanctionedOn: IsoDate,
        revokedOn: IsoDate.nullable(),
      }),
    ),
    hardship: z.array(
      z.object({
        id: z.uuid(),
        term: z.string(),
        level: z.enum(hardshipLevels),
        certifiedOn: IsoDate,
        note: z.string(),
      }),
    ),
    aids: z.array(
      z.object({
        id: z.uuid(),
        term: z.string(),
        kind: z.enum(aidKinds),
        description: z.string(),
        amountYuan: z.number().nullable(),
        givenOn: IsoDate,
      }),
    ),
    failedCourses: z.array(z.object({ term: z.string(), count: z.number().int() })),
    homeVisits: z.array(
      z.object({
        id: z.uuid(),
        visitedOn: IsoDate,
        visitors: z.string(),
        familyPresent: z.string(),
        findings: z.string(),
        recorder: z.string(),
      }),
    ),
  })
  .openapi('SupportStudentRecords');

export const CoverageQuery = z.object({ term: Term.optional() });
export const CoverageSchema = z
  .object({
    term: z.string(),
    termLabel: z.string(),
    target: orNull(z.object({ percent: z.number(), zh: z.string(), en: z.string() })),
    colleges: z.array(
      z.object({
        collegeId: z.uuid(),
        collegeName: z.string(),
        students: z.number().int(),
        certified: z.number().int(),
        aided: z.number().int(),
        aids: z.number().int(),
        amountYuan: z.number(),
        coverage: z.number().nullable(),
        meetsTarget: z.boolean().nullable(),
        byKind: z.record(z.string(), z.number().int()),
      }),
    ),
    school: z.object({
      students: z.number().int(),
      certified: z.number().int(),
      aided: z.number().int(),
      coverage: z.number().nullable(),
    }),
  })
  .openapi('FinancialCoverage');

import { z } from '@hono/zod-openapi';
import {
  affectedRelations,
  affectedSupports,
  crisisSources,
  crisisStatuses,
  familyContactMethods,
} from '@xinqiao/db';
import { CRISIS_LEVELS, CRISIS_REACHES, CRISIS_RECORDS, CRISIS_ROLES } from '@xinqiao/policy';

const IsoDate = z.iso.date().openapi({ example: '2026-12-07' });
const Instant = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Person = z.object({ id: z.uuid(), displayName: z.string() }).openapi('CrisisPerson');

export const CrisisLevel = z.enum(CRISIS_LEVELS).openapi('CrisisLevel', {
  description:
    'general, serious, major, extraordinary (一般、较大、重大、特别重大); a school uses the ones its protocol names',
});
export const CrisisStatus = z.enum(crisisStatuses).openapi('CrisisStatus');
export const CrisisSource = z.enum(crisisSources).openapi('CrisisSource');
export const CrisisActor = z
  .object({ role: z.enum(CRISIS_ROLES), reach: z.enum(CRISIS_REACHES) })
  .openapi('CrisisActor', {
    description:
      'A role at a place: reach student = on the student’s branch (their counsellor, their station head), school = anyone in the school',
  });

export const CrisisParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const CrisisStepParams = CrisisParams.extend({
  code: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'family-contact' }),
});
export const CrisisReferralParams = CrisisParams.extend({
  referralId: z.uuid().openapi({ param: { name: 'referralId', in: 'path' } }),
});
export const HospitalParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const NewCrisisBody = z
  .object({
    studentId: z.uuid().optional().openapi({ description: 'Open directly about this student' }),
    concernReportId: z
      .uuid()
      .optional()
      .openapi({ description: 'Open from this concern report (it becomes "being handled")' }),
    caseId: z.uuid().optional().openapi({ description: 'Open from this follow-up or support case' }),
    screeningResultId: z.uuid().optional().openapi({
      description: 'Open from this screening result (its follow-up must carry a self-harm finding)',
    }),
    level: CrisisLevel,
    situation: Text(4000).openapi({ description: 'What happened, as far as known' }),
  })
  .openapi('NewCrisis');
export type NewCrisisInput = z.infer<typeof NewCrisisBody>;

export const StepDoneBody = z
  .object({
    note: z
      .string()
      .trim()
      .max(4000)
      .default('')
      .openapi({ description: 'What was done (required when the step records a note)' }),
  })
  .openapi('CrisisStepDone');
export const StepWaiveBody = z.object({ reason: Text(2000) }).openapi('CrisisStepWaive');

export const FamilyContactBody = z
  .object({
    guardianIndex: z
      .number()
      .int()
      .min(0)
      .max(20)
      .optional()
      .openapi({ description: "One of the student's guardians (its position in the student's guardians)" }),
    contactName: z.string().trim().max(100).optional().openapi({ description: 'Typed when not a guardian' }),
    relation: z.string().trim().max(50).optional(),
    phone: z.string().trim().max(40).optional(),
    contactedAt: Instant,
    method: z.enum(familyContactMethods),
    agreed: Text(4000).openapi({ description: 'What was agreed with the family' }),
  })
  .openapi('NewCrisisFamilyContact');
export type FamilyContactInput = z.infer<typeof FamilyContactBody>;

export const ReferralBody = z
  .object({
    hospitalId: z
      .uuid()
      .openapi({ description: "A hospital on the school's list (GET /api/settings/hospitals)" }),
    referredAt: Instant,
    accompaniedBy: Text(200),
    outcome: z.string().trim().max(4000).optional(),
  })
  .openapi('NewCrisisReferral');
export type ReferralInput = z.infer<typeof ReferralBody>;

export const ReferralAssessmentBody = z
  .object({
    outcome: z.string().trim().max(4000).optional(),
    returnAssessment: Text(4000).openapi({ description: 'The return-to-school assessment (返校评估)' }),
  })
  .openapi('CrisisReferralAssessment');
export type ReferralAssessmentInput = z.infer<typeof ReferralAssessmentBody>;

export const AffectedBody = z
  .object({
    studentId: z.uuid(),
    relation: z.enum(affectedRelations),
    support: z.enum(affectedSupports).openapi({ description: 'group support or one-to-one' }),
  })
  .openapi('NewCrisisAffected');
export type AffectedInput = z.infer<typeof AffectedBody>;

export const CloseBody = z.object({ summary: Text(8000) }).openapi('CrisisClose');
export const ReopenBody = z.object({ reason: Text(2000) }).openapi('CrisisReopen');
export const ReviewBody = z
  .object({
    heldOn: IsoDate,
    participants: Text(2000),
    findings: Text(8000),
    changes: Text(8000).openapi({ description: 'Changes to make (制度、流程、设施)' }),
    report: Text(20000).openapi({ description: 'The written case report (书面案例报告)' }),
  })
  .openapi('CrisisReviewRecord');
export type ReviewInput = z.infer<typeof ReviewBody>;

export const BoardQuery = z.object({
  status: z
    .enum(['open', 'closed', 'all'])
    .default('open')
    .openapi({ description: 'Which crises the list holds (the counts are always all)' }),
});

export const HospitalBody = z
  .object({
    name: Text(200),
    department: z.string().trim().max(200).default(''),
    contact: z.string().trim().max(200).default(''),
    phone: z.string().trim().max(40).default(''),
    agreementFrom: IsoDate.nullable().default(null),
    agreementTo: IsoDate.nullable().default(null),
  })
  .openapi('HospitalInput');
export type HospitalInput = z.infer<typeof HospitalBody>;

export const HospitalSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    department: z.string(),
    contact: z.string(),
    phone: z.string(),
    agreementFrom: IsoDate.nullable(),
    agreementTo: IsoDate.nullable(),
    inForce: z.boolean().openapi({ description: 'Today is within the agreement dates (open ends count)' }),
  })
  .openapi('Hospital');
export const HospitalListSchema = z.object({ items: z.array(HospitalSchema) }).openapi('HospitalList');

const StudentBrief = z
  .object({
    id: z.uuid(),
    name: z.string(),
    studentNumber: z.string(),
    className: z.string(),
    collegeId: z.uuid(),
    collegeName: z.string(),
    dormName: z.string().nullable(),
  })
  .openapi('CrisisStudent');

const StepBrief = z.object({ code: z.string(), zh: z.string(), en: z.string(), dueAt: z.iso.datetime() });

export const CrisisBoardItemSchema = z
  .object({
    id: z.uuid(),
    student: StudentBrief,
    level: CrisisLevel,
    levelName: z.object({ zh: z.string(), en: z.string() }),
    status: CrisisStatus,
    openedAt: z.iso.datetime(),
    minutesOpen: z.number().int().openapi({ description: 'Minutes since opening (to closing when closed)' }),
    currentStep: StepBrief.nullable().openapi({ description: 'The first step neither done nor waived' }),
    lateSteps: z.array(StepBrief.extend({ escalated: z.boolean() })),
    closedAt: z.iso.datetime().nullable(),
  })
  .openapi('CrisisBoardItem');

export const CrisisBoardSchema = z
  .object({
    items: z.array(CrisisBoardItemSchema),
    perMonth: z
      .array(
        z.object({
          month: z.string().openapi({ example: '2026-12' }),
          opened: z.number().int(),
          closed: z.number().int(),
        }),
      )
      .openapi({ description: 'Crises opened (and of those, closed) per month, China time' }),
    perCollege: z.array(
      z.object({
        collegeId: z.uuid(),
        collegeName: z.string(),
        open: z.number().int(),
        total: z.number().int(),
      }),
    ),
    levels: z
      .array(z.object({ code: CrisisLevel, zh: z.string(), en: z.string() }))
      .openapi({ description: "The levels the school's protocol uses" }),
  })
  .openapi('CrisisBoard');

export const CrisisStepSchema = z
  .object({
    code: z.string(),
    position: z.number().int(),
    zh: z.string(),
    en: z.string(),
    doers: z.array(CrisisActor),
    escalateTo: z.array(CrisisActor),
    records: z.array(z.enum(CRISIS_RECORDS)),
    required: z.boolean(),
    dueAt: z.iso.datetime(),
    state: z.enum(['pending', 'late', 'done', 'waived']),
    doneAt: z.iso.datetime().nullable(),
    doneBy: Person.nullable(),
    note: z.string().nullable(),
    waivedAt: z.iso.datetime().nullable(),
    waivedBy: Person.nullable(),
    waiveReason: z.string().nullable(),
    escalatedAt: z.iso.datetime().nullable(),
    canDo: z
      .boolean()
      .openapi({ description: 'The protocol names the caller for this step and it is still to do' }),
  })
  .openapi('CrisisStep');

export const FamilyContactSchema = z
  .object({
    id: z.uuid(),
    contactName: z.string(),
    relation: z.string(),
    phone: z.string().nullable(),
    fromGuardians: z.boolean(),
    contactedAt: z.iso.datetime(),
    method: z.enum(familyContactMethods),
    agreed: z.string(),
    recordedBy: Person,
  })
  .openapi('CrisisFamilyContact');

export const ReferralSchema = z
  .object({
    id: z.uuid(),
    hospital: z.object({ id: z.uuid(), name: z.string(), department: z.string() }),
    referredAt: z.iso.datetime(),
    accompaniedBy: z.string(),
    outcome: z.string().nullable(),
    returnAssessment: z.string().nullable(),
    returnAssessedAt: z.iso.datetime().nullable(),
    returnAssessedBy: Person.nullable(),
    recordedBy: Person,
  })
  .openapi('CrisisReferral');

export const AffectedSchema = z
  .object({
    id: z.uuid(),
    student: z.object({
      id: z.uuid(),
      name: z.string(),
      studentNumber: z.string(),
      className: z.string(),
      dormName: z.string().nullable(),
    }),
    relation: z.enum(affectedRelations),
    support: z.enum(affectedSupports),
    caseId: z.uuid().nullable(),
    responsible: Person.nullable(),
  })
  .openapi('CrisisAffected');

export const CrisisReviewSchema = z
  .object({
    id: z.uuid(),
    dueOn: IsoDate,
    overdue: z.boolean(),
    heldOn: IsoDate.nullable(),
    participants: z.string().nullable(),
    findings: z.string().nullable(),
    changes: z.string().nullable(),
    report: z.string().nullable(),
    recordedBy: Person.nullable(),
  })
  .openapi('CrisisReview');

export const CrisisEventSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({ example: 'step.done' }),
    actor: Person.nullable(),
    detail: z.record(z.string(), z.unknown()),
    at: z.iso.datetime(),
  })
  .openapi('CrisisEvent');

export const GuardianSchema = z
  .object({ index: z.number().int(), name: z.string(), relation: z.string(), phone: z.string() })
  .openapi('CrisisGuardian');

export const CrisisSchema = z
  .object({
    id: z.uuid(),
    student: StudentBrief,
    guardians: z
      .array(GuardianSchema)
      .openapi({ description: "The student's guardians, to call in one click" }),
    level: CrisisLevel,
    levelName: z.object({ zh: z.string(), en: z.string() }),
    status: CrisisStatus,
    situation: z.string(),
    source: CrisisSource,
    concernReportId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    screeningResultId: z.uuid().nullable(),
    openedBy: Person,
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    closedBy: Person.nullable(),
    summary: z.string().nullable(),
    steps: z.array(CrisisStepSchema),
    familyContacts: z.array(FamilyContactSchema),
    referrals: z.array(ReferralSchema),
    affected: z.array(AffectedSchema),
    reviews: z.array(CrisisReviewSchema),
    timeline: z.array(CrisisEventSchema),
    can: z
      .object({ run: z.boolean(), waive: z.boolean(), review: z.boolean() })
      .openapi({ description: 'What the caller may do here' }),
    plugin: z.object({ id: z.string(), version: z.string() }),
  })
  .openapi('Crisis');

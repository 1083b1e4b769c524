import { z } from '@hono/zod-openapi';
import {
  type FactType,
  type PointsFacts,
  pointsFactSpecs,
  SANCTION_LEVELS,
  TERM_COUNTERS,
  type TermFacts,
  termFactSpecs,
} from '@xinqiao/policy';
import {
  APPROVAL_STATES,
  DEPARTMENT_FINDINGS,
  DEPARTMENT_KINDS,
  EVENT_KINDS,
  EVENT_PHASES,
  EVENT_STATUSES,
  MEMBER_FINDINGS,
  MEMBER_ROLES,
  type MemberFinding,
  REVERSAL_CAUSES,
  STORED_RECORD_KINDS,
  TERM_STATUSES,
} from './kinds.ts';

// The answers of the alliance routes, each named `AllianceXxx` in the OpenAPI document: the frontends' types are
// generated from these, so a field added here reaches the office module by one generate command.

const id = z.uuid();
const instant = z.iso.datetime();
const day = z.iso.date();

function factValue(type: FactType) {
  if (type.kind === 'enum') return z.enum(type.values as [string, ...string[]]);
  if (type.kind === 'boolean') return z.boolean();
  return type.kind === 'integer' ? z.number().int() : z.number();
}

/** Every fact of a contract's specs, each optional: what a stored record or a term evaluation may carry. */
function factsObject(specs: Readonly<Record<string, { type: FactType }>>) {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, factValue(spec.type).optional()]),
  );
}

const findingFacts = Object.fromEntries(
  Object.entries(MEMBER_FINDINGS).map(([name, shape]) => [
    name,
    (shape === 'flag' ? z.boolean() : z.number().int()).optional(),
  ]),
);

/** The facts of a record as the plugin priced them (a member finding carries its finding as the one fact). */
export type RecordFacts = Partial<PointsFacts> & Partial<Record<MemberFinding, boolean | number>>;
export const RecordFactsSchema = z
  .object({ ...factsObject(pointsFactSpecs), ...findingFacts })
  .openapi('AllianceRecordFacts', {
    description: "The plugin's penalty-points facts of a record, or the finding a finding record sets",
  }) as unknown as z.ZodType<RecordFacts>;

/** A member's term facts as the plugin's term-sanctions area read them. */
export const TermFactsSchema = z
  .object(factsObject(termFactSpecs))
  .openapi('AllianceTermFacts') as unknown as z.ZodType<Partial<TermFacts>>;

export const PluginRefSchema = z.object({ id: z.string(), version: z.string() }).openapi('AlliancePluginRef');

export const BaseScoreSchema = z
  .object({
    points: z.number(),
    ruleName: z.string(),
    pluginId: z.string(),
    pluginVersion: z.string(),
    zh: z.string(),
    en: z.string(),
  })
  .openapi('AllianceBaseScore', { description: "The score every member starts with, and the plugin's rule" });

export const DepartmentSchema = z
  .object({ id, name: z.string(), kind: z.enum(DEPARTMENT_KINDS), collegeUnitId: id.nullable() })
  .openapi('AllianceDepartment');

export const TermSchema = z
  .object({ id, name: z.string(), startsOn: day, endsOn: day, status: z.enum(TERM_STATUSES) })
  .openapi('AllianceTerm');

export const RuleSchema = z
  .object({
    name: z.string(),
    area: z.enum(['penalty-points', 'term-sanctions']),
    zh: z.string().openapi({ description: "The rule's own words: the reason of its points or sanction" }),
    en: z.string(),
    quote: z.string().nullable().openapi({
      description: 'The sentence of the school’s regulations the rule encodes, when it quotes one',
    }),
  })
  .openapi('AllianceRule');

export const OverviewSchema = z
  .object({
    plugin: PluginRefSchema,
    base: BaseScoreSchema,
    departments: z.array(DepartmentSchema),
    terms: z.array(TermSchema),
    currentTermId: id.nullable(),
    access: z.object({
      canWrite: z.boolean(),
      scoringTerms: z.array(id).openapi({ description: 'Terms in which the caller may score' }),
    }),
    ranges: z.array(z.object({ ruleName: z.string(), min: z.number().int(), max: z.number().int() })),
    rules: z
      .array(RuleSchema)
      .openapi({ description: "Every rule of the school's alliance areas, to name them" }),
  })
  .openapi('AllianceOverview');

export const MemberSchema = z
  .object({
    id,
    termId: id,
    name: z.string(),
    memberRole: z.enum(MEMBER_ROLES),
    departmentId: id,
    departmentName: z.string(),
    studentId: id.nullable(),
    studentNumber: z
      .string()
      .nullable()
      .openapi({ description: 'Null when the student is not visible to you' }),
    personId: id.nullable(),
    isOfficer: z.boolean(),
    active: z.boolean(),
  })
  .openapi('AllianceMember');
export const MemberListSchema = z.object({ members: z.array(MemberSchema) }).openapi('AllianceMemberList');

export const EventSchema = z
  .object({
    id,
    termId: id,
    departmentId: id.nullable(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    stars: z.number().int(),
    startsAt: instant,
    endsAt: instant.nullable(),
    status: z.enum(EVENT_STATUSES),
    phase: z.enum(EVENT_PHASES).openapi({ description: 'Where the event stands at the time of the request' }),
    isTask: z.boolean(),
  })
  .openapi('AllianceEvent');
export const EventListSchema = z.object({ events: z.array(EventSchema) }).openapi('AllianceEventList');

const amendment = z.object({ at: instant, by: id, reason: z.string(), before: RecordFactsSchema });
export const RecordContextSchema = z
  .object({
    arrivedAt: instant.optional(),
    leftAt: instant.optional(),
    leaveReason: z.string().optional(),
    submittedAt: instant.optional(),
    acknowledgedAt: instant.optional(),
    note: z.string().optional(),
    assessment: z.object({ key: z.string(), from: instant, to: instant }).optional(),
    voided: z.object({ at: instant, by: id, reason: z.string() }).optional(),
    amendments: z.array(amendment).optional(),
    departmentId: id.optional(),
  })
  .openapi('AllianceRecordContext', { description: 'What a record keeps besides the plugin’s facts' });

export const RecordSchema = z
  .object({
    id,
    memberId: id,
    eventId: id.nullable(),
    kind: z.enum(STORED_RECORD_KINDS),
    facts: RecordFactsSchema,
    context: RecordContextSchema,
    approval: z.enum(APPROVAL_STATES),
    recordedAt: instant,
  })
  .openapi('AllianceRecord');
export const RecordListSchema = z.object({ records: z.array(RecordSchema) }).openapi('AllianceRecordList');

export const LedgerDetailsSchema = z
  .object({
    en: z.string().optional(),
    counts: z.array(z.enum(TERM_COUNTERS)).optional(),
    sanction: z.literal('warning').optional(),
    overriddenRules: z.array(z.string()).optional(),
    reversal: z.object({ cause: z.enum(REVERSAL_CAUSES), reasonEn: z.string().optional() }).optional(),
    repricedFrom: z.string().optional(),
  })
  .openapi('AllianceLedgerDetails');

export const LedgerEntrySchema = z
  .object({
    id: z.number().int(),
    memberId: id,
    recordId: id.nullable(),
    delta: z.number(),
    ruleName: z.string(),
    pluginId: z.string(),
    pluginVersion: z.string(),
    reason: z.string(),
    reasonEn: z.string(),
    reversesEntryId: z.number().int().nullable(),
    createdAt: instant,
    details: LedgerDetailsSchema,
  })
  .openapi('AllianceLedgerEntry');

export const WrittenSchema = z
  .object({
    record: RecordSchema,
    entries: z.array(LedgerEntrySchema),
    overriddenRules: z.array(z.string()),
  })
  .openapi('AllianceWritten', { description: 'A record and the ledger entries it booked' });
export const CorrectedSchema = WrittenSchema.extend({ reversed: z.array(LedgerEntrySchema) }).openapi(
  'AllianceCorrected',
);
export const WrittenListSchema = z.object({ records: z.array(WrittenSchema) }).openapi('AllianceWrittenList');
export const AbsencesSchema = z.object({ absences: z.array(WrittenSchema) }).openapi('AllianceAbsences');
export const MissingSubmissionsSchema = z
  .object({ missing: z.array(WrittenSchema) })
  .openapi('AllianceMissingSubmissions');

export const DepartmentFindingSchema = z
  .object({ id, departmentId: id, finding: z.enum(DEPARTMENT_FINDINGS), note: z.string().nullable() })
  .openapi('AllianceDepartmentFinding');

const sheetLine = z.object({
  entryId: z.number().int(),
  points: z.number(),
  ruleName: z.string(),
  reason: z.string(),
  reasonEn: z.string(),
  counts: z.array(z.enum(TERM_COUNTERS)),
});
export const SheetLineSchema = sheetLine.openapi('AllianceSheetLine');
export const SheetRecordSchema = RecordSchema.omit({ memberId: true, eventId: true })
  .extend({ lines: z.array(SheetLineSchema) })
  .openapi('AllianceSheetRecord');
export const SheetRowSchema = z
  .object({ member: MemberSchema, score: z.number(), records: z.array(SheetRecordSchema) })
  .openapi('AllianceSheetRow');
export const EventSheetSchema = z
  .object({ event: EventSchema, base: BaseScoreSchema, rows: z.array(SheetRowSchema) })
  .openapi('AllianceEventSheet');

export const LedgerLineSchema = LedgerEntrySchema.extend({
  balance: z.number().openapi({ description: 'The score after this entry' }),
  reversedByEntryId: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  record: z
    .object({
      id,
      kind: z.enum(STORED_RECORD_KINDS),
      facts: RecordFactsSchema,
      context: RecordContextSchema,
      event: z.object({ id, title: z.string(), kind: z.enum(EVENT_KINDS), startsAt: instant }).nullable(),
    })
    .nullable(),
}).openapi('AllianceLedgerLine');

export const PendingRecordSchema = z
  .object({ id, kind: z.enum(STORED_RECORD_KINDS), facts: RecordFactsSchema, context: RecordContextSchema })
  .openapi('AlliancePendingRecord');

export const MemberLedgerSchema = z
  .object({
    member: MemberSchema,
    base: BaseScoreSchema,
    score: z.number(),
    entries: z.array(LedgerLineSchema),
    pendingRecords: z.array(PendingRecordSchema),
  })
  .openapi('AllianceMemberLedger');

const backedReason = {
  ruleName: z.string(),
  zh: z.string(),
  en: z.string(),
  recordIds: z.array(id).openapi({ description: 'The records behind the reason' }),
};
export const BackedReasonSchema = z.object(backedReason).openapi('AllianceBackedReason');
export const SanctionSchema = z
  .object({ ...backedReason, level: z.enum(SANCTION_LEVELS), from: z.enum(['term', 'record']) })
  .openapi('AllianceSanction');
export const LateConversionSchema = z
  .object({
    ruleName: z.string(),
    latesPerAbsence: z.number().int(),
    convertedAbsences: z.number().int(),
    effectiveAbsenceCount: z.number().int(),
  })
  .openapi('AllianceLateConversion');

export const TermEvaluationSchema = z
  .object({
    facts: TermFactsSchema,
    sanction: z.enum(SANCTION_LEVELS).nullable(),
    sanctions: z.array(SanctionSchema),
    eligibleForEvaluation: z.boolean(),
    ineligibility: z.array(BackedReasonSchema),
    lateConversion: LateConversionSchema.nullable(),
  })
  .openapi('AllianceTermEvaluation');

export const MemberStandingSchema = z
  .object({
    member: MemberSchema.pick({
      id: true,
      name: true,
      memberRole: true,
      departmentId: true,
      departmentName: true,
      isOfficer: true,
      studentNumber: true,
    }),
    base: z.number(),
    points: z.number(),
    score: z.number(),
    rankInAlliance: z.number().int(),
    rankInDepartment: z.number().int(),
    term: TermEvaluationSchema,
  })
  .openapi('AllianceMemberStanding');

export const DepartmentStandingSchema = z
  .object({
    department: DepartmentSchema.pick({ id: true, name: true, kind: true }),
    members: z.number().int(),
    averageScore: z.number().nullable(),
    rank: z.number().int().nullable().openapi({ description: 'Null for a department without members' }),
    warnings: z.array(BackedReasonSchema.extend({ eventIds: z.array(id) })),
  })
  .openapi('AllianceDepartmentStanding');

export const TermStandingsSchema = z
  .object({
    term: TermSchema,
    plugin: PluginRefSchema,
    base: BaseScoreSchema,
    members: z.array(MemberStandingSchema).openapi({ description: 'By rank in the alliance, then name' }),
    departments: z.array(DepartmentStandingSchema).openapi({ description: 'By rank, then name' }),
  })
  .openapi('AllianceTermStandings');

const pricedLine = z.object({ ruleName: z.string(), points: z.number(), pluginVersion: z.string() });
export const RepricingPreviewSchema = z
  .object({
    termId: id,
    plugin: PluginRefSchema,
    pricedWith: z.array(z.string()),
    changes: z.array(
      z.object({
        recordId: id,
        memberId: id,
        memberName: z.string(),
        kind: z.enum(STORED_RECORD_KINDS),
        before: z.array(pricedLine),
        after: z.array(pricedLine),
        difference: z.number(),
        error: z.string().optional(),
      }),
    ),
    members: z.array(
      z.object({ memberId: id, name: z.string(), pointsBefore: z.number(), pointsAfter: z.number() }),
    ),
    unchangedRecords: z.number().int(),
    fingerprint: z.string(),
  })
  .openapi('AllianceRepricingPreview');

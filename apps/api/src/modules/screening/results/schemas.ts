import { z } from '@hono/zod-openapi';
import { orNull } from '../../../http/or-null.ts';
import { PageQuery } from '../../../http/pagination.ts';
import { AttentionTierSchema } from '../schemas.ts';
import { ScreeningScoreSummarySchema, ScreeningScoresSchema } from './scores.ts';

// The shapes of the results routes: tier tables, counts, one result, a student's history and the follow-ups.

export const ReasonSchema = z
  .object({
    ruleName: z.string(),
    zh: z.string(),
    en: z.string(),
    selfHarm: z
      .boolean()
      .optional()
      .openapi({ description: 'The school marks this rule a self-harm finding' }),
  })
  .openapi('ScreeningReason', { description: 'A reason the school’s plugin rule gave for the tier' });

export const FollowUpStateSchema = z
  .object({
    caseId: z.string(),
    status: z.string(),
    dueDate: z.string().nullable(),
    responsible: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    interviewedOn: z
      .string()
      .nullable()
      .openapi({ description: 'Day of the first interview entry of the case' }),
    overdue: z.boolean(),
    selfHarm: z.boolean().openapi({ description: 'A self-harm finding opened it: worked on first' }),
  })
  .openapi('ScreeningFollowUpState', { description: 'The follow-up case a tier-1 result opened' });

export const ResultStudentSchema = z
  .object({
    id: z.string(),
    studentNumber: z.string(),
    name: z.string(),
    collegeName: z.string(),
    className: z.string(),
  })
  .openapi('ScreeningStudent');

export const WaveRefSchema = z
  .object({ id: z.string(), name: z.string(), instrument: z.string() })
  .openapi('ScreeningWaveRef');

export const ResultRowSchema = z
  .object({
    resultId: z.string(),
    student: ResultStudentSchema,
    tier: AttentionTierSchema,
    reasons: z.array(ReasonSchema),
    pluginId: z.string(),
    pluginVersion: z.string(),
    summary: ScreeningScoreSummarySchema.optional().openapi({
      description: 'Totals and flags: center staff only',
    }),
    followUp: orNull(FollowUpStateSchema),
  })
  .openapi('ScreeningResultRow');

export const ResultPageSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    rows: z.array(ResultRowSchema),
  })
  .openapi('ScreeningResultPage');

export const TierCountsSchema = z
  .object({
    collegeId: z.string(),
    collegeName: z.string(),
    screened: z.number().int(),
    tier1: z.number().int(),
    tier2: z.number().int(),
    tier3: z.number().int(),
    interviewedInTime: z.number().int(),
    interviewedLate: z.number().int(),
    overdue: z.number().int(),
    interviewedInTimeShare: z
      .number()
      .openapi({ description: 'interviewedInTime / tier1 (1 with no tier-1 student)' }),
  })
  .openapi('ScreeningTierCounts');

export const TierCountListSchema = z
  .object({ colleges: z.array(TierCountsSchema) })
  .openapi('ScreeningTierCountList');

export const ResultDetailSchema = ResultRowSchema.extend({
  wave: WaveRefSchema,
  answers: z
    .array(z.number())
    .nullable()
    .optional()
    .openapi({ description: 'Item answers: center staff only' }),
  scores: ScreeningScoresSchema.nullable()
    .optional()
    .openapi({ description: 'Full scores: center staff only' }),
}).openapi('ScreeningResultDetail');

export const HistoryEntrySchema = ResultRowSchema.omit({ student: true })
  .extend({
    wave: WaveRefSchema.extend({ academicYear: z.number().int(), opensOn: z.string() }),
    trend: z.enum(['worse', 'better', 'same']).nullable(),
  })
  .openapi('ScreeningHistoryEntry');

export const HistorySchema = z
  .object({
    student: z.object({ id: z.string(), studentNumber: z.string(), name: z.string() }),
    entries: z.array(HistoryEntrySchema),
  })
  .openapi('ScreeningHistory');

export const FollowUpSchema = FollowUpStateSchema.extend({
  student: ResultStudentSchema,
  wave: WaveRefSchema,
  tier: AttentionTierSchema,
  reasons: z.array(ReasonSchema),
  pluginId: z.string(),
  pluginVersion: z.string().openapi({ description: 'The version of the plugin that decided the tier' }),
}).openapi('ScreeningFollowUp');

export const FollowUpListSchema = z
  .object({
    followUps: z.array(FollowUpSchema).openapi({ description: 'One page, most urgent first' }),
    total: z.number().int().openapi({ description: 'Follow-ups across all pages' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('ScreeningFollowUpList');

export const FollowUpQuery = z
  .object({
    waveId: z.string().uuid().optional(),
    state: z.enum(['all', 'open', 'overdue', 'interviewed']).default('all'),
    mine: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true')
      .openapi({ description: 'Only those the caller is responsible for (as responsible=me)' }),
    responsible: z
      .enum(['none', 'me'])
      .optional()
      .openapi({ description: "'none': the unassigned queue; 'me': the caller's own" }),
    responsiblePersonId: z.string().uuid().optional(),
    collegeId: z.string().uuid().optional(),
    classId: z.string().uuid().optional(),
  })
  .extend(PageQuery.shape);

import { z } from '@hono/zod-openapi';
import { waveStatuses } from '@xinqiao/db';
import { ATTENTION_TIERS, type AttentionTier } from '@xinqiao/policy';
import { schemaMessage } from '../../http/zod-issues.ts';

/** `application/json` content of a schema, for route definitions. */
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, schemaMessage('screening.date-format'));

/** An attention tier, as @xinqiao/policy's ATTENTION_TIERS lists them: 1 needs the most attention. */
export const AttentionTierSchema = z
  .union(ATTENTION_TIERS.map((tier) => z.literal(tier)))
  .openapi('AttentionTier', {
    description: 'Attention tier (关注等级): 1 needs the most attention, 3 the least',
  });

/** A tier given as a query parameter (`?tier=1`). */
export const AttentionTierQuery = z.coerce.number().pipe(AttentionTierSchema);

const count = z.number().int();

/** How many results a wave holds in each tier: one count per tier of ATTENTION_TIERS. */
const TierCountsSchema = z.object({ 1: count, 2: count, 3: count } satisfies Record<
  AttentionTier,
  typeof count
>);

export const IdParams = z.object({ id: z.string().uuid('应为 UUID') });

export const YearQuery = z.object({
  academicYear: z.coerce.number().int().min(2000).max(2100).optional().openapi({
    description: 'Academic year by its first calendar year (2025 = 2025–2026)',
  }),
});

export const WaveSchema = z
  .object({
    id: z.string(),
    academicYear: z.number().int(),
    name: z.string(),
    instrument: z.string(),
    cohort: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    status: z.enum(waveStatuses).openapi({
      description:
        'planned → open → closed (closed → open again); cancelled is final: no imports, counted nowhere',
    }),
    results: z.number().int(),
    tiers: TierCountsSchema,
  })
  .openapi('ScreeningWave');

export const WaveListSchema = z.object({ waves: z.array(WaveSchema) }).openapi('ScreeningWaveList');

const completionCounts = {
  students: z.number().int().openapi({ description: 'Students of the wave’s cohort' }),
  screened: z.number().int().openapi({ description: 'Of them, with a stored result (imported or online)' }),
  submitted: z
    .number()
    .int()
    .openapi({ description: 'A result, or online answers submitted and being stored' }),
  inProgress: z.number().int().nullable().openapi({
    description:
      'Answers saved, not submitted; null when the caller may not read saved answers (they count under consented)',
  }),
  consented: z.number().int().openapi({ description: 'Consented, not started' }),
  declined: z.number().int().openapi({ description: 'Declined the consent' }),
  notOpened: z.number().int().openapi({ description: 'No consent, no answers, no result' }),
};

export const CompletionSchema = z
  .object({
    collegeId: z.string(),
    collegeName: z.string(),
    classId: z.string(),
    className: z.string(),
    ...completionCounts,
  })
  .openapi('ScreeningCompletion', {
    description:
      'Where the students of a class stand in the wave: submitted + inProgress + consented + declined + notOpened = students',
  });

export const CollegeCompletionSchema = z
  .object({ collegeId: z.string(), collegeName: z.string(), ...completionCounts })
  .openapi('ScreeningCollegeCompletion', { description: 'The same counts for a whole college' });

export const WaveDetailSchema = z
  .object({
    wave: WaveSchema,
    completion: z.array(CompletionSchema).openapi({ description: 'Per class' }),
    colleges: z.array(CollegeCompletionSchema).openapi({ description: 'Per college' }),
  })
  .openapi('ScreeningWaveDetail');

export const ProposedWaveSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    instrument: z.string(),
    cohort: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    ruleName: z.string(),
    createdWaveId: z.string().nullable().openapi({ description: 'The wave already made from this proposal' }),
  })
  .openapi('ProposedScreeningWave', { description: 'A wave the school’s plugin cadence proposes' });

export const ProposedWavesSchema = z
  .object({
    academicYear: z.number().int(),
    pluginId: z.string().nullable(),
    pluginVersion: z.string().nullable(),
    waves: z.array(ProposedWaveSchema),
  })
  .openapi('ProposedScreeningWaves');

export const NewWaveBody = z
  .object({
    academicYear: z.number().int().min(2000).max(2100),
    name: z.string().trim().min(1).max(100),
    instrument: z.enum(['UPI', 'PHQ-9', 'GAD-7', 'SCL-90'], {
      message: schemaMessage('screening.instrument'),
    }),
    cohort: z.string().regex(/^(all|freshmen|graduating|\d{4})$/, schemaMessage('screening.cohort')),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .openapi('NewScreeningWave');

export const WaveStatusBody = z
  .object({ status: z.enum(['open', 'closed', 'cancelled']) })
  .openapi('ScreeningWaveStatus');

export const WaveChangeBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    opensOn: isoDate.optional(),
    closesOn: isoDate.optional(),
  })
  .openapi('ScreeningWaveChange', {
    description: 'Rename a wave; its window (opensOn, closesOn) may move only while it holds no results',
  });

export const ImportSchema = z
  .object({
    id: z.string(),
    waveId: z.string(),
    fileName: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    progress: z.number().openapi({ description: 'Share of the file read, 0–1' }),
    rowsRead: z.number().int(),
    rowsAccepted: z.number().int().openapi({ description: 'Good rows that wrote a new or changed result' }),
    rowsUnchanged: z.number().int().openapi({ description: 'Good rows equal to what was stored' }),
    rowsRejected: z.number().int(),
    followUpsOpened: z.number().int(),
    bytesRead: z.number().int(),
    bytesTotal: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int(),
        column: z.string(),
        code: z.string().openapi({ description: 'The message code of the reason' }),
        reason: z.string().openapi({ description: 'In the language of Accept-Language (zh-CN by default)' }),
      }),
    ),
    stale: z.boolean(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ScreeningImport');

export const ImportListSchema = z.object({ imports: z.array(ImportSchema) }).openapi('ScreeningImportList');

import { z } from '@hono/zod-openapi';
import { activitySources, cardPlaces, feedKinds } from '@xinqiao/db';
import { WARNING_ACTIONS, WARNING_MODULES } from '@xinqiao/policy';
import { PageQuery, pageOf } from '../../http/pagination.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Localized = z.object({ zh: z.string(), en: z.string() });

export const WarningModule = z.enum(WARNING_MODULES).openapi('WarningModule');
export const WarningLevel = z.enum(['yellow', 'red']).openapi('WarningLevel');
export const WarningStatus = z.enum(['open', 'cleared', 'closed']).openapi('WarningStatus');
export const FeedKind = z.enum(feedKinds).openapi('FeedKind');

export const WarningReason = z
  .object({
    ruleName: z.string(),
    zh: z.string(),
    en: z.string(),
    values: z
      .record(z.string(), z.number())
      .openapi({ description: 'The signal values that tripped the rule' }),
  })
  .openapi('WarningReason');

export const WarningStudent = z
  .object({
    id: z.uuid(),
    name: z.string(),
    studentNumber: z.string(),
    className: z.string(),
    collegeId: z.uuid(),
    collegeName: z.string(),
  })
  .openapi('WarningStudent');

export const WarningSchema = z
  .object({
    id: z.uuid(),
    student: WarningStudent,
    module: WarningModule,
    moduleName: Localized,
    level: WarningLevel,
    status: WarningStatus,
    reasons: z.array(WarningReason),
    actions: z.array(z.enum(WARNING_ACTIONS)),
    deadlineWorkingDays: z.number().int(),
    dueOn: z.iso.date(),
    overdue: z.boolean(),
    urgent: z.boolean(),
    term: z.string().nullable(),
    clearedTerm: z.string().nullable(),
    openedAt: z.iso.datetime(),
    clearedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    closeNote: z.string().nullable(),
    talkedAt: z.iso.datetime().nullable(),
    crisisId: z.uuid().nullable(),
    hasPlan: z.boolean(),
    plugin: z.object({ id: z.string(), version: z.string() }),
  })
  .openapi('Warning');

export const WarningListSchema = pageOf(WarningSchema, 'WarningList');

const WarningFilterQuery = z.object({
  status: WarningStatus.optional(),
  module: WarningModule.optional(),
  level: WarningLevel.optional(),
  studentId: z.uuid().optional(),
});

/** A page of the list (50 by default, like every list). */
export const WarningListQuery = PageQuery.extend(WarningFilterQuery.shape);

/** The export holds every match, unpaged. */
export const WarningExportQuery = WarningFilterQuery;

export const WarningParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const StudentParams = z.object({
  studentId: z.uuid().openapi({ param: { name: 'studentId', in: 'path' } }),
});

export const CloseWarningBody = z.object({ note: Text(2000) }).openapi('CloseWarning');
export const TalkBody = z.object({ note: Text(2000).optional() }).openapi('WarningTalk');

export const PlanBody = z
  .object({
    goals: Text(4000),
    actions: Text(4000),
    matchKind: z.enum(['peer', 'tutor']),
    matchName: Text(100),
    reviewOn: z.iso.date(),
  })
  .openapi('ImprovementPlanInput');

export const PlanSchema = PlanBody.extend({
  id: z.uuid(),
  warningId: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).openapi('ImprovementPlan');

export const WarningDetailSchema = WarningSchema.extend({ plan: PlanSchema.nullable() }).openapi(
  'WarningDetail',
);

export const StudentWarningsSchema = z
  .object({
    signals: z.record(z.string(), z.number()).openapi({ description: 'Signal values, never raw rows' }),
    signalNames: z.record(z.string(), Localized),
    term: z.string().nullable(),
    computedAt: z.iso.datetime().nullable(),
    warnings: z.array(WarningSchema),
    plans: z.array(PlanSchema),
  })
  .openapi('StudentWarnings');

const Count = z.object({ open: z.number().int(), cleared: z.number().int(), closed: z.number().int() });

export const WarningOverviewSchema = z
  .object({
    byModule: z.array(z.object({ module: WarningModule, level: WarningLevel }).extend(Count.shape)),
    byCollege: z.array(
      z
        .object({ collegeId: z.uuid(), collegeName: z.string(), module: WarningModule, level: WarningLevel })
        .extend(Count.shape),
    ),
    weekly: z.array(
      z.object({
        week: z.iso.date(),
        module: WarningModule,
        opened: z.number().int(),
        cleared: z.number().int(),
      }),
    ),
    kpi: z.object({
      target: z.number(),
      perCollege: z.array(
        z.object({
          term: z.string(),
          collegeId: z.uuid(),
          collegeName: z.string(),
          warned: z.number().int(),
          cleared: z.number().int(),
          share: z.number().nullable(),
        }),
      ),
    }),
  })
  .openapi('WarningOverview');

export const FeedOutcomeSchema = z
  .object({
    batchId: z.uuid(),
    feed: FeedKind,
    rowsTotal: z.number().int(),
    rowsWritten: z.number().int(),
    rowsUnchanged: z.number().int(),
  })
  .openapi('FeedOutcome');

export const FeedParams = z.object({ feed: FeedKind.openapi({ param: { name: 'feed', in: 'path' } }) });

/** A batch posted to the integration API: the rows of one feed as JSON objects (see the row fields per feed). */
export const FeedBatchBody = z
  .object({
    rows: z
      .array(z.record(z.string(), z.unknown()))
      .min(1)
      .max(20_000)
      .openapi({
        description:
          'grades: studentNumber, term (2025-2026-1), courseCode, courseName, credit, score (0–100) or grade, ' +
          'passed?, resit?; card: studentNumber, occurredAt (ISO 8601 or "YYYY-MM-DD HH:mm:ss" China time), ref, ' +
          `amount (yuan), place (${cardPlaces.join(', ')}); activity: studentNumber, occurredAt, source ` +
          `(${activitySources.join(', ')})`,
      }),
  })
  .openapi('FeedBatch');

export const FeedImportBody = z
  .object({ file: z.any().openapi({ type: 'string', format: 'binary' }) })
  .openapi('FeedImportUpload');

export const TokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    feeds: z.array(FeedKind),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .openapi('IntegrationToken');

export const TokenListSchema = z.object({ items: z.array(TokenSchema) }).openapi('IntegrationTokenList');
export const NewTokenBody = z
  .object({ name: Text(100), feeds: z.array(FeedKind).min(1) })
  .openapi('NewIntegrationToken');
export const CreatedTokenSchema = TokenSchema.extend({
  token: z.string().openapi({ description: 'The token itself: shown this once, stored only as its hash' }),
}).openapi('CreatedIntegrationToken');
export const TokenParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

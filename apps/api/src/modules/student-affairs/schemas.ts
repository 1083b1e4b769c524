import { z } from '@hono/zod-openapi';
import { AREA_IDS } from '@xinqiao/policy';
import { orNull } from '../../http/or-null.ts';

// The facts and results below are the shapes of the policy area contracts (@xinqiao/policy's staffing-ratio,
// funding-formula and training-hours): the platform defines them, a plugin only supplies the numbers. The routes
// return the service's StudentAffairsOverview through these schemas, so a contract change that is not mirrored
// here fails the API's typecheck.

export const academicYear = z.number().int().min(2000).max(2100);
export const employment = z.enum(['full_time', 'part_time']);
// numeric(6,1) in the database; the training-hours area accepts 0–2000.
export const trainingHours = z
  .number()
  .min(0)
  .max(2000)
  .refine((n) => Number.isInteger(n * 10), 'at most one decimal place');
const staffName = z.string().trim().min(1).max(50);
const staffType = z.enum(['full-time', 'part-time']);
const firedRules = z.array(z.string()).openapi({ description: 'Names of the plugin rules that fired' });

export const StaffMemberSchema = z
  .object({ id: z.string().uuid(), name: z.string(), employment, trainingHours: z.number() })
  .openapi('StudentAffairsStaffMember');

export const StaffingFigureSchema = z
  .object({
    facts: z.object({ enrolment: z.number().int(), fullTimeStaff: z.number().int().optional() }),
    result: z.object({
      studentsPerStaff: z
        .number()
        .nullable()
        .openapi({ description: 'Students per full-time teacher required; null with no students' }),
      requiredFullTimeStaff: z.number().int(),
      fullTimeStaff: z.number().int().nullable(),
      compliant: z.boolean().nullable().openapi({ description: 'null when fullTimeStaff was not given' }),
      shortfall: z.number().int().nullable(),
      ruleName: z.string().nullable(),
      firedRules,
    }),
    partTimeStaff: z.number().int(),
  })
  .openapi('StaffingFigure', {
    description: 'The staffing-ratio area: facts given and the plugin’s decision',
  });

export const FundingLineSchema = z
  .object({
    ruleName: z.string(),
    label: z.object({ zh: z.string(), en: z.string() }),
    perStudentYuan: z
      .number()
      .nullable()
      .openapi({ description: 'Yuan per student per year, for per-student lines' }),
    yuan: z.number(),
    ringFenced: z.boolean(),
  })
  .openapi('FundingLine');

export const FundingFigureSchema = z
  .object({
    facts: z.object({ enrolment: z.number().int() }),
    result: z.object({ yearlyYuan: z.number(), lines: z.array(FundingLineSchema), firedRules }),
  })
  .openapi('FundingFigure', { description: 'The funding-formula area: the yearly budget for the enrolment' });

export const TrainingFigureSchema = z
  .object({
    facts: z.object({ staffType, hours: z.number().optional() }),
    result: z.object({
      requiredHours: z.number(),
      hours: z.number().nullable(),
      compliant: z.boolean().nullable(),
      shortfallHours: z.number().nullable(),
      ruleName: z.string(),
      firedRules,
    }),
    staffId: z.string().uuid(),
  })
  .openapi('TrainingFigure', { description: 'The training-hours area for one staff member' });

export const AreaIssueSchema = z
  .object({
    area: z.enum(AREA_IDS),
    code: z.string().openapi({ description: 'The message code' }),
    message: z.string().openapi({ description: 'In the language of Accept-Language (zh-CN by default)' }),
  })
  .openapi('AreaIssue', { description: 'Why an area could not be computed' });

export const OverviewSchema = z
  .object({
    academicYear: z.number().int(),
    academicYears: z
      .array(z.number().int())
      .openapi({ description: 'Years with an enrolment figure and the current year, newest first' }),
    plugin: z.object({ id: z.string(), version: z.string() }),
    enrolment: z.number().int().nullable(),
    staff: z.array(StaffMemberSchema),
    staffing: orNull(StaffingFigureSchema),
    funding: orNull(FundingFigureSchema),
    training: z
      .object({
        requirements: z
          .object({ 'full-time': z.number().nullable(), 'part-time': z.number().nullable() })
          .openapi({ description: 'Required yearly hours per staff type; null when the plugin sets none' }),
        members: z.array(TrainingFigureSchema),
      })
      .nullable(),
    issues: z.array(AreaIssueSchema),
  })
  .openapi('StudentAffairsOverview');

export const EnrolmentBody = z
  .object({ academicYear, enrolment: z.number().int().min(0).max(1_000_000) })
  .strict()
  .openapi('EnrolmentChange');

export const NewStaffBody = z
  .object({ academicYear, name: staffName, employment, trainingHours })
  .strict()
  .openapi('NewStaffMember');

export const StaffChangeBody = z
  .object({ name: staffName, employment, trainingHours })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
  .openapi('StaffMemberChange');

import { z } from '@hono/zod-openapi';

const ShareSchema = z
  .object({
    done: z.number().int(),
    total: z.number().int(),
    share: z.number().nullable().openapi({ description: 'done / total; null when nothing is due yet' }),
  })
  .openapi('KpiShare');

const Figures = {
  tier1TalksInTime: ShareSchema.openapi({
    description: 'Tier-1 follow-ups talked to by their due date (the day the talk was held, China time)',
  }),
  concernsTriagedInTime: ShareSchema.openapi({ description: 'Concern reports triaged by their deadline' }),
  keyStudentsTalkedThisWeek: ShareSchema.openapi({
    description: 'Key students with a talk in the last week (work plan 5: every week)',
  }),
};

export const CaseWorkKpisSchema = z
  .object({
    colleges: z.array(z.object({ collegeId: z.uuid(), collegeName: z.string(), ...Figures })),
    school: z.object(Figures),
  })
  .openapi('CaseWorkKpis');

import { z } from '@hono/zod-openapi';
import { WORK_KINDS } from './types.ts';

const WorkKind = z.enum(WORK_KINDS).openapi('WorkKind');
const Tally = { count: z.number().int(), overdue: z.number().int(), selfHarm: z.number().int() };

export const WorkItemSchema = z
  .object({
    kind: WorkKind,
    id: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    student: z
      .object({
        id: z.uuid(),
        name: z.string(),
        studentNumber: z.string(),
        className: z.string(),
        collegeName: z.string(),
      })
      .nullable(),
    dueAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'When the deadline runs out (a due date: its midnight, China time)' }),
    dueOn: z.iso.date().nullable().openapi({ description: 'The deadline’s day in China' }),
    overdue: z.boolean(),
    selfHarm: z.boolean().openapi({ description: 'A self-harm finding is behind it: listed first' }),
    isNew: z
      .boolean()
      .openapi({ description: 'Given to the caller in the last three days, not worked on yet' }),
    reasons: z
      .array(
        z.object({ ruleName: z.string(), zh: z.string(), en: z.string(), selfHarm: z.boolean().optional() }),
      )
      .openapi({
        description: 'The tier reasons of the stored screening decision (callers who read screening)',
      }),
    decision: z.object({ pluginId: z.string(), pluginVersion: z.string() }).nullable(),
    link: z
      .string()
      .openapi({ description: 'The shell path where it is handled', example: '/college-station/cases/…' }),
  })
  .openapi('WorkItem');

const CountsShape = {
  total: z.number().int(),
  counts: z
    .array(z.object({ kind: WorkKind, ...Tally }))
    .openapi({ description: 'Per kind, every kind listed' }),
  modules: z.array(z.object({ path: z.string(), ...Tally })).openapi({
    description: 'Per office module the items link into (`/college-station`…), for the navigation',
  }),
};

export const MyWorkSchema = z
  .object({ items: z.array(WorkItemSchema).openapi({ description: 'Most urgent first' }), ...CountsShape })
  .openapi('MyWork');

export const MyWorkCountsSchema = z.object(CountsShape).openapi('MyWorkCounts');

export const MyWorkQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .openapi({ description: 'How many items to list' }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(0)
    .openapi({ description: 'How many of the most urgent items to skip (the next page)' }),
  kind: WorkKind.optional().openapi({
    description:
      'Only items of this kind (the counts stay over all of them; the kind’s count says how many match)',
  }),
});

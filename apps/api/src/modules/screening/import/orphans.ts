import { backgroundJobs, queryRows, schools, screeningImports } from '@xinqiao/db';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { message } from '../../../http/problem.ts';
import { defineJob } from '../../../jobs/kind.ts';
import { schoolJobScope } from '../../../jobs/runner-transaction.ts';
import { defineIntervalSchedule } from '../../../jobs/schedule.ts';
import { markImportFailed } from './queries.ts';

/**
 * The sweep that ends imports no job carries any more: an import `running` whose job is neither queued nor running
 * (it was started before imports ran as jobs, in a process that then crashed, or its job row was lost) would show
 * `running` for ever. It ends `failed` with the reason, like an import whose job gave up. Imports created after
 * the sweep looked at the jobs are left alone (their job may be committing with them).
 */
export const orphanedImportsSweepJob = defineJob({
  name: 'screening.orphaned-imports',
  payload: z.object({}),
  retry: { maxAttempts: 3, backoffMs: () => 60_000 },
  async run(_payload, ctx) {
    const { carried, lookedAt, all } = await ctx.asJobRunner(async (tx) => {
      const [row] = await queryRows<{ now: Date | string }>(tx, sql`SELECT now() AS now`);
      const jobs = await tx
        .select({ payload: backgroundJobs.payload })
        .from(backgroundJobs)
        .where(
          and(
            eq(backgroundJobs.kind, 'screening.import'),
            inArray(backgroundJobs.state, ['queued', 'running']),
          ),
        );
      return {
        carried: new Set(jobs.map((job) => (job.payload as { importId?: string }).importId)),
        lookedAt: new Date(row!.now),
        all: await tx.select({ id: schools.id }).from(schools),
      };
    });
    let ended = 0;
    for (const school of all) {
      await ctx.inTenant(schoolJobScope(school.id, ['screening.manage']), async (tx) => {
        const running = await tx
          .select({ id: screeningImports.id })
          .from(screeningImports)
          .where(and(eq(screeningImports.status, 'running'), lt(screeningImports.createdAt, lookedAt)));
        for (const { id } of running.filter((r) => !carried.has(r.id))) {
          await markImportFailed(tx, id, message('screening.import-orphaned'));
          ended++;
        }
      });
    }
    if (ended > 0) ctx.deps.log(`screening imports: ${ended} left running without a job ended failed`);
  },
});

/** Every ten minutes, all schools (the first run ten minutes after a process first starts). */
export const orphanedImportsSweep = defineIntervalSchedule({
  name: 'screening-orphaned-imports',
  kind: orphanedImportsSweepJob,
  payload: {},
  everyMinutes: 10,
});

import { backgroundJobs, schools } from '@xinqiao/db';
import { and, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { deleteExpiredSessions } from '../auth/sessions.ts';
import { deleteFilesOfEndedImports } from '../modules/screening/import/stored-file.ts';
import { defineJob } from './kind.ts';
import { runAsJobRunner, schoolJobScope } from './runner-transaction.ts';
import { defineDailySchedule } from './schedule.ts';

/** Days an ended import's uploaded file is kept (to look into a problem) before the clean-up deletes it. */
export const IMPORT_FILE_KEEP_DAYS = 7;
/** Days a finished job's row is kept. */
export const FINISHED_JOB_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The daily clean-up of every school: expired sessions, the stored files of imports that ended more than
 * {@link IMPORT_FILE_KEEP_DAYS} days ago, and finished jobs older than {@link FINISHED_JOB_KEEP_DAYS} days.
 * Each school in its own transaction, scoped to it (RLS applies as everywhere).
 */
export const dailyCleanUpJob = defineJob({
  name: 'platform.daily-clean-up',
  payload: z.object({}),
  retry: { maxAttempts: 3, backoffMs: () => 10 * 60_000 },
  async run(_payload, ctx) {
    const now = ctx.deps.clock();
    const all = await runAsJobRunner(ctx.deps.db, (tx) => tx.select({ id: schools.id }).from(schools));
    let sessionsDeleted = 0;
    let filePartsDeleted = 0;
    for (const school of all) {
      await ctx.inTenant(schoolJobScope(school.id, ['screening.manage']), async (tx) => {
        sessionsDeleted += await deleteExpiredSessions(tx, now, ctx.deps.config);
        filePartsDeleted += await deleteFilesOfEndedImports(
          tx,
          new Date(now.getTime() - IMPORT_FILE_KEEP_DAYS * DAY_MS),
        );
      });
    }
    await runAsJobRunner(ctx.deps.db, (tx) =>
      tx
        .delete(backgroundJobs)
        .where(
          and(
            inArray(backgroundJobs.state, ['done', 'failed']),
            lt(backgroundJobs.finishedAt, new Date(now.getTime() - FINISHED_JOB_KEEP_DAYS * DAY_MS)),
          ),
        ),
    );
    ctx.deps.log(
      `daily clean-up: ${sessionsDeleted} expired sessions, ${filePartsDeleted} stored file parts deleted`,
    );
  },
});

/** The clean-up runs at 03:30 China time, when nobody screens or counsels. */
export const dailyCleanUpSchedule = defineDailySchedule({
  name: 'daily-clean-up',
  kind: dailyCleanUpJob,
  payload: {},
  at: '03:30',
});

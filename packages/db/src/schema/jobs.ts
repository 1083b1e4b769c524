import { sql } from 'drizzle-orm';
import {
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId } from './columns.ts';
import { schools } from './schools.ts';
import { screeningImports } from './screening.ts';

export const jobStates = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

/**
 * Background work kept in the database so it outlives the process that asked for it: any API process claims a due
 * job (`FOR UPDATE SKIP LOCKED`), holds it by a lease it renews while it works, and marks it done or failed. A job
 * whose lease ran out (its process died) is claimed again, or failed after `max_attempts`. Platform table: a
 * request may only add jobs of its own school (RLS); only the job runner (`xq.job_runner`) reads or changes them.
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: id(),
    /** The school the work is for; null for platform work (the daily clean-up). */
    schoolId: uuid('school_id').references(() => schools.id),
    /** The registered job kind (`screening.import`, `platform.daily-clean-up`…). */
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    state: text('state').$type<JobState>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** Not before this time (a retry waits out its back-off). */
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** The process holding the job, and until when: past it, another process may take the job over. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('background_jobs_queued_idx').on(t.runAt).where(sql`state = 'queued'`),
    index('background_jobs_running_idx').on(t.lockedUntil).where(sql`state = 'running'`),
  ],
);

/** A job kind run once a day: the process that moves `next_run_at` on enqueues that day's job. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * An uploaded screening file, in parts of up to 1 MiB, kept in the database so that whichever API process runs
 * the import (now or after a crash) can read it. Removed by the daily clean-up some days after the import ends.
 */
export const screeningImportFiles = pgTable(
  'screening_import_files',
  {
    schoolId: schoolId().references(() => schools.id),
    importId: uuid('import_id').notNull(),
    part: integer('part').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.part] }),
    foreignKey({
      name: 'screening_import_files_import_school_fk',
      columns: [t.importId, t.schoolId],
      foreignColumns: [screeningImports.id, screeningImports.schoolId],
    }),
  ],
);

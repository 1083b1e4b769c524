import { backgroundJobs, jobSchedules, queryRows, type UnscopedTx } from '@xinqiao/db';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { JobKind } from './kind.ts';

/** A platform job enqueued once a day at a time of day in China time (UTC+8, no daylight saving). */
export interface DailySchedule<P = unknown> {
  /** Key of the schedule's row: one run per day across every API process. */
  name: string;
  kind: JobKind<P>;
  payload: P;
  /** 'HH:MM', China time. */
  at: string;
}

/** A platform job enqueued every `everyMinutes` minutes: a sweep that catches what a lost job left behind. */
export interface IntervalSchedule<P = unknown> {
  /** Key of the schedule's row: one run per interval across every API process. */
  name: string;
  kind: JobKind<P>;
  payload: P;
  everyMinutes: number;
}

/** Either kind of schedule the worker enqueues. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds schedules of every payload type
export type JobSchedule = DailySchedule<any> | IntervalSchedule<any>;

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Declares a daily platform job. Register it in `apps/api/src/jobs/kinds.ts`; the first worker that finds it due
 * enqueues the day's job and moves it to the next day.
 *
 * @example
 * export const dailyCleanUpSchedule = defineDailySchedule({ name: 'daily-clean-up', kind: dailyCleanUpJob, payload: {}, at: '03:30' });
 */
export function defineDailySchedule<P>(schedule: DailySchedule<P>): DailySchedule<P> {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(schedule.at)) {
    throw new Error(`schedule ${schedule.name}: at must be HH:MM, got ${schedule.at}`);
  }
  return schedule;
}

/**
 * Declares a platform job enqueued every `everyMinutes` minutes (at least 1). Register it in
 * `apps/api/src/jobs/kinds.ts`; the first worker that finds it due enqueues the job and moves it on.
 *
 * @example
 * export const outboxSweep = defineIntervalSchedule({ name: 'outbox-sweep', kind: deliverJob, payload: {}, everyMinutes: 5 });
 */
export function defineIntervalSchedule<P>(schedule: IntervalSchedule<P>): IntervalSchedule<P> {
  if (!Number.isInteger(schedule.everyMinutes) || schedule.everyMinutes < 1) {
    throw new Error(`schedule ${schedule.name}: everyMinutes must be a whole number of minutes, at least 1`);
  }
  return schedule;
}

/** When a schedule is next due after `after`. */
export function nextRunOf(schedule: JobSchedule, after: Date): Date {
  if ('at' in schedule) return nextDailyRun(after, schedule.at);
  return new Date(after.getTime() + schedule.everyMinutes * 60_000);
}

/**
 * The first moment strictly after `after` at which a China-time clock shows `at` ('HH:MM').
 *
 * @example
 * nextDailyRun(new Date('2026-09-01T20:00:00Z'), '03:30'); // 2026-09-01T19:30Z is past → 2026-09-02T19:30:00Z
 */
export function nextDailyRun(after: Date, at: string): Date {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  const wall = new Date(after.getTime() + CHINA_OFFSET_MS); // its UTC fields read the China wall clock
  let next =
    Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), hours, minutes) - CHINA_OFFSET_MS;
  if (next <= after.getTime()) next += DAY_MS;
  return new Date(next);
}

async function databaseNow(tx: UnscopedTx): Promise<Date> {
  const [row] = await queryRows<{ now: Date | string }>(tx, sql`SELECT now() AS now`);
  return new Date(row!.now);
}

/** Adds the schedules this process knows and the database does not yet, first due at their next run. */
export async function registerSchedules(tx: UnscopedTx, schedules: readonly JobSchedule[]): Promise<void> {
  if (schedules.length === 0) return;
  const now = await databaseNow(tx);
  await tx
    .insert(jobSchedules)
    .values(schedules.map((s) => ({ name: s.name, nextRunAt: nextRunOf(s, now) })))
    .onConflictDoNothing();
}

/**
 * Enqueues the job of every schedule that is due and moves the schedule to its next day, in one transaction: of
 * several processes checking at once, the one whose update finds the schedule still due enqueues it; the others'
 * updates find it moved on. Answers the names enqueued.
 */
export async function enqueueDueSchedules(
  tx: UnscopedTx,
  schedules: readonly JobSchedule[],
): Promise<string[]> {
  const now = await databaseNow(tx);
  const enqueued: string[] = [];
  for (const schedule of schedules) {
    const moved = await tx
      .update(jobSchedules)
      .set({ nextRunAt: nextRunOf(schedule, now), lastRunAt: now })
      .where(and(eq(jobSchedules.name, schedule.name), lte(jobSchedules.nextRunAt, now)))
      .returning({ name: jobSchedules.name });
    if (moved.length === 0) continue;
    await tx.insert(backgroundJobs).values({
      schoolId: null,
      kind: schedule.kind.name,
      payload: schedule.kind.payload.parse(schedule.payload),
      maxAttempts: schedule.kind.retry.maxAttempts,
    });
    enqueued.push(schedule.name);
  }
  return enqueued;
}

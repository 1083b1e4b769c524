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

/** Adds the schedules this process knows and the database does not yet, first due at their next time of day. */
export async function registerSchedules(tx: UnscopedTx, schedules: readonly DailySchedule[]): Promise<void> {
  if (schedules.length === 0) return;
  const now = await databaseNow(tx);
  await tx
    .insert(jobSchedules)
    .values(schedules.map((s) => ({ name: s.name, nextRunAt: nextDailyRun(now, s.at) })))
    .onConflictDoNothing();
}

/**
 * Enqueues the job of every schedule that is due and moves the schedule to its next day, in one transaction: of
 * several processes checking at once, the one whose update finds the schedule still due enqueues it; the others'
 * updates find it moved on. Answers the names enqueued.
 */
export async function enqueueDueSchedules(
  tx: UnscopedTx,
  schedules: readonly DailySchedule[],
): Promise<string[]> {
  const now = await databaseNow(tx);
  const enqueued: string[] = [];
  for (const schedule of schedules) {
    const moved = await tx
      .update(jobSchedules)
      .set({ nextRunAt: nextDailyRun(now, schedule.at), lastRunAt: now })
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

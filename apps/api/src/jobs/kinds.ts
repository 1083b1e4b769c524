import { crisisEscalationJob, crisisEscalationSweep } from '../modules/crises/job.ts';
import { onlineResultJob } from '../modules/me/job.ts';
import { deliverNotificationsJob, outboxSweep } from '../modules/notifications/delivery/job.ts';
import { screeningImportJob } from '../modules/screening/import/job.ts';
import { orphanedImportsSweep, orphanedImportsSweepJob } from '../modules/screening/import/orphans.ts';
import { dailyWarningsJob, dailyWarningsSchedule, evaluateWarningsJob } from '../modules/warnings/job.ts';
import { dailyCleanUpJob, dailyCleanUpSchedule } from './daily-clean-up.ts';
import type { JobKind } from './kind.ts';
import { refreshStatisticsJob, refreshStatisticsSchedule } from './refresh-statistics.ts';
import type { JobSchedule } from './schedule.ts';

/**
 * Every kind of background job the API runs. A new kind: `defineJob` beside the module's code, then add it here
 * (a process claims only the kinds listed, so a job enqueued by a newer version waits for a process that knows it).
 */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every payload type
export const jobKinds: readonly JobKind<any>[] = [
  screeningImportJob,
  onlineResultJob,
  dailyCleanUpJob,
  deliverNotificationsJob,
  crisisEscalationJob,
  orphanedImportsSweepJob,
  refreshStatisticsJob,
  evaluateWarningsJob,
  dailyWarningsJob,
];

/** Every schedule (daily, or every few minutes). */
export const jobSchedules: readonly JobSchedule[] = [
  dailyCleanUpSchedule,
  outboxSweep,
  crisisEscalationSweep,
  orphanedImportsSweep,
  refreshStatisticsSchedule,
  dailyWarningsSchedule,
];

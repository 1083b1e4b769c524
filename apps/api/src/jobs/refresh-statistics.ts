import { refreshStatistics } from '@xinqiao/db';
import { z } from 'zod';
import { defineJob } from './kind.ts';
import { defineDailySchedule } from './schedule.ts';

/**
 * Gathers the planner's statistics (ANALYZE of the platform's tables, `refreshStatistics`): every night, and after
 * a large import (a screening wave, a student list), so the hot queries keep their index plans as the data grows.
 * PGlite runs no autovacuum, so nothing else would; on PostgreSQL it only brings autovacuum's next pass forward.
 * ANALYZE runs as the database's owner and reads no school's rows into the job (docs/performance.md).
 */
export const refreshStatisticsJob = defineJob({
  name: 'platform.refresh-statistics',
  payload: z.object({}),
  retry: { maxAttempts: 2, backoffMs: () => 10 * 60_000 },
  async run(_payload, ctx) {
    const started = Date.now();
    const tables = await refreshStatistics(ctx.deps.db);
    ctx.deps.log(`statistics refreshed: ${tables.length} tables in ${Date.now() - started} ms`);
  },
});

/** Nightly at 04:00 China time, after the clean-up and before anyone works. */
export const refreshStatisticsSchedule = defineDailySchedule({
  name: 'refresh-statistics',
  kind: refreshStatisticsJob,
  payload: {},
  at: '04:00',
});

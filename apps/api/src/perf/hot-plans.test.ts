import { readFileSync } from 'node:fs';
import { testDatabaseKind } from '@xinqiao/db/testing';
import { describe, expect, it } from 'vitest';
import { collectHotPlans, HOT_PLANS_COMMAND, HOT_PLANS_PATH } from './hot-plans.ts';

// The checked-in plans are PGlite's (the planner of a PostgreSQL server of another version may differ in detail).
describe.skipIf(testDatabaseKind() === 'postgres')('perf/hot plans', () => {
  it('equal the checked-in hot-plans.txt', { timeout: 240_000 }, async () => {
    const plans = await collectHotPlans();
    expect(
      plans,
      `apps/api/src/perf/hot-plans.txt is stale: a change altered the plan of a hot route's statement; run \`${HOT_PLANS_COMMAND}\` and review the diff`,
    ).toBe(readFileSync(HOT_PLANS_PATH, 'utf8'));
  });

  it("reads the counsellor's students through the placement index, not the whole school", () => {
    const plans = readFileSync(HOT_PLANS_PATH, 'utf8');
    for (const title of ['-- GET /api/students (200)', '-- GET /api/students?withTotal=true (200)']) {
      const start = plans.indexOf(title);
      expect(start, title).toBeGreaterThanOrEqual(0);
      const list = plans.slice(start, plans.indexOf('\n-- GET ', start + 1));
      expect(list, title).toMatch(/students_placement_idx|students_school_number_unique/);
      expect(list, title).not.toMatch(/Seq Scan on students\b/);
    }
  });
});

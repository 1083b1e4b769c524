// `pnpm --filter @xinqiao/api plans:profile`: prints the hot routes' median in-process time and each statement's
// EXPLAIN (ANALYZE, BUFFERS) on a freshly seeded PGlite, to see where a request's time goes (docs/performance.md).
// PROFILE_DATABASE_URL (PostgreSQL) or PROFILE_PGLITE_DIR (PGlite) profiles a data set the bench seeded instead,
// e.g. its 30,000-student school (BENCH_STUDENTS=30000 with bench/api-server.ts).
import { collectHotPlans } from './hot-plans.ts';

console.log(
  await collectHotPlans(true, {
    url: process.env.PROFILE_DATABASE_URL || undefined,
    dataDir: process.env.PROFILE_PGLITE_DIR || undefined,
  }),
);

// `pnpm --filter @xinqiao/api plans:profile`: prints the hot routes' median in-process time and each statement's
// EXPLAIN (ANALYZE, BUFFERS) on a freshly seeded PGlite, to see where a request's time goes (docs/performance.md).
import { collectHotPlans } from './hot-plans.ts';

console.log(await collectHotPlans(true));

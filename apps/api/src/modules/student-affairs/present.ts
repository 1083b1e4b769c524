import type { z } from '@hono/zod-openapi';
import type { StudentAffairsOverview } from './overview.ts';
import type { OverviewSchema } from './schemas.ts';

type OverviewJson = z.infer<typeof OverviewSchema>;
type Writable<T> = T extends readonly (infer E)[]
  ? Writable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

/**
 * The overview as the API answers it. The policy results are readonly interfaces; the schema's type is the same
 * shape, writable (the cast is checked: a field the schema lacks or types otherwise fails here).
 */
export function presentOverview(overview: StudentAffairsOverview): OverviewJson {
  return overview as Writable<StudentAffairsOverview>;
}

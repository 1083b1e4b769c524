import type { z } from '@hono/zod-openapi';
import { type MessageLocale, renderMessage } from '../../http/problem.ts';
import type { StudentAffairsOverview } from './overview.ts';
import type { OverviewSchema } from './schemas.ts';

type OverviewJson = z.infer<typeof OverviewSchema>;
type Writable<T> = T extends readonly (infer E)[]
  ? Writable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

/**
 * The overview as the API answers it, its issues in the reader's language. The policy results are readonly
 * interfaces; the schema's type is the same shape, writable (the cast is checked: a field the schema lacks or types
 * otherwise fails here).
 */
export function presentOverview(overview: StudentAffairsOverview, locale: MessageLocale): OverviewJson {
  const issues = overview.issues.map(({ area, message }) => ({
    area,
    code: message.code,
    message: renderMessage(message, locale),
  }));
  return { ...(overview as Writable<Omit<StudentAffairsOverview, 'issues'>>), issues };
}

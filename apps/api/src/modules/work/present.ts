import type { z } from '@hono/zod-openapi';
import type { WorkItemSchema } from './schemas.ts';
import type { WorkItem } from './types.ts';

/** A work item as the API answers it. */
export function presentWorkItem(item: WorkItem): z.infer<typeof WorkItemSchema> {
  return { ...item, dueAt: item.dueAt?.toISOString() ?? null };
}

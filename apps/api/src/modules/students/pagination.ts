import { z } from '@hono/zod-openapi';

/** The largest page any list answers: a bigger request is a 400 naming `pageSize`, not a silent cut. */
export const MAX_PAGE_SIZE = 200;

/** `page` (from 1) and `pageSize` (1–200, default 50) query parameters, shared by every paginated list. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).openapi({ example: 50 }),
});

export type PageRequest = z.infer<typeof PageQuery>;

/**
 * A page of items with the total count of the whole filtered list, for the OpenAPI document.
 *
 * @example
 * const StudentPage = pageOf(StudentListItemSchema, 'StudentPage');
 */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int().openapi({ description: 'Items matching the filter, over all pages' }),
    })
    .openapi(name);
}

/** The SQL LIMIT and OFFSET of a page. */
export function limitOffset(page: PageRequest): { limit: number; offset: number } {
  return { limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
}

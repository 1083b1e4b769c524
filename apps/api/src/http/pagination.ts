import { z } from '@hono/zod-openapi';
import { type Column, ilike, like, type SQL } from 'drizzle-orm';

/** The largest page any list route answers, so one request cannot ask for a whole school. */
export const MAX_PAGE_SIZE = 200;

/**
 * The `page` (1-based) and `pageSize` query parameters shared by every paginated list route.
 *
 * @example
 * ```ts
 * const Query = PageQuery.extend({ q: z.string().optional() });
 * ```
 */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).openapi({ example: 50 }),
});

export type PageRequest = z.infer<typeof PageQuery>;

/** One page of a list: its items, the total across all pages, and which page this is. */
export interface Page<T> {
  items: T[];
  total: number;
  /** False when `total` is a lower bound (a list that counts no further than {@link countBound}). */
  totalExact?: boolean;
  page: number;
  pageSize: number;
}

/** The fewest rows a bounded list counts before it answers "at least this many" (docs/performance.md). */
export const COUNT_LIMIT = 2000;

/**
 * How far a list counts the rows it could show: {@link COUNT_LIMIT}, or ten pages past the requested one when that
 * is further. Counting every visible row on every page would cost as much as the whole visible set (a whole school
 * for the center's staff); counting to a bound costs about as much as the page, and the pager still reaches every
 * page (each further page counts further).
 *
 * @example
 * ```ts
 * countBound({ page: 1, pageSize: 50 }); // 2000
 * countBound({ page: 100, pageSize: 50 }); // 5450
 * ```
 */
export function countBound(page: PageRequest): number {
  const { limit, offset } = limitOffset(page);
  return Math.max(COUNT_LIMIT, offset + limit * 11);
}

/** The `total` and `totalExact` of a page from a count of at most `bound + 1` rows (see {@link countBound}). */
export function boundedTotal(counted: number, bound: number): { total: number; totalExact: boolean } {
  return counted > bound ? { total: bound, totalExact: false } : { total: counted, totalExact: true };
}

/**
 * The OpenAPI schema of a page of `item`, registered under `name`.
 *
 * @example
 * ```ts
 * const UnitPage = pageOf(UnitSchema, 'UnitPage');
 * ```
 */
export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().openapi({ description: 'Items across all pages' }),
      totalExact: z.boolean().optional().openapi({
        description: 'false when total is a lower bound: the list counted no further (there are more items)',
      }),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .openapi(name);
}

/** The SQL `limit` and `offset` of a page request. */
export function limitOffset(page: PageRequest): { limit: number; offset: number } {
  return { limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
}

/**
 * A page read with `count(*) OVER () AS total` (the total of every match on each row, for lists that sort every
 * match anyway): its rows without the column, and the total. A page past the end has no row to carry it, so
 * `countAlone` counts then.
 *
 * @example
 * ```ts
 * const counted = await queryRows<Row & { total: number }>(tx, sql`SELECT …, count(*) OVER ()::int AS total …`);
 * return pageWithWindowTotal(counted, offset, () => countMatches(tx));
 * ```
 */
export async function pageWithWindowTotal<R>(
  counted: readonly (R & { total: number })[],
  offset: number,
  countAlone: () => Promise<number>,
): Promise<{ rows: R[]; total: number }> {
  const rows = counted.map(({ total: _total, ...row }) => row as R);
  const total = counted.length > 0 || offset === 0 ? (counted[0]?.total ?? 0) : await countAlone();
  return { rows, total };
}

/**
 * A `LIKE` pattern that matches `text` anywhere, with `%`, `_` and `\` in the text matched literally. The pattern is
 * bound as a parameter like any other value; escaping only keeps the user's characters from acting as wildcards.
 *
 * @example
 * ```ts
 * ilike(units.name, containsPattern('50%')); // matches "50%", not "500"
 * ```
 */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * `column` contains `text`, case ignored: the search box of a list. Text with no upper or lower case (Chinese names,
 * student numbers of digits) is matched with `LIKE`, which finds the same rows: `ILIKE` lowers every row's text before
 * comparing, and cost three times as much per row (a counsellor's name search at 30,000 students: 16 → 10 ms on
 * PostgreSQL, 37 → 24 ms on PGlite; docs/performance.md, fourteenth session).
 *
 * @example
 * ```ts
 * containsText(students.name, '徐月'); // name LIKE '%徐月%'
 * containsText(students.name, 'Li'); // name ILIKE '%Li%'
 * ```
 */
export function containsText(column: Column, text: string): SQL {
  const pattern = containsPattern(text);
  return text.toLowerCase() === text.toUpperCase() ? like(column, pattern) : ilike(column, pattern);
}

/** A `LIKE` pattern for "starts with `prefix`", escaped like {@link containsPattern}. */
export function prefixPattern(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

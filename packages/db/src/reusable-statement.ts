import type { Tx } from './database.ts';

/** What `build` returns: a drizzle query, not yet run, with `sql.placeholder(name)` where the values go. */
export interface PreparableQuery<R> {
  prepare(name: string): PreparedRead<R>;
}

interface PreparedRead<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** The parts of drizzle's session a prepared query reads when it runs (drizzle-orm 0.45, both drivers). */
interface DriverSession {
  client: unknown;
  logger: unknown;
}

/**
 * A read whose SQL text drizzle builds once and whose values change per call. Building a query's text (drizzle
 * walks the query's parts, checking each one's class) was a fifth of the API's CPU on PostgreSQL for the case list
 * and a third for My work (docs/performance.md). `build` makes the query with `sql.placeholder(name)` where the
 * values go; the first call prepares it (drizzle's `.prepare()`: text, parameters and result mapping), every call
 * runs it with its `values` in the given transaction, so RLS, the role and the school's settings apply as to any
 * statement of the transaction. Dynamic shapes (filters that add conditions) get one reusable statement per shape.
 *
 * It relies on two fields of drizzle's objects, the same in both drivers of the pinned drizzle-orm: a transaction's
 * `session` (`client`, `logger`) and a prepared query's `client` and `logger`, which a call replaces with its
 * transaction's. The tests of this file run it on both databases.
 *
 * @example
 * const casesOf = reusableStatement((tx) =>
 *   tx.select().from(cases).where(eq(cases.studentId, sql.placeholder('studentId'))),
 * );
 * const rows = await casesOf(tx, { studentId });
 */
export function reusableStatement<T extends Tx, R>(
  build: (tx: T) => PreparableQuery<R>,
): (tx: T, values: Record<string, unknown>) => Promise<R> {
  // One per driver: PGlite's and postgres.js's prepared queries differ (how they call their client).
  const prepared = new Map<unknown, PreparedRead<R>>();
  return (tx, values) => {
    const session = (tx as unknown as { session: DriverSession }).session;
    let read = prepared.get(session.constructor);
    if (!read) {
      read = build(tx).prepare('xq_reusable');
      prepared.set(session.constructor, read);
    }
    const inThisTransaction = Object.create(read, {
      client: { value: session.client },
      logger: { value: session.logger },
    }) as PreparedRead<R>;
    return inThisTransaction.execute(values);
  };
}

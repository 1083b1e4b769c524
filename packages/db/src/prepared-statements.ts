import type { Sql } from 'postgres';

/**
 * The postgres.js client with every parameterised statement sent as a named prepared statement, in and out of
 * transactions. drizzle asks for unnamed statements unless a query is built with `.prepare(name)`, so PostgreSQL
 * parsed and planned each statement of each request again; the plans of the RLS-heavy statements (a policy calling
 * a function per table, four tables joined) took longer than running them (1–7 ms against well under 1 ms). A named
 * statement is parsed once per connection and, after a few runs, keeps a generic plan: the policies read the
 * caller's scope with current_setting() when the plan runs, never from the plan, and PostgreSQL plans again when
 * the role changes, so a cached plan shows exactly what a fresh one would. Statements without parameters (SET
 * LOCAL ROLE, ANALYZE of listed tables) stay unnamed, so text built per call never fills the cache; postgres.js
 * also closes each connection after 30–60 minutes, and its statements with it.
 *
 * @example
 * const orm = drizzle(preparedStatements(postgres(url)));
 */
export function preparedStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
          target.unsafe(query, params as never, {
            ...options,
            prepare: params !== undefined && params.length > 0 ? true : (options?.prepare ?? false),
          });
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: Sql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, (tx: Sql) =>
            work(preparedStatements(tx)),
          );
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

import { sql } from 'drizzle-orm';
import { type Database, queryRows, withOwnerConnection } from './database.ts';

/**
 * Which tables {@link refreshStatistics} analyses: all of the platform's, or only those never analysed yet (new
 * tables after a migration, a database seeded before statistics were kept) — cheap enough for every start.
 */
export type StatisticsScope = 'all' | 'never-analysed';

/**
 * Runs ANALYZE on the platform's tables, as the tables' owner (over `Database.asOwner` on PostgreSQL) and outside any
 * tenant transaction, and answers the tables analysed. The planner needs the row counts and value distributions
 * ANALYZE gathers to use the indexes; PGlite runs no autovacuum, so without this nothing ever gathers them (and a
 * PostgreSQL server's autovacuum only gets round to it some time after a seed or a large import). ANALYZE reads
 * every school's rows but exposes none: `pg_stats` hides the statistics of tables under row-level security from
 * roles RLS applies to, and the planner uses them only with leakproof operators.
 *
 * @example
 * await refreshStatistics(db);                     // after seeding, after a large import, on the nightly schedule
 * await refreshStatistics(db, 'never-analysed');  // at start: tables a migration added
 */
export async function refreshStatistics(db: Database, scope: StatisticsScope = 'all'): Promise<string[]> {
  // On PostgreSQL the request connections own nothing (issue 16.4): ANALYZE runs over a short owner connection.
  return withOwnerConnection(db, async (owner) => {
    // reltuples is -1 until a table is first analysed or vacuumed (PostgreSQL 14 and later; PGlite is 17).
    const tables = await queryRows<{ name: string }>(
      owner,
      sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(c.relowner, 'USAGE')
            AND (${scope} = 'all' OR c.reltuples < 0)
          ORDER BY c.relname`,
    );
    if (tables.length === 0) return [];
    const names = tables.map((t) => `"${t.name.replaceAll('"', '""')}"`).join(', ');
    await owner.execute(sql.raw(`ANALYZE ${names}`));
    return tables.map((t) => t.name);
  });
}

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction of either driver. Services never see this type: they get a {@link TenantTx}. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: drizzle over PGlite (embedded) or over a PostgreSQL server. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly orm: Orm;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  /** Run the checked-in migrations (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  maxConnections?: number;
}

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Opens the database the way the platform runs: PostgreSQL when `url` is given, PGlite in `dataDir` otherwise,
 * and brings it to the latest migration. On PostgreSQL it refuses a role that would bypass row-level security.
 *
 * @example
 * const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: '.data/pglite' });
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const database = options.url
    ? await openPostgres(options.url, options.maxConnections ?? 10)
    : await openPglite(options.dataDir);
  try {
    if (database.kind === 'postgres') await assertRoleCannotBypassRls(database.orm);
    if (options.migrate !== false) await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * PGlite's settings. Its default 128 MB buffer pool is touched in full when the database opens (~100 MB of resident
 * memory before any data); 32 MB keeps the embedded server and a 50,000-row import well under 500 MB, and the
 * operating system's file cache still holds the data files. A PostgreSQL server is tuned by its administrator.
 */
export const PGLITE_CONFIGURATION = ['shared_buffers = 32MB'];

async function openPglite(dataDir = 'memory://'): Promise<Database> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, postgresqlconf: PGLITE_CONFIGURATION });
  const orm = drizzlePglite(client, { schema }) as unknown as Orm;
  return { kind: 'pglite', orm, close: () => client.close() };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'xinqiao' } });
  const orm = drizzlePostgres(client, { schema }) as unknown as Orm;
  return { kind: 'postgres', orm, close: () => client.end({ timeout: 5 }) };
}

/** Applies the checked-in drizzle-kit migrations (schema, then RLS policies, grants and triggers). */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.orm as never, { migrationsFolder });
  } else {
    await migratePostgres(database.orm as never, { migrationsFolder });
  }
}

/** Thrown when the server's role could read every school's rows. */
export class UnsafeDatabaseRoleError extends Error {
  override name = 'UnsafeDatabaseRoleError';
}

async function assertRoleCannotBypassRls(orm: Orm): Promise<void> {
  const rows = await queryRows<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
    orm,
    sql`SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
  );
  const role = rows[0];
  if (!role || role.rolsuper || role.rolbypassrls) {
    throw new UnsafeDatabaseRoleError(
      `database role "${role?.rolname ?? '?'}" is a superuser or has BYPASSRLS; connect as an ordinary role (see README)`,
    );
  }
}

/**
 * Runs a drizzle `sql` query (values bound as parameters) and returns its rows, whichever driver is underneath.
 *
 * @example
 * const [row] = await queryRows<{ now: Date }>(tx, sql`SELECT now() AS now`);
 */
export async function queryRows<T>(orm: Orm | Tx, query: SQL): Promise<T[]> {
  const result = (await orm.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

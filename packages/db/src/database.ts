import { createHmac } from 'node:crypto';
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
import { pgErrorOf } from './errors.ts';
import { namedStatements } from './pglite-statements.ts';
import { preparedStatements } from './prepared-statements.ts';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;
/**
 * drizzle without its relational query API (`orm.query.*`), which nothing uses: given the schema, drizzle builds a
 * query builder for each of its ~60 tables in every transaction it opens (0.05–0.13 ms a request).
 */
export type Orm = PgDatabase<PgQueryResultHKT>;
/** A transaction of either driver. Services never see this type: they get a {@link TenantTx}. */
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: drizzle over PGlite (embedded) or over a PostgreSQL server. */
export interface Database {
  readonly kind: DatabaseKind;
  /** The request connections: on PostgreSQL a login role that owns nothing (see {@link openDatabase}). */
  readonly orm: Orm;
  close(): Promise<void>;
  /**
   * Runs `work` over a connection of the tables' owner, for maintenance the request role may not do (ANALYZE on
   * PostgreSQL 15). PGlite: the one connection. Absent on a database that has none: use {@link withOwnerConnection}.
   */
  asOwner?<T>(work: (owner: Orm) => Promise<T>): Promise<T>;
}

/** `work` over the owner's connection when the database has one, over its usual connections otherwise. */
export function withOwnerConnection<T>(db: Database, work: (owner: Orm) => Promise<T>): Promise<T> {
  return db.asOwner ? db.asOwner(work) : work(db.orm);
}

export interface OpenDatabaseOptions {
  /**
   * A PostgreSQL connection string; when absent the embedded PGlite is used. Without `migrationUrl` this role owns
   * the tables: it runs the migrations, then requests log in as `<role>_request`, a role it creates that owns
   * nothing. With `migrationUrl`, this is the request role itself and must own nothing.
   */
  url?: string | undefined;
  /** The tables' owner (`DATABASE_MIGRATION_URL`): runs the migrations; requests use `url`. */
  migrationUrl?: string | undefined;
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
  if (options.url) return openPostgresAsRequestRole(options);
  const database = await openPglite(options.dataDir);
  try {
    if (options.migrate !== false) await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * PostgreSQL with two roles (issue 16.4): the owner migrates over one short-lived connection, and every request
 * connection logs in as a role that owns no table, so nothing a request runs (even `RESET ROLE`) can disable the
 * audit log's append-only triggers or turn off FORCE ROW LEVEL SECURITY.
 */
async function openPostgresAsRequestRole(options: OpenDatabaseOptions): Promise<Database> {
  const requestUrlGiven = options.migrationUrl ? options.url : undefined;
  const ownerUrl = options.migrationUrl ?? (options.url as string);
  const owner = await openPostgres(ownerUrl, 1);
  let requestUrl: string;
  try {
    await assertRoleCannotBypassRls(owner.orm);
    if (options.migrate !== false) await runMigrations(owner);
    requestUrl = await grantRequestRole(owner.orm, ownerUrl, requestUrlGiven);
  } finally {
    await owner.close();
  }
  let database = await openPostgres(requestUrl, options.maxConnections ?? 10);
  try {
    const refused = await assertRoleCannotBypassRls(database.orm).catch((error: unknown) => error);
    if (refused && !requestUrlGiven && pgErrorOf(refused)?.code === '28P01') {
      await database.close();
      await setRequestRolePassword(ownerUrl, requestUrl);
      database = await openPostgres(requestUrl, options.maxConnections ?? 10);
      await assertRoleCannotBypassRls(database.orm);
    } else if (refused) throw refused;
    await assertRoleOwnsNothing(database.orm);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    ...database,
    async asOwner(work) {
      const maintenance = await openPostgres(ownerUrl, 1);
      try {
        return await work(maintenance.orm);
      } finally {
        await maintenance.close();
      }
    },
  };
}

/** The roles a request connection switches to with SET LOCAL ROLE. */
const REQUEST_ROLE_GRANTS = ['xinqiao_app', 'xinqiao_screening', 'xinqiao_student'];

/**
 * Makes the request role able to SET ROLE to the application roles and answers the URL requests connect with: the
 * given one, or the owner's URL with the login role `<owner>_request` (created here, NOINHERIT, owning nothing; its
 * password is derived from the owner's URL, so every server of one deployment computes the same one).
 */
async function grantRequestRole(
  owner: Orm,
  ownerUrl: string,
  requestUrl: string | undefined,
): Promise<string> {
  const [me] = await queryRows<{ name: string }>(owner, sql`SELECT current_user AS name`);
  const ownerName = String(me?.name);
  const url = new URL(requestUrl ?? ownerUrl);
  if (!requestUrl) {
    url.username = `${ownerName}_request`.slice(0, 63);
    url.password = createHmac('sha256', ownerUrl).update('xinqiao request role').digest('hex');
    await ensureLoginRole(owner, decodeURIComponent(url.username), url.password);
  }
  const login = decodeURIComponent(url.username);
  if (login === ownerName) {
    throw new UnsafeDatabaseRoleError(
      `DATABASE_URL and DATABASE_MIGRATION_URL both log in as "${login}": requests must not connect as the tables' owner`,
    );
  }
  for (const role of REQUEST_ROLE_GRANTS) await retryCatalogRace(() => grantRole(owner, role, login));
  return url.toString();
}

/** Creates the request role, or fixes its attributes; retried whole, so a role another server just made is seen. */
function ensureLoginRole(owner: Orm, name: string, password: string): Promise<void> {
  return retryCatalogRace(() => ensureLoginRoleOnce(owner, name, password));
}

async function ensureLoginRoleOnce(owner: Orm, name: string, password: string): Promise<void> {
  const [role] = await queryRows<{ fit: boolean }>(
    owner,
    sql`SELECT rolcanlogin AND NOT rolinherit AND NOT rolcreatedb AND NOT rolcreaterole AS fit
        FROM pg_roles WHERE rolname = ${name}`,
  );
  if (role?.fit) return; // its password is set when a login fails (setRequestRolePassword): no catalog write per start
  // NOSUPERUSER and NOBYPASSRLS are the defaults (naming them needs a superuser); the request pool checks both.
  const attributes = 'LOGIN NOCREATEDB NOCREATEROLE NOINHERIT';
  const statement = role
    ? `ALTER ROLE ${quoteIdent(name)} ${attributes} PASSWORD ${quoteLiteral(password)}`
    : `CREATE ROLE ${quoteIdent(name)} ${attributes} PASSWORD ${quoteLiteral(password)}`;
  await owner.execute(sql.raw(statement));
}

/** Sets the derived password of the request role again (the owner's URL, and with it the password, changed). */
async function setRequestRolePassword(ownerUrl: string, requestUrl: string): Promise<void> {
  const owner = await openPostgres(ownerUrl, 1);
  try {
    const url = new URL(requestUrl);
    const statement = `ALTER ROLE ${quoteIdent(decodeURIComponent(url.username))} PASSWORD ${quoteLiteral(url.password)}`;
    await retryCatalogRace(() => owner.orm.execute(sql.raw(statement)));
  } finally {
    await owner.close();
  }
}

async function grantRole(owner: Orm, role: string, login: string): Promise<void> {
  const [member] = await queryRows<{ yes: boolean }>(
    owner,
    sql`SELECT pg_has_role(${login}, ${role}, 'MEMBER') AS yes`,
  );
  if (!member?.yes) await owner.execute(sql.raw(`GRANT ${quoteIdent(role)} TO ${quoteIdent(login)}`));
}

/**
 * Several servers (or test files) starting at once race on the shared role catalog: a second CREATE ROLE fails with
 * duplicate_object, a concurrent ALTER with "tuple concurrently updated". Retrying makes the outcome the same.
 */
async function retryCatalogRace<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const raced = code === '42710' || code === '23505' || code === 'XX000' || code === '40001';
      if (!raced || i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * i));
    }
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * PGlite's settings. Its default 128 MB buffer pool is touched in full when the database opens (~100 MB of resident
 * memory before any data); 32 MB keeps the embedded server and a 50,000-row import well under 500 MB, and the
 * operating system's file cache still holds the data files. A PostgreSQL server is tuned by its administrator.
 */
export const PGLITE_CONFIGURATION = ['shared_buffers = 32MB'];

async function openPglite(dataDir = 'memory://'): Promise<Database> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, postgresqlconf: PGLITE_CONFIGURATION });
  // Named prepared statements: parsed and planned once (pglite-statements.ts).
  const orm = drizzlePglite(namedStatements(client)) as unknown as Orm;
  return { kind: 'pglite', orm, close: () => client.close() };
}

/**
 * The settings every PostgreSQL connection starts with. `random_page_cost` 1.1 instead of 4: the tables a request
 * reads sit in the server's memory, so a page read out of order costs about what a page read in order does. At 4 the
 * planner read a counsellor's cases by scanning the school's (every row through the RLS checks) rather than through
 * their placement index (docs/performance.md, fourteenth session). A `DATABASE_URL` query parameter of the same
 * name (`?random_page_cost=4`) overrides it: postgres.js sends the URL's parameters after these.
 */
const POSTGRES_CONNECTION_SETTINGS = { application_name: 'xinqiao', random_page_cost: '1.1' } as const;

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {}, connection: { ...POSTGRES_CONNECTION_SETTINGS } });
  // Named prepared statements: parsed and planned once per connection (prepared-statements.ts).
  const orm = drizzlePostgres(preparedStatements(client)) as unknown as Orm;
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

/** Refuses a request role that owns a table of the platform (or may act as its owner). */
async function assertRoleOwnsNothing(orm: Orm): Promise<void> {
  const owned = await queryRows<{ name: string }>(
    orm,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'MEMBER')
        LIMIT 1`,
  );
  if (owned[0]) {
    throw new UnsafeDatabaseRoleError(
      `the request role may act as the owner of table "${owned[0].name}"; give DATABASE_URL a role that owns nothing (README: Configuration)`,
    );
  }
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
/**
 * A point in time as a raw statement's parameter: ISO text with its cast. The postgres driver refuses a `Date` bound
 * to an untyped parameter of a raw statement (PGlite takes either), so raw SQL passes instants through this.
 *
 * @example sql`DELETE FROM feed_card_transactions WHERE occurred_at < ${sqlInstant(before)}`
 */
export const sqlInstant = (date: Date): SQL => sql`${date.toISOString()}::timestamptz`;

export async function queryRows<T>(orm: Orm | Tx, query: SQL): Promise<T[]> {
  const result = (await orm.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Database, type Orm, openDatabase, PGLITE_CONFIGURATION, queryRows } from './database.ts';
import { namedStatements } from './pglite-statements.ts';

/** Which server the current test project runs on: set per vitest project (see vitest.shared.ts at the root). */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.XINQIAO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the PostgreSQL server
 * named by XINQIAO_TEST_DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(options: { maxConnections?: number } = {}): Promise<Database> {
  if (testDatabaseKind() === 'pglite') return openMigratedPglite();
  const { url, drop } = await createPostgresTestDatabase();
  // Opened as the platform opens it: the migrations find nothing left to run, the request role is granted.
  const database = await openDatabase({ url, maxConnections: options.maxConnections ?? 4 });
  const close = database.close;
  // The same object (its audit anchor is kept per object), with a close that also drops the database.
  return Object.assign(database, {
    async close() {
      await close();
      await drop();
    },
  });
}

/**
 * A fresh, migrated database on the PostgreSQL server named by XINQIAO_TEST_DATABASE_URL, copied from the migrated
 * template, unopened: its URL (for a test that hands the database to a child process) and how to drop it.
 *
 * @example
 * const { url, drop } = await createPostgresTestDatabase('xq_crash'); // spawn(…, { env: { DATABASE_URL: url } })
 */
export async function createPostgresTestDatabase(
  prefix = 'xq_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.XINQIAO_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('XINQIAO_TEST_DB=postgres needs XINQIAO_TEST_DATABASE_URL');
  if (!/^[a-z_]+$/.test(prefix))
    throw new Error(`createPostgresTestDatabase: prefix ${prefix} is not a-z and _`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const template = await migratedTemplate(admin, adminUrl);
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  return {
    url: databaseUrl(adminUrl, name),
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Runs `work` in a transaction as a superuser of the test database — what an intruder with the server's
 * administrator rights could do: PGlite's own user, or XINQIAO_TEST_SUPERUSER_URL on PostgreSQL.
 */
export async function asTestSuperuser<T>(db: Database, work: (orm: Orm) => Promise<T>): Promise<T> {
  if (db.kind === 'pglite') return db.orm.transaction((tx) => work(tx as unknown as Orm));
  const superuserUrl = process.env.XINQIAO_TEST_SUPERUSER_URL;
  if (!superuserUrl) throw new Error('this test needs XINQIAO_TEST_SUPERUSER_URL on PostgreSQL');
  const [current] = await queryRows<{ name: string }>(db.orm, sql`SELECT current_database() AS name`);
  const client = postgres(databaseUrl(superuserUrl, String(current?.name)), { max: 1, onnotice: () => {} });
  try {
    const orm = drizzlePostgres(client) as unknown as Orm;
    return await orm.transaction((tx) => work(tx as unknown as Orm));
  } finally {
    await client.end();
  }
}

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let hashOfMigrations: string | undefined;

/**
 * The migrations' files, hashed once per process (every test file asks): a test database image or template is
 * reused only for the same migrations.
 */
function migrationsHash(): string {
  if (hashOfMigrations) return hashOfMigrations;
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  hashOfMigrations = hash.digest('hex').slice(0, 16);
  return hashOfMigrations;
}

const templates = new Map<string, Promise<string>>();

/**
 * A database on the server with every migration run, copied by `CREATE DATABASE … TEMPLATE` for each test file:
 * running the migrations took each file's set-up 7–9 s on a busy CI machine, a copy 0.9–1.6 s. Made once per migration set by
 * whichever test process gets there first (an advisory lock makes the others wait), under a temporary name renamed
 * only when complete, and never connected to afterwards, as a template must not be.
 */
function migratedTemplate(admin: postgres.Sql, adminUrl: string): Promise<string> {
  const name = `xq_template_${migrationsHash()}`;
  let made = templates.get(name);
  if (!made) {
    made = makeTemplateOnce(admin, adminUrl, name).then(() => name);
    templates.set(name, made);
    made.catch(() => templates.delete(name));
  }
  return made;
}

async function makeTemplateOnce(admin: postgres.Sql, adminUrl: string, name: string): Promise<void> {
  await admin`SELECT pg_advisory_lock(hashtext(${name}))`;
  try {
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (exists) return;
    const building = `${name}_${randomBytes(3).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE ${building}`);
    try {
      const migrated = await openDatabase({ url: databaseUrl(adminUrl, building), maxConnections: 1 });
      await migrated.close();
      await admin.unsafe(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (error) {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      throw error;
    }
  } finally {
    await admin`SELECT pg_advisory_unlock(hashtext(${name}))`;
  }
}

/**
 * PGlite from a data-folder image of the migrated schema, cached on disk per migration set: loading the image
 * skips running every migration again in every test file.
 */
async function openMigratedPglite(): Promise<Database> {
  const image = await migratedImagePath();
  const client = await PGlite.create({
    loadDataDir: new Blob([readFileSync(image)]),
    postgresqlconf: PGLITE_CONFIGURATION,
  });
  const orm = drizzle(namedStatements(client)) as unknown as Orm;
  return { kind: 'pglite', orm, close: () => client.close() };
}

async function migratedImagePath(): Promise<string> {
  const image = join(tmpdir(), `xinqiao-pglite-${migrationsHash()}.tar`);
  if (existsSync(image)) return image;
  const fresh = await openDatabase({ dataDir: 'memory://' });
  const client = (fresh.orm as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await fresh.close();
  const partial = `${image}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, image);
  return image;
}

/**
 * Writes an in-memory PGlite test database to a data folder on disk and closes it, for a test that hands the
 * database to another process (a crash test kills that process and opens the folder again). Seconds, where running
 * every migration in a new folder takes about twenty.
 *
 * @example
 * const db = await createTestDatabase(); await seed(db); await saveToDataDir(db, dir); // then openDatabase({ dataDir: dir })
 */
export async function saveToDataDir(database: Database, dataDir: string): Promise<void> {
  if (database.kind !== 'pglite') throw new Error('saveToDataDir needs a PGlite database');
  const dump = await (database.orm as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  await database.close();
  const disk = await PGlite.create({ dataDir, loadDataDir: dump, postgresqlconf: PGLITE_CONFIGURATION });
  await disk.close();
}

import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from './database.ts';

/** Which server the current test project runs on: set per vitest project (see vitest.shared.ts at the root). */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.XINQIAO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the PostgreSQL server
 * named by XINQIAO_TEST_DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const adminUrl = process.env.XINQIAO_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('XINQIAO_TEST_DB=postgres needs XINQIAO_TEST_DATABASE_URL');
  const name = `xq_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 4 });
  return {
    kind: database.kind,
    orm: database.orm,
    async close() {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { createTestDatabase } from '../testing.ts';
import {
  type AccessCatalog,
  formatAccessCatalog,
  RLS_SNAPSHOT_COMMAND,
  RLS_SNAPSHOT_PATH,
  readAccessCatalog,
} from './index.ts';

let db: Database;
let catalog: AccessCatalog;

beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await readAccessCatalog(db.orm);
});
afterAll(() => db?.close());

describe('db/rls snapshot', () => {
  it('equals the checked-in rls-snapshot.sql', () => {
    const checkedIn = readFileSync(RLS_SNAPSHOT_PATH, 'utf8');
    expect(
      formatAccessCatalog(catalog),
      `packages/db/rls-snapshot.sql is stale: the migrations changed what roles may see or do; run \`${RLS_SNAPSHOT_COMMAND}\` to regenerate it and review the diff`,
    ).toBe(checkedIn);
  });

  it('has ENABLE and FORCE row-level security on every table with a school_id column', () => {
    const tenantTables = catalog.tables.filter((t) => t.kind === 'table' && t.hasSchoolId);
    expect(tenantTables.map((t) => t.name)).toContain('students');
    const unguarded = tenantTables.filter((t) => !t.rlsEnabled || !t.rlsForced).map((t) => t.name);
    expect(unguarded, 'tables with school_id need ENABLE + FORCE ROW LEVEL SECURITY').toEqual([]);
  });

  it('names no OID and no owner role, so PGlite and PostgreSQL give the same text', () => {
    const text = formatAccessCatalog(catalog);
    expect(text).not.toMatch(/\bpostgres\b|pg_database_owner|\boid\b/i);
    expect(text).toContain('CREATE ROLE xinqiao_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;');
  });

  it('shows a policy, a column grant and a function body', () => {
    const text = formatAccessCatalog(catalog);
    expect(text).toMatch(/CREATE POLICY cases_access ON cases AS PERMISSIVE FOR ALL TO PUBLIC\n {2}USING /);
    expect(text).toMatch(/GRANT SELECT \(answers, scores\) ON TABLE screening_results TO xinqiao_screening;/);
    expect(text).toContain("SELECT nullif(current_setting('xq.school_id', true), '')::uuid");
  });
});

describe('db/rls snapshot formatting', () => {
  const empty: AccessCatalog = {
    roles: [],
    memberships: [],
    schemaGrants: [],
    defaultGrants: [],
    tables: [],
    policies: [],
    tableGrants: [],
    columnGrants: [],
    triggers: [],
    functions: [],
    functionGrants: [],
  };

  it('orders tables and grants by code point, whatever order the server returned them in', () => {
    const table = (name: string) => ({
      name,
      kind: 'table' as const,
      rlsEnabled: true,
      rlsForced: false,
      hasSchoolId: true,
    });
    const text = formatAccessCatalog({
      ...empty,
      tables: [table('b_table'), table('a_table'), table('B')],
      tableGrants: [
        { table: 'a_table', grantee: 'r', privilege: 'DELETE' },
        { table: 'a_table', grantee: 'r', privilege: 'SELECT' },
      ],
    });
    expect(text.indexOf('-- Table B')).toBeLessThan(text.indexOf('-- Table a_table'));
    expect(text.indexOf('-- Table a_table')).toBeLessThan(text.indexOf('-- Table b_table'));
    expect(text).toContain('ALTER TABLE a_table NO FORCE ROW LEVEL SECURITY;');
    expect(text).toContain('GRANT SELECT, DELETE ON TABLE a_table TO r;');
  });

  it('wraps a bare policy expression in parentheses once', () => {
    const text = formatAccessCatalog({
      ...empty,
      tables: [{ name: 't', kind: 'table', rlsEnabled: true, rlsForced: true, hasSchoolId: false }],
      policies: [
        {
          table: 't',
          name: 'p',
          permissive: 'PERMISSIVE',
          command: 'ALL',
          roles: ['public'],
          using: 'true',
          withCheck: '(a = 1)',
        },
        {
          table: 't',
          name: 'q',
          permissive: 'PERMISSIVE',
          command: 'SELECT',
          roles: ['public'],
          using: '(a) AND (b)',
          withCheck: null,
        },
      ],
    });
    expect(text).toContain('USING (true)\n  WITH CHECK (a = 1);');
    expect(text).toContain('USING ((a) AND (b));');
  });
});

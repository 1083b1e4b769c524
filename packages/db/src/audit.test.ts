import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from './audit.ts';
import type { Database } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, fullScope, type TinySchool } from './fixtures.test-helpers.ts';
import { auditLog } from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { withTenant } from './transaction.ts';

let db: Database;
let school: TinySchool;
let other: TinySchool;

const event = (schoolId: string, action: string) => ({
  schoolId,
  actorPersonId: null,
  actorRole: 'counsellor',
  actorUnitId: null,
  studentId: null,
  action,
  entity: 'student',
  purpose: '随访',
});

beforeAll(async () => {
  db = await createTestDatabase();
  school = await createTinySchool(db, 'audited');
  other = await createTinySchool(db, 'other');
  await withTenant(db, fullScope(school.schoolId, ['/']), async (tx) => {
    for (const action of ['student.read', 'case.read', 'student.update'])
      await appendAudit(tx, event(school.schoolId, action));
  });
  await withTenant(db, fullScope(other.schoolId, ['/']), (tx) =>
    appendAudit(tx, event(other.schoolId, 'student.read')),
  );
});
afterAll(() => db?.close());

const asSchool = (schoolId: string) => fullScope(schoolId, ['/']);

describe('db/audit chain', () => {
  it('chains each school separately, numbering from 1', async () => {
    const rows = await withTenant(db, asSchool(school.schoolId), (tx) =>
      tx.select().from(auditLog).orderBy(auditLog.seq),
    );
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe('');
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await withTenant(db, asSchool(school.schoolId), verifyAuditChain)).toEqual({
      intact: true,
      rows: 3,
    });
    expect(await withTenant(db, asSchool(other.schoolId), verifyAuditChain)).toEqual({
      intact: true,
      rows: 1,
    });
  });

  it('refuses UPDATE and DELETE from the application', async () => {
    const update = withTenant(db, asSchool(school.schoolId), (tx) =>
      tx.update(auditLog).set({ purpose: 'x' }),
    );
    expect(pgErrorOf(await update.catch((e: unknown) => e))?.code).toBe('42501');
    const remove = withTenant(db, asSchool(school.schoolId), (tx) => tx.delete(auditLog));
    expect(pgErrorOf(await remove.catch((e: unknown) => e))?.code).toBe('42501');
  });

  it('reports the first row changed behind the application’s back', async () => {
    // The table owner switches the guards off, edits the second row, and switches it on again: what an intruder with
    // table-owner rights would do. The chain still names the row.
    await db.orm.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
      await tx.execute(sql`ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY`);
      await tx.execute(
        sql`UPDATE audit_log SET purpose = '查看' WHERE school_id = ${school.schoolId} AND seq = 2`,
      );
      await tx.execute(sql`ALTER TABLE audit_log FORCE ROW LEVEL SECURITY`);
      await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    });
    const report = await withTenant(db, asSchool(school.schoolId), verifyAuditChain);
    expect(report).toMatchObject({
      intact: false,
      rows: 3,
      firstBrokenRow: { seq: 2, reason: 'row content does not match its hash' },
    });
    expect(await withTenant(db, asSchool(other.schoolId), verifyAuditChain)).toMatchObject({ intact: true });
  });
});

import { auditLog } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { asTestSuperuser } from '@xinqiao/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';

// An intruder with a superuser's rights edits the audit log behind the API's back: /api/audit/verify must name
// the row. One app for this file: the tampering is permanent.
let t: TestApp;
let director: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  director = await loginAs(t.app, 'alpha', 'director');
  const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
  for (const studentId of t.world.schools.alpha.colleges[0].studentIds) {
    const res = await counsellor.request(`/api/students/${studentId}`);
    expect(res.status).toBe(200);
  }
  const betaCounsellor = await loginAs(t.app, 'beta', 'counsellor1');
  expect(
    (await betaCounsellor.request(`/api/students/${t.world.schools.beta.colleges[0].studentIds[0]}`)).status,
  ).toBe(200);
});
afterAll(() => t?.close());

const alpha = () => t.world.schools.alpha;
const asWholeSchool = (schoolId: string) =>
  tenantScope({
    schoolId,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });

/** Run a statement as a superuser with the append-only triggers skipped (the request role cannot do either). */
async function asTableOwner(statement: ReturnType<typeof sql>): Promise<void> {
  await asTestSuperuser(t.db, async (orm) => {
    await orm.execute(sql`SET LOCAL session_replication_role = replica`);
    await orm.execute(statement);
  });
}

async function studentReads() {
  return withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
    tx
      .select({ id: auditLog.id, seq: auditLog.seq })
      .from(auditLog)
      .where(and(eq(auditLog.schoolId, alpha().id), eq(auditLog.action, 'student.read')))
      .orderBy(auditLog.seq),
  );
}

describe('audit/tamper', () => {
  it('verifies intact before anyone tampers', async () => {
    const res = await director.request('/api/audit/verify');
    expect(await res.json()).toMatchObject({ intact: true });
  });

  it('names the row whose purpose was rewritten, and keeps the other school intact', async () => {
    const [, target] = await studentReads();
    await asTableOwner(sql`UPDATE audit_log SET purpose = '例行查看' WHERE id = ${target!.id}`);
    const report = await (await director.request('/api/audit/verify')).json();
    expect(report).toMatchObject({
      intact: false,
      firstBrokenRow: { id: target!.id, seq: target!.seq, reason: 'row content does not match its hash' },
    });
    const beta = await (await (await loginAs(t.app, 'beta', 'admin')).request('/api/audit/verify')).json();
    expect(beta).toMatchObject({ intact: true });
  });

  it('names the row after one that was deleted', async () => {
    const [first] = await studentReads();
    await asTableOwner(sql`DELETE FROM audit_log WHERE id = ${first!.id}`);
    const report = (await (await director.request('/api/audit/verify')).json()) as {
      intact: boolean;
      firstBrokenRow: { seq: number; reason: string };
    };
    expect(report.intact).toBe(false);
    expect(report.firstBrokenRow.seq).toBe(first!.seq + 1);
    expect(report.firstBrokenRow.reason).toBe('missing rows before this one');
  });
});

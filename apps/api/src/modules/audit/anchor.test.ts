import { createPublicKey, verify } from 'node:crypto';
import { asTestSuperuser } from '@xinqiao/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';

// Issue 16.4: the audit chain's tail is anchored outside its rows (the head the server committed, and checkpoints
// signed with a key the database never holds), so deleting the newest rows or re-hashing the chain with the
// database's own function is reported by GET /api/audit/verify. One app for this file: the tampering is permanent.
let t: TestApp;
let director: TestSession;
let betaDirector: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [director, betaDirector] = await Promise.all([
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'beta', 'director'),
  ]);
  for (const school of ['alpha', 'beta'] as const) {
    const counsellor = await loginAs(t.app, school, 'counsellor1');
    for (const studentId of t.world.schools[school].colleges[0].studentIds.slice(0, 4)) {
      expect((await counsellor.request(`/api/students/${studentId}`)).status).toBe(200);
    }
  }
});
afterAll(() => t?.close());

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the expectations that follow
async function json(res: Response | Promise<Response>, status: number): Promise<any> {
  const answered = await res;
  const body = await answered.json();
  expect(answered.status, JSON.stringify(body)).toBe(status);
  return body;
}

/** As a superuser with the append-only triggers skipped: what an intruder with the server's admin rights does. */
const tamper = (statement: ReturnType<typeof sql>) =>
  asTestSuperuser(t.db, async (orm) => {
    await orm.execute(sql`SET LOCAL session_replication_role = replica`);
    await orm.execute(statement);
  });

describe('audit/anchor', () => {
  it('verifies intact, anchored at the newest row, and exports checkpoints a director can check offline', async () => {
    const report = await json(director.request('/api/audit/verify'), 200);
    expect(report).toMatchObject({ intact: true, anchor: { source: 'server' } });
    expect(report.anchor.seq).toBe(report.head.seq);

    const res = await director.request('/api/audit/checkpoints');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const exported = await json(res, 200);
    expect(exported).toMatchObject({ algorithm: 'ed25519', schoolId: t.world.schools.alpha.id });
    const last = exported.checkpoints.at(-1);
    expect(last.seq).toBe(report.head.seq);
    const message = [
      'xinqiao-audit-checkpoint-v1',
      exported.schoolId,
      String(last.seq),
      last.hash,
      last.at,
    ].join('\n');
    const key = createPublicKey(exported.publicKeyPem);
    expect(verify(null, Buffer.from(message), key, Buffer.from(last.signature, 'base64'))).toBe(true);
    const log = await json(director.request('/api/audit/log?action=audit_checkpoints.export'), 200);
    expect(log.total).toBe(1);
  });

  it('is closed to a counsellor', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await counsellor.request('/api/audit/checkpoints')).status).toBe(403);
  });

  it('reports the newest rows deleted behind the API’s back', async () => {
    const before = await json(director.request('/api/audit/verify'), 200);
    const schoolId = t.world.schools.alpha.id;
    await tamper(sql`DELETE FROM audit_log WHERE school_id = ${schoolId} AND seq > ${before.head.seq - 3}`);
    const report = await json(director.request('/api/audit/verify'), 200);
    expect(report).toMatchObject({
      intact: false,
      head: { seq: before.head.seq - 3 },
      tamper: { kind: 'tail-deleted', seq: before.head.seq, missingRows: 3 },
    });
    expect(report.firstBrokenRow).toBeUndefined();
  });

  it('reports a chain rewritten and re-hashed with the database’s own function, and leaves the other school alone', async () => {
    const schoolId = t.world.schools.beta.id;
    await tamper(sql`UPDATE audit_log SET purpose = '例行查看' WHERE school_id = ${schoolId} AND seq = 2`);
    await tamper(sql`DO $$ DECLARE r record; prev text := ''; BEGIN
      FOR r IN SELECT id FROM audit_log WHERE school_id = ${sql.raw(`'${schoolId}'`)} ORDER BY seq LOOP
        UPDATE audit_log SET prev_hash = prev WHERE id = r.id;
        UPDATE audit_log a SET hash = xq_audit_hash(a.prev_hash, a) WHERE a.id = r.id RETURNING hash INTO prev;
      END LOOP; END $$`);
    const report = await json(betaDirector.request('/api/audit/verify'), 200);
    expect(report.firstBrokenRow).toBeUndefined();
    expect(report).toMatchObject({ intact: false, tamper: { kind: 'rewritten' } });
  });
});

import { configureAuditAnchor } from '@xinqiao/db';
import { asTestSuperuser } from '@xinqiao/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';

// Issue 16.4: checkpoints a director exported are the anchor that survives an intruder who erased everything else —
// the newest rows, the checkpoints in the database and the server's own record (a restart without its anchor file).
let t: TestApp;
let director: TestSession;
const secret = Buffer.alloc(32, 42);

beforeAll(async () => {
  t = await createTestApp();
  configureAuditAnchor(t.db, { secret });
  director = await loginAs(t.app, 'alpha', 'director');
  const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
  for (const studentId of t.world.schools.alpha.colleges[0].studentIds.slice(0, 4)) {
    expect((await counsellor.request(`/api/students/${studentId}`)).status).toBe(200);
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

// biome-ignore lint/suspicious/noExplicitAny: the export's JSON as the route answered it
const check = (body: any) => director.request('/api/audit/checkpoints/check', { method: 'POST', body });

describe('audit/checkpoints/check', () => {
  it('catches a deleted tail with an exported checkpoint after every other anchor was erased', async () => {
    const exported = await json(director.request('/api/audit/checkpoints'), 200);
    const signedSeq: number = exported.checkpoints.at(-1).seq;
    const intact = await json(check(exported), 200);
    expect(intact).toMatchObject({
      intact: true,
      exported: { checked: exported.checkpoints.length, otherKey: 0 },
    });

    const schoolId = t.world.schools.alpha.id;
    await asTestSuperuser(t.db, async (orm) => {
      await orm.execute(sql`SET LOCAL session_replication_role = replica`);
      await orm.execute(sql`DELETE FROM audit_log WHERE school_id = ${schoolId} AND seq > ${signedSeq - 2}`);
      await orm.execute(sql`DELETE FROM audit_checkpoints WHERE school_id = ${schoolId}`);
    });
    configureAuditAnchor(t.db, { secret }); // restarted without its anchor file: same key, nothing remembered

    // Nothing inside the database or the server is left to tell.
    expect(await json(director.request('/api/audit/verify'), 200)).toMatchObject({
      intact: true,
      anchor: null,
    });
    const report = await json(check(exported), 200);
    expect(report).toMatchObject({
      intact: false,
      anchor: { source: 'export', seq: signedSeq },
      tamper: { kind: 'tail-deleted', seq: signedSeq, missingRows: 2 },
    });
  });

  it('names an altered file, ignores another key’s checkpoints, and refuses another school’s file', async () => {
    const exported = await json(director.request('/api/audit/checkpoints'), 200);
    const last = exported.checkpoints.at(-1);
    const altered = { ...exported, checkpoints: [{ ...last, seq: last.seq + 5 }] };
    expect(await json(check(altered), 200)).toMatchObject({
      intact: false,
      tamper: { kind: 'checkpoint-forged', seq: last.seq + 5 },
    });
    const foreign = { ...exported, checkpoints: [{ ...last, keyId: 'another-key' }] };
    expect(await json(check(foreign), 200)).toMatchObject({ exported: { checked: 0, otherKey: 1 } });
    const other = { ...exported, schoolId: t.world.schools.beta.id };
    const refused = await json(check(other), 400);
    expect(JSON.stringify(refused)).toContain('schoolId');
  });
});

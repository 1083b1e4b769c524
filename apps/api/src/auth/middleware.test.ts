import { createRoute, z } from '@hono/zod-openapi';
import { queryRows, studentFileEntries, students } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { createTestApp, json, loginAs, type TestApp } from '../testing/index.ts';
import { tenantScope } from './scope.ts';

/** Probe routes that report what the request transaction sees, and write then fail in different ways. */
const probe = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/probe/context',
      responses: { 200: { description: 'what the tx sees' } },
    }),
    async (c) => {
      const [settings] = await queryRows<{ role: string; school: string; txid: string }>(
        c.var.tx,
        sql`SELECT current_user AS role, current_setting('xq.school_id', true) AS school, txid_current()::text AS txid`,
      );
      const [again] = await queryRows<{ txid: string }>(c.var.tx, sql`SELECT txid_current()::text AS txid`);
      const seen = await c.var.tx.select({ number: students.studentNumber }).from(students);
      return c.json(
        {
          ...settings,
          sameTransaction: settings!.txid === again!.txid,
          students: seen.map((s) => s.number).sort(),
          scope: c.var.scope,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/probe/note/{studentId}',
      request: {
        params: z.object({ studentId: z.string().uuid() }),
        query: z.object({ outcome: z.enum(['ok', 'throw', 'problem-response', 'crash']) }),
      },
      responses: { 201: { description: 'written' } },
    }),
    async (c) => {
      const { studentId } = c.req.valid('param');
      const { outcome } = c.req.valid('query');
      await c.var.tx.insert(studentFileEntries).values({
        schoolId: c.var.me.school.id,
        studentId,
        kind: 'note',
        title: `probe ${outcome}`,
        recordedBy: c.var.me.person.id,
      });
      if (outcome === 'throw') throw problem('units.name-taken', { name: 'changed my mind' });
      if (outcome === 'crash') throw new Error('bug after the write');
      if (outcome === 'problem-response') return c.json({ title: 'no' }, 422 as 201);
      return c.json({ ok: true }, 201);
    },
  );

let t: TestApp;
const serverErrors: unknown[] = [];
beforeAll(async () => {
  t = await createTestApp({ extraRoutes: [probe], log: (_message, error) => serverErrors.push(error) });
});
afterAll(() => t?.close());

async function notesOf(studentId: string): Promise<string[]> {
  const alpha = t.world.schools.alpha;
  const scope = tenantScope({
    schoolId: alpha.id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });
  const rows = await withTenant(t.db, scope, (tx) =>
    tx
      .select({ title: studentFileEntries.title })
      .from(studentFileEntries)
      .where(eq(studentFileEntries.studentId, studentId)),
  );
  return rows.map((r) => r.title).sort();
}

describe('auth/session middleware', () => {
  it('runs the handler in one transaction as the application role, scoped to the school', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const seen = await json(await counsellor.request('/api/probe/context'));
    expect(seen.role).toBe('xinqiao_app');
    expect(seen.school).toBe(t.world.schools.alpha.id);
    expect(seen.sameTransaction).toBe(true);
  });

  it("limits a counsellor to the students of their college's subtree", async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const seen = await json(await counsellor.request('/api/probe/context'));
    expect(seen.students).toEqual(['alpha-1-1', 'alpha-1-2', 'alpha-1-3']);
    expect(seen.scope.fullScopePaths).toEqual([t.world.schools.alpha.colleges[0].path]);
  });

  it('lets the center see every college, and no other school', async () => {
    const staff = await loginAs(t.app, 'beta', 'staff');
    const seen = await json(await staff.request('/api/probe/context'));
    expect(seen.students).toEqual(['beta-1-1', 'beta-1-2', 'beta-1-3', 'beta-2-1', 'beta-2-2', 'beta-2-3']);
  });

  it('gives class committee members and dorm liaisons only the reduced view of their unit', async () => {
    const committee = await json(
      await (await loginAs(t.app, 'alpha', 'committee1')).request('/api/probe/context'),
    );
    expect(committee.scope).toMatchObject({
      fullScopePaths: [],
      reducedScopePaths: [t.world.schools.alpha.colleges[0].classPath],
    });
    expect(committee.students).toEqual(['alpha-1-1', 'alpha-1-2', 'alpha-1-3']);
    const liaison = await json(
      await (await loginAs(t.app, 'alpha', 'liaison1')).request('/api/probe/context'),
    );
    expect(liaison.scope).toMatchObject({
      fullScopePaths: [],
      reducedScopePaths: [t.world.schools.alpha.colleges[0].dormPath],
    });
    expect(liaison.students).toEqual(['alpha-1-1', 'alpha-1-2']);
  });

  it('commits the writes of a request that succeeds', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const student = t.world.schools.alpha.colleges[0].studentIds[0]!;
    expect(
      (await counsellor.request(`/api/probe/note/${student}?outcome=ok`, { method: 'POST' })).status,
    ).toBe(201);
    expect(await notesOf(student)).toEqual(['probe ok']);
  });

  it('rolls back the writes of a request that throws, answers an error, or crashes', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const student = t.world.schools.alpha.colleges[0].studentIds[1]!;
    const statuses = [];
    for (const outcome of ['throw', 'problem-response', 'crash']) {
      statuses.push(
        (await counsellor.request(`/api/probe/note/${student}?outcome=${outcome}`, { method: 'POST' }))
          .status,
      );
    }
    expect(statuses).toEqual([409, 422, 500]);
    expect(serverErrors).toEqual([new Error('bug after the write')]);
    expect(await notesOf(student)).toEqual([]);
  });

  it("refuses a write to a student outside the caller's scope", async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor2');
    const student = t.world.schools.alpha.colleges[0].studentIds[2]!;
    const res = await counsellor.request(`/api/probe/note/${student}?outcome=ok`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(await notesOf(student)).toEqual([]);
  });
});

import { auditLog } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';

let t: TestApp;
let director: TestSession;
let admin: TestSession;
let counsellor: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [director, admin, counsellor] = await Promise.all([
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'alpha', 'admin'),
    loginAs(t.app, 'alpha', 'counsellor1'),
  ]);
});
afterAll(() => t?.close());

const alpha = () => t.world.schools.alpha;
const beta = () => t.world.schools.beta;
const asWholeSchool = (schoolId: string) =>
  tenantScope({
    schoolId,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });

/** The JSON body of a response, after checking its status (the body is shown when the status is wrong). */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the expectations that follow
async function json(res: Response | Promise<Response>, status: number): Promise<any> {
  const answered = await res;
  const body = await answered.json();
  expect(answered.status, JSON.stringify(body)).toBe(status);
  return body;
}

describe('audit/verify', () => {
  it('reports an intact chain with its row count to school admins and center directors', async () => {
    const before = await json(admin.request('/api/audit/verify'), 200);
    expect(before).toMatchObject({ intact: true, rows: expect.any(Number), checkpoints: 0 });
    await json(counsellor.request(`/api/students/${alpha().colleges[0].studentIds[0]}`), 200);
    const after = await json(director.request('/api/audit/verify'), 200);
    expect(after).toMatchObject({ intact: true, rows: before.rows + 1, head: { seq: before.rows + 1 } });
    // The server's own anchor: the head its last audited commit made.
    expect(after.anchor).toMatchObject({ source: 'server', seq: before.rows + 1, hash: after.head.hash });
    expect(after.firstBrokenRow).toBeUndefined();
    expect(after.tamper).toBeUndefined();
  });

  it('refuses every other role', async () => {
    await json(counsellor.request('/api/audit/verify'), 403);
    await json((await loginAs(t.app, 'alpha', 'staff')).request('/api/audit/verify'), 403);
  });
});

describe('audit/students', () => {
  it('lists who looked at a student, in which role and unit, why and when, newest first', async () => {
    const studentId = alpha().colleges[0].studentIds[1]!;
    await json(
      counsellor.request(`/api/students/${studentId}`, {
        headers: { 'x-access-purpose': encodeURIComponent('期中谈心谈话') },
      }),
      200,
    );
    const teacher = await loginAs(t.app, 'alpha', 'teacher1');
    await json(teacher.request(`/api/students/${studentId}`), 200);
    const page = await json(director.request(`/api/audit/students/${studentId}`), 200);
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    expect(page.items[0]).toMatchObject({
      action: 'student.read',
      actor: { personId: alpha().people.teacher1, username: 'teacher1' },
      role: 'head_teacher',
      unit: { id: alpha().colleges[0].classId, levelKey: 'class' },
    });
    expect(page.items[1]).toMatchObject({
      action: 'student.read',
      actor: {
        personId: alpha().people.counsellor1,
        username: 'counsellor1',
        displayName: '阿尔法大学counsellor1',
      },
      role: 'counsellor',
      unit: { id: alpha().colleges[0].id, name: '第1学院' },
    });
    expect(Date.parse(page.items[0].at)).toBeGreaterThanOrEqual(Date.parse(page.items[1].at));
  });

  it('audits the reading of the list itself, with the stated purpose, and shows it to the next reader', async () => {
    const studentId = alpha().colleges[1].studentIds[0]!;
    await json(
      director.request(`/api/audit/students/${studentId}`, {
        headers: { 'x-access-purpose': encodeURIComponent('投诉核查') },
      }),
      200,
    );
    const rows = await withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.studentId, studentId), eq(auditLog.action, 'student_audit.read'))),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        actorPersonId: alpha().people.director,
        actorRole: 'center_director',
        actorUnitId: alpha().centerId,
        purpose: '投诉核查',
      }),
    ]);
    const next = await json(admin.request(`/api/audit/students/${studentId}?pageSize=1`), 200);
    expect(next.items).toEqual([
      expect.objectContaining({ action: 'student_audit.read', role: 'center_director', purpose: '投诉核查' }),
    ]);
  });

  it('pages', async () => {
    const studentId = alpha().colleges[0].studentIds[2]!;
    for (let i = 0; i < 3; i++) await json(counsellor.request(`/api/students/${studentId}`), 200);
    const second = await json(director.request(`/api/audit/students/${studentId}?page=2&pageSize=2`), 200);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items).toHaveLength(1);
  });

  it("refuses other roles, and answers 404 for another school's student and 400 naming a malformed id", async () => {
    await json(counsellor.request(`/api/audit/students/${alpha().colleges[0].studentIds[0]}`), 403);
    await json(director.request(`/api/audit/students/${beta().colleges[0].studentIds[0]}`), 404);
    const problem = await json(director.request('/api/audit/students/123'), 400);
    expect(problem.errors[0].field).toBe('studentId');
  });
});

import { auditLog, people, sessions } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import {
  createTestApp,
  loginAs,
  TEST_ACCOUNTS,
  type TestApp,
  type TestSession,
} from '../../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let counsellor: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [admin, counsellor] = await Promise.all([
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

const usernames = (page: { items: { username: string }[] }) => page.items.map((p) => p.username).sort();

describe('people/list', () => {
  it('shows a school admin every account of the school with its roles, never a password hash', async () => {
    const page = await json(admin.request('/api/people?pageSize=100'), 200);
    expect(usernames(page)).toEqual(TEST_ACCOUNTS.map((a) => a.username).sort());
    const counsellor2 = page.items.find((p: { username: string }) => p.username === 'counsellor2');
    expect(counsellor2.roles).toEqual([
      { role: 'counsellor', unitId: alpha().colleges[1].id, unitName: '第2学院', levelKey: 'college' },
    ]);
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/argon2|passwordHash|password_hash/);
    expect(text).not.toContain(beta().people.admin);
  });

  it('shows a counsellor the people above and below them in the network, not the other college', async () => {
    const page = await json(counsellor.request('/api/people?pageSize=100'), 200);
    expect(usernames(page)).toEqual(
      TEST_ACCOUNTS.map((a) => a.username)
        .filter((u) => u !== 'counsellor2')
        .sort(),
    );
  });

  it("filters by a unit's subtree, searches by name or username, and pages", async () => {
    const college = await json(admin.request(`/api/people?unitId=${alpha().colleges[0].id}`), 200);
    expect(usernames(college)).toEqual(['committee1', 'counsellor1', 'liaison1', 'station1', 'teacher1']);
    const searched = await json(admin.request('/api/people?q=COUNSELLOR'), 200);
    expect(usernames(searched)).toEqual(['counsellor1', 'counsellor2']);
    const byName = await json(admin.request(`/api/people?q=${encodeURIComponent('阿尔法大学dir')}`), 200);
    expect(usernames(byName)).toEqual(['director']);
    const second = await json(admin.request('/api/people?page=2&pageSize=4'), 200);
    expect(second).toMatchObject({ total: 11, page: 2, pageSize: 4 });
    expect(second.items).toHaveLength(4);
  });

  it("answers 404 for a unit filter outside the caller's branch", async () => {
    await json(counsellor.request(`/api/people?unitId=${alpha().colleges[1].id}`), 404);
    await json(admin.request(`/api/people?unitId=${beta().rootId}`), 404);
  });
});

describe('people/read', () => {
  it('answers one person with their roles', async () => {
    const person = await json(counsellor.request(`/api/people/${alpha().people.director}`), 200);
    expect(person).toMatchObject({ username: 'director', disabled: false });
    expect(person.roles).toEqual([
      expect.objectContaining({ role: 'center_director', unitId: alpha().centerId }),
    ]);
  });

  it("answers 404 for another college's counsellor and for another school's account", async () => {
    await json(counsellor.request(`/api/people/${alpha().people.counsellor2}`), 404);
    await json(admin.request(`/api/people/${beta().people.admin}`), 404);
  });
});

describe('people/create', () => {
  it('creates an account that can sign in, with its roles, and audits it', async () => {
    const created = await json(
      admin.request('/api/people', {
        method: 'POST',
        body: {
          username: 'wang.teacher',
          displayName: '王老师',
          password: 'twelve-chars',
          roles: [{ role: 'head_teacher', unitId: alpha().colleges[1].classId }],
        },
      }),
      201,
    );
    expect(created).toMatchObject({ username: 'wang.teacher', displayName: '王老师', disabled: false });
    expect(created.roles).toEqual([expect.objectContaining({ role: 'head_teacher', levelKey: 'class' })]);
    expect(JSON.stringify(created)).not.toMatch(/argon2|password/i);
    const signedIn = await loginAs(t.app, 'alpha', 'wang.teacher', 'twelve-chars');
    expect(signedIn.me.roles).toEqual([expect.objectContaining({ role: 'head_teacher' })]);
    const [stored] = await withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
      tx.select({ hash: people.passwordHash }).from(people).where(eq(people.id, created.id)),
    );
    expect(stored!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const audited = await withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.entityId, created.id)),
    );
    expect(audited.map((row) => row.action)).toEqual(['person.create']);
  });

  it('refuses a password under 12 characters naming password, and stores nothing', async () => {
    const problem = await json(
      admin.request('/api/people', {
        method: 'POST',
        body: { username: 'short.pw', displayName: '短密码', password: 'elevenchars', roles: [] },
      }),
      400,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    const found = await withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
      tx.select().from(people).where(eq(people.username, 'short.pw')),
    );
    expect(found).toEqual([]);
  });

  it('answers 409 naming username for a taken username', async () => {
    const problem = await json(
      admin.request('/api/people', {
        method: 'POST',
        body: { username: 'counsellor1', displayName: '重名', password: 'long-enough-pw', roles: [] },
      }),
      409,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'username' })]);
  });

  it("names the role whose unit is another school's, and refuses everyone but school admins", async () => {
    const problem = await json(
      admin.request('/api/people', {
        method: 'POST',
        body: {
          username: 'cross.school',
          displayName: '越界',
          password: 'long-enough-pw',
          roles: [
            { role: 'counsellor', unitId: alpha().colleges[0].id },
            { role: 'counsellor', unitId: beta().colleges[0].id },
          ],
        },
      }),
      400,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'roles.1.unitId' })]);
    await json(
      counsellor.request('/api/people', {
        method: 'POST',
        body: { username: 'by.counsellor', displayName: '辅导员建', password: 'long-enough-pw', roles: [] },
      }),
      403,
    );
  });
});

describe('people/update', () => {
  it('renames and replaces roles', async () => {
    const updated = await json(
      admin.request(`/api/people/${alpha().people.teacher1}`, {
        method: 'PATCH',
        body: {
          displayName: '李老师',
          roles: [
            { role: 'head_teacher', unitId: alpha().colleges[0].classId },
            { role: 'counsellor', unitId: alpha().colleges[0].id },
          ],
        },
      }),
      200,
    );
    expect(updated.displayName).toBe('李老师');
    expect(updated.roles.map((r: { role: string }) => r.role).sort()).toEqual(['counsellor', 'head_teacher']);
  });

  it('ends every session of a disabled account at once, and lets it sign in again once enabled', async () => {
    const victim = await loginAs(t.app, 'alpha', 'counsellor2');
    expect((await victim.request('/api/auth/me')).status).toBe(200);
    const disabled = await json(
      admin.request(`/api/people/${alpha().people.counsellor2}`, {
        method: 'PATCH',
        body: { disabled: true },
      }),
      200,
    );
    expect(disabled.disabled).toBe(true);
    const left = await withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
      tx.select().from(sessions).where(eq(sessions.personId, alpha().people.counsellor2!)),
    );
    expect(left).toEqual([]);
    expect((await victim.request('/api/auth/me')).status).toBe(401);
    await expect(loginAs(t.app, 'alpha', 'counsellor2')).rejects.toThrow(/401/);
    const audited = await withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.entityId, alpha().people.counsellor2!), eq(auditLog.action, 'person.disable')),
        ),
    );
    expect(audited).toHaveLength(1);
    await json(
      admin.request(`/api/people/${alpha().people.counsellor2}`, {
        method: 'PATCH',
        body: { disabled: false },
      }),
      200,
    );
    expect((await (await loginAs(t.app, 'alpha', 'counsellor2')).request('/api/auth/me')).status).toBe(200);
  });

  it('keeps an administrator from locking themselves out', async () => {
    const self = `/api/people/${alpha().people.admin}`;
    const disable = await json(admin.request(self, { method: 'PATCH', body: { disabled: true } }), 400);
    expect(disable.errors).toEqual([expect.objectContaining({ field: 'disabled' })]);
    const demote = await json(admin.request(self, { method: 'PATCH', body: { roles: [] } }), 400);
    expect(demote.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    expect((await admin.request('/api/auth/me')).status).toBe(200);
  });

  it('refuses an empty change, other roles than school admin, and accounts of another school', async () => {
    await json(admin.request(`/api/people/${alpha().people.staff}`, { method: 'PATCH', body: {} }), 400);
    await json(
      counsellor.request(`/api/people/${alpha().people.teacher1}`, {
        method: 'PATCH',
        body: { disabled: true },
      }),
      403,
    );
    await json(
      admin.request(`/api/people/${beta().people.staff}`, { method: 'PATCH', body: { disabled: true } }),
      404,
    );
    expect((await (await loginAs(t.app, 'beta', 'staff')).request('/api/auth/me')).status).toBe(200);
  });
});

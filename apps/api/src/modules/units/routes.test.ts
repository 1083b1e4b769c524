import { auditLog, units } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let director: TestSession;
let counsellor: TestSession;
let betaAdmin: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [admin, director, counsellor, betaAdmin] = await Promise.all([
    loginAs(t.app, 'alpha', 'admin'),
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'beta', 'admin'),
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

async function unitNames(schoolId: string): Promise<string[]> {
  const rows = await withTenant(t.db, asWholeSchool(schoolId), (tx) =>
    tx.select({ name: units.name }).from(units),
  );
  return rows.map((r) => r.name).sort();
}

/** The JSON body of a response, after checking its status (the body is shown when the status is wrong). */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the expectations that follow
async function json(res: Response | Promise<Response>, status: number): Promise<any> {
  const answered = await res;
  const body = await answered.json();
  expect(answered.status, JSON.stringify(body)).toBe(status);
  return body;
}

describe('units/list', () => {
  it('shows a school admin the whole network of their school, shallowest first, and nothing of another school', async () => {
    const page = await json(admin.request('/api/units?pageSize=200'), 200);
    expect(page.total).toBe(8);
    expect(page.items.map((u: { depth: number }) => u.depth)).toEqual([0, 1, 2, 2, 3, 3, 4, 4]);
    expect(page.items[2]).toMatchObject({
      id: alpha().colleges[0].id,
      levelKey: 'college',
      levelName: '学院',
    });
    expect(JSON.stringify(page)).not.toContain(beta().rootId);
  });

  it('pages, and filters by parent, by level and by a part of the name', async () => {
    const first = await json(admin.request('/api/units?page=2&pageSize=3'), 200);
    expect(first).toMatchObject({ total: 8, page: 2, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    const colleges = await json(admin.request(`/api/units?parentId=${alpha().centerId}`), 200);
    expect(colleges.items.map((u: { name: string }) => u.name)).toEqual(['第1学院', '第2学院']);
    const classes = await json(admin.request('/api/units?levelKey=class'), 200);
    expect(classes.total).toBe(2);
    const searched = await json(admin.request(`/api/units?q=${encodeURIComponent('第2学院')}`), 200);
    expect(searched.items.map((u: { name: string }) => u.name)).toEqual(['第2学院', '第2学院2024级1班']);
    const wildcard = await json(admin.request(`/api/units?q=${encodeURIComponent('%')}`), 200);
    expect(wildcard.total).toBe(0);
  });

  it("shows a counsellor their college's subtree and the units above it, not the other college", async () => {
    const page = await json(counsellor.request('/api/units'), 200);
    const ids = page.items.map((u: { id: string }) => u.id);
    const college = alpha().colleges[0];
    expect(ids.sort()).toEqual(
      [alpha().rootId, alpha().centerId, college.id, college.classId, college.dormId].sort(),
    );
  });

  it('names the bad query parameter', async () => {
    const problem = await json(admin.request('/api/units?pageSize=5000&parentId=nope'), 400);
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'parentId']);
  });
});

describe('units/tree', () => {
  it('nests the whole network for a school admin', async () => {
    const tree = await json(admin.request('/api/units/tree'), 200);
    expect(tree.roots).toHaveLength(1);
    const center = tree.roots[0].children[0];
    expect(center.id).toBe(alpha().centerId);
    expect(center.children.map((c: { name: string }) => c.name)).toEqual(['第1学院', '第2学院']);
    expect(center.children[1].children[0].children[0].levelKey).toBe('dorm');
  });

  it("prunes the tree to a counsellor's branch and answers a subtree by rootId", async () => {
    const tree = await json(counsellor.request('/api/units/tree'), 200);
    expect(tree.roots[0].children[0].children.map((c: { id: string }) => c.id)).toEqual([
      alpha().colleges[0].id,
    ]);
    const sub = await json(counsellor.request(`/api/units/tree?rootId=${alpha().colleges[0].classId}`), 200);
    expect(sub.roots).toEqual([
      expect.objectContaining({
        id: alpha().colleges[0].classId,
        children: [expect.objectContaining({ levelKey: 'dorm' })],
      }),
    ]);
  });

  it('answers 404 for a root outside the branch or the school', async () => {
    await json(counsellor.request(`/api/units/tree?rootId=${alpha().colleges[1].id}`), 404);
    await json(admin.request(`/api/units/tree?rootId=${beta().rootId}`), 404);
  });
});

describe('units/read', () => {
  it('answers one unit with its ancestors, root first', async () => {
    const unit = await json(counsellor.request(`/api/units/${alpha().colleges[0].dormId}`), 200);
    expect(unit).toMatchObject({ levelKey: 'dorm', depth: 4, parentId: alpha().colleges[0].classId });
    expect(unit.ancestors.map((a: { id: string }) => a.id)).toEqual([
      alpha().rootId,
      alpha().centerId,
      alpha().colleges[0].id,
      alpha().colleges[0].classId,
    ]);
  });

  it("answers 404 for another college's unit, another school's unit, and 400 naming a malformed id", async () => {
    await json(counsellor.request(`/api/units/${alpha().colleges[1].classId}`), 404);
    await json(admin.request(`/api/units/${beta().colleges[0].id}`), 404);
    const problem = await json(admin.request('/api/units/not-a-uuid'), 400);
    expect(problem.errors[0].field).toBe('id');
  });
});

describe('units/create', () => {
  it('adds a class under a college for a school admin, and audits it', async () => {
    const created = await json(
      admin.request('/api/units', {
        method: 'POST',
        body: { parentId: alpha().colleges[0].id, levelKey: 'class', name: '第1学院2024级2班' },
      }),
      201,
    );
    expect(created).toMatchObject({
      levelKey: 'class',
      depth: 3,
      parentId: alpha().colleges[0].id,
      levelName: '班级',
    });
    expect(created.ancestors.at(-1).id).toBe(alpha().colleges[0].id);
    const audited = await withTenant(t.db, asWholeSchool(alpha().id), (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'unit.create'), eq(auditLog.entityId, created.id))),
    );
    expect(audited).toEqual([
      expect.objectContaining({
        actorPersonId: alpha().people.admin,
        actorRole: 'school_admin',
        actorUnitId: alpha().rootId,
      }),
    ]);
  });

  it('lets a center director add under the center', async () => {
    await json(
      director.request('/api/units', {
        method: 'POST',
        body: { parentId: alpha().centerId, levelKey: 'college', name: '第3学院' },
      }),
      201,
    );
  });

  it('refuses a level that is not the one right below the parent, naming levelKey, and stores nothing', async () => {
    const before = await unitNames(alpha().id);
    const skipped = await json(
      admin.request('/api/units', {
        method: 'POST',
        body: { parentId: alpha().colleges[0].id, levelKey: 'dorm', name: '跳级寝室' },
      }),
      400,
    );
    expect(skipped.errors).toEqual([expect.objectContaining({ field: 'levelKey' })]);
    expect(skipped.errors[0].message).toContain('class');
    const lowest = await json(
      admin.request('/api/units', {
        method: 'POST',
        body: { parentId: alpha().colleges[0].dormId, levelKey: 'dorm', name: '寝室下的寝室' },
      }),
      400,
    );
    expect(lowest.errors).toEqual([expect.objectContaining({ field: 'levelKey' })]);
    expect(await unitNames(alpha().id)).toEqual(before);
  });

  it('names the missing or malformed fields', async () => {
    const problem = await json(
      admin.request('/api/units', { method: 'POST', body: { levelKey: 'class', name: '  ' } }),
      400,
    );
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'parentId']);
  });

  it('refuses a duplicate name among siblings with 409 naming name', async () => {
    const problem = await json(
      admin.request('/api/units', {
        method: 'POST',
        body: { parentId: alpha().centerId, levelKey: 'college', name: '第2学院' },
      }),
      409,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it("answers 403 to roles that do not write the network and 400 naming parentId for another school's parent", async () => {
    await json(
      counsellor.request('/api/units', {
        method: 'POST',
        body: { parentId: alpha().colleges[0].id, levelKey: 'class', name: '辅导员建的班' },
      }),
      403,
    );
    const foreign = await json(
      betaAdmin.request('/api/units', {
        method: 'POST',
        body: { parentId: alpha().colleges[0].id, levelKey: 'class', name: '越界' },
      }),
      400,
    );
    expect(foreign.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);
    expect(await unitNames(alpha().id)).not.toContain('越界');
    expect(await unitNames(beta().id)).not.toContain('越界');
  });
});

describe('units/update', () => {
  it('renames a unit for a school admin and for a center director below the center', async () => {
    const renamed = await json(
      admin.request(`/api/units/${alpha().colleges[1].classId}`, {
        method: 'PATCH',
        body: { name: '第2学院2024级甲班' },
      }),
      200,
    );
    expect(renamed).toMatchObject({ name: '第2学院2024级甲班', levelKey: 'class' });
    await json(
      director.request(`/api/units/${alpha().colleges[1].id}`, {
        method: 'PATCH',
        body: { name: '第二学院' },
      }),
      200,
    );
    expect(await unitNames(alpha().id)).toEqual(expect.arrayContaining(['第2学院2024级甲班', '第二学院']));
  });

  it('refuses the center director renaming the center itself, and other roles anything', async () => {
    await json(
      director.request(`/api/units/${alpha().centerId}`, { method: 'PATCH', body: { name: '中心' } }),
      403,
    );
    await json(
      counsellor.request(`/api/units/${alpha().colleges[0].id}`, { method: 'PATCH', body: { name: '改名' } }),
      403,
    );
    await json(
      betaAdmin.request(`/api/units/${alpha().colleges[0].id}`, { method: 'PATCH', body: { name: '改名' } }),
      404,
    );
    const problem = await json(
      admin.request(`/api/units/${alpha().rootId}`, { method: 'PATCH', body: { name: '' } }),
      400,
    );
    expect(problem.errors[0].field).toBe('name');
    expect(await unitNames(alpha().id)).not.toContain('改名');
  });
});

import { students } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import type { PluginCatalog } from '../plugins/catalog.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from '../students/fixtures.test-helpers.ts';

// The test clock starts on Monday 2025-03-03 (the spring term 2024-2025-2, which ends 2025-07-05). alpha has
// nuc-shuozhou's rules (support-targets: five categories, parent contact for 3+ failed courses, plan in 14 days);
// beta has wuhan-polytechnic's (a 30% financial-support coverage target).
let t: TestApp;
let plugins: PluginCatalog;
let teacher: TestSession;
let counsellor: TestSession;
let otherCounsellor: TestSession;
let station: TestSession;
let committee: TestSession;
let liaison: TestSession;
let admin: TestSession;

beforeAll(async () => {
  ({ plugins } = await testPluginCatalog({ copies: { alpha: 'nuc-shuozhou', beta: 'wuhan-polytechnic' } }));
  t = await createTestApp({ plugins });
  const names = ['teacher1', 'counsellor1', 'counsellor2', 'station1', 'committee1', 'liaison1', 'admin'];
  [teacher, counsellor, otherCounsellor, station, committee, liaison, admin] = (await Promise.all(
    names.map((u) => loginAs(t.app, 'alpha', u)),
  )) as [TestSession, TestSession, TestSession, TestSession, TestSession, TestSession, TestSession];
  await asWholeSchool(t, 'alpha', (tx) =>
    tx
      .update(students)
      .set({ guardians: [{ name: '王母', relation: '母亲', phone: '13800000000' }] })
      .where(eq(students.id, student(0))),
  );
});
afterAll(() => t?.close());

const alpha = () => t.world.schools.alpha;
const student = (n: number) => alpha().colleges[0].studentIds[n]!;
const classId = () => alpha().colleges[0].classId;
const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field).sort();
const post = (as: TestSession, path: string, body: Record<string, unknown> = {}) =>
  as.request(`/api${path}`, { method: 'POST', body });
const put = (as: TestSession, path: string, body: Record<string, unknown>) =>
  as.request(`/api${path}`, { method: 'PUT', body });
const get = (as: TestSession, path: string) => as.request(`/api${path}`);

let listId = '';
let fileId = '';

describe('support/lists', () => {
  it('refuses a sanction dated in the future, naming sanctionedOn, and writes nothing', async () => {
    const res = await post(teacher, '/support/sanctions', {
      studentId: student(1),
      sanction: '夜不归宿',
      level: 'warning',
      sanctionedOn: '2025-03-10',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(await json(res))).toEqual(['sanctionedOn']);
    const records = await json(await get(teacher, `/support/records?studentId=${student(1)}`));
    expect(records.sanctions).toEqual([]);
  });

  it('proposes the class list by the school rules, with the categories and the facts behind them', async () => {
    expect(
      (
        await post(teacher, '/support/failed-courses', {
          studentId: student(0),
          term: '2024-2025-2',
          count: 3,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(teacher, '/support/sanctions', {
          studentId: student(1),
          sanction: '考试作弊',
          level: 'serious_warning',
          sanctionedOn: '2025-01-08',
        })
      ).status,
    ).toBe(201);
    const res = await post(teacher, '/support/lists', { classUnitId: classId() });
    expect(res.status).toBe(201);
    const list = await json(res);
    listId = list.id;
    expect(list.term).toBe('2024-2025-2');
    expect(list.status).toBe('proposed');
    const byStudent = new Map(list.entries.map((e: { student: { id: string } }) => [e.student.id, e]));
    const first = byStudent.get(student(0)) as any;
    expect(first.categories.map((c: { category: string }) => c.category)).toEqual(['academic']);
    expect(first.facts[0].detail).toContain('不及格 3 门次');
    expect(first.parentContact.zh).toContain('家长');
    expect((byStudent.get(student(1)) as any).categories[0].category).toBe('disciplinary');
    expect(byStudent.has(student(2))).toBe(false);
  });

  it('shows class committee members, dorm liaisons and school admins nothing of it', async () => {
    for (const who of [committee, liaison, admin]) {
      expect((await get(who, `/support/lists/${listId}`)).status).toBe(403);
    }
    expect((await get(otherCounsellor, `/support/lists/${listId}`)).status).toBe(404);
  });

  it('lets the head teacher add a student with a reason, remove one with a reason, and confirm', async () => {
    const added = await post(teacher, `/support/lists/${listId}/entries`, {
      studentId: student(2),
      categories: ['psychological'],
      reason: '家庭变故后情绪低落，本人希望得到帮助',
    });
    expect(added.status).toBe(200);
    const entry = (await json(added)).entries.find((e: any) => e.student.id === student(2));
    expect(entry.origin).toBe('added');
    const noReason = await post(teacher, `/support/lists/${listId}/entries/${entry.id}/remove`, {
      reason: '',
    });
    expect(noReason.status).toBe(400);
    const removed = await post(teacher, `/support/lists/${listId}/entries/${entry.id}/remove`, {
      reason: '经谈话已无需帮扶',
    });
    expect((await json(removed)).entries.find((e: any) => e.id === entry.id).status).toBe('removed');
    const confirmed = await json(await post(teacher, `/support/lists/${listId}/confirm`));
    expect(confirmed.status).toBe('confirmed');
    const mine = confirmed.entries.find((e: any) => e.student.id === student(0));
    expect(mine.status).toBe('confirmed');
    expect(mine.fileId).toBeTruthy();
    fileId = mine.fileId;
    expect(confirmed.entries.find((e: any) => e.id === entry.id).fileId).toBeNull();
  });

  it('puts a student back before the head teacher when a sanction recorded during the term meets the rules', async () => {
    const recorded = await post(counsellor, '/support/sanctions', {
      studentId: student(2),
      sanction: '夜不归宿',
      level: 'warning',
      sanctionedOn: '2025-03-03',
    });
    expect(recorded.status).toBe(201);
    const list = await json(await get(teacher, `/support/lists/${listId}`));
    const entry = list.entries.find((e: any) => e.student.id === student(2));
    expect(entry.status).toBe('proposed');
    expect(entry.categories.map((c: any) => c.category)).toContain('disciplinary');
    // The head teacher is told and finds it in My work, linked to the list.
    const notes = await json(await get(teacher, '/notifications'));
    expect(notes.items.map((n: any) => n.kind)).toContain('support.proposed');
    const work = await json(await get(teacher, '/me/work'));
    const item = work.items.find((i: any) => i.id === `${entry.id}:confirm`);
    expect(item).toMatchObject({ kind: 'support_file', link: `/support/lists/${listId}` });
    expect(item.title.zh).toContain('确认新增帮扶对象');
    // Confirming opens the file and clears the item.
    const confirmed = await json(await post(teacher, `/support/lists/${listId}/confirm`));
    expect(confirmed.entries.find((e: any) => e.id === entry.id)).toMatchObject({ status: 'confirmed' });
    expect(confirmed.entries.find((e: any) => e.id === entry.id).fileId).toBeTruthy();
    const after = await json(await get(teacher, '/me/work'));
    expect(after.items.some((i: any) => i.id === `${entry.id}:confirm`)).toBe(false);
  });
});

describe('support/files', () => {
  it('refuses a responsible person outside the student network, naming personId, and keeps the file unchanged', async () => {
    const res = await put(teacher, `/support/files/${fileId}/responsible`, {
      kind: 'counsellor',
      personId: alpha().people.counsellor2,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(await json(res))).toEqual(['personId']);
    expect((await json(await get(teacher, `/support/files/${fileId}`))).responsible).toBeNull();
  });

  it('names the counsellor responsible, who then reads the file; every read is audited', async () => {
    const res = await put(teacher, `/support/files/${fileId}/responsible`, {
      kind: 'counsellor',
      personId: alpha().people.counsellor1,
    });
    expect(res.status).toBe(200);
    expect((await json(res)).responsible.name).toContain('counsellor1');
    const seq = await lastAuditSeq(t, 'alpha');
    expect((await get(counsellor, `/support/files/${fileId}`)).status).toBe(200);
    expect((await get(station, `/support/files/${fileId}`)).status).toBe(200);
    const rows = await auditRowsAfter(t, 'alpha', seq);
    expect(rows.filter((r) => r.action === 'support_file.read' && r.studentId === student(0))).toHaveLength(
      2,
    );
    expect((await get(committee, `/support/files/${fileId}`)).status).toBe(403);
  });

  it('lists the plan and the parent contact with the guardians in My work', async () => {
    const work = await json(await get(teacher, '/me/work'));
    const items = work.items.filter((i: any) => i.kind === 'support_file' && i.id.startsWith(fileId));
    expect(items.map((i: any) => i.id).sort()).toEqual([`${fileId}:parents`, `${fileId}:plan`]);
    expect(items.find((i: any) => i.id.endsWith(':parents')).title.zh).toContain('母亲王母 13800000000');
    const helper = await json(await get(counsellor, '/me/work'));
    expect(helper.items.filter((i: any) => i.id.startsWith(fileId)).map((i: any) => i.id)).toEqual([
      `${fileId}:plan`,
    ]);
  });

  it('refuses an empty plan naming plan, then keeps the six contents written', async () => {
    const empty = await put(teacher, `/support/files/${fileId}/plan`, { thought: '' });
    expect(empty.status).toBe(400);
    expect(fieldsOf(await json(empty))).toEqual(['plan']);
    const res = await put(counsellor, `/support/files/${fileId}/plan`, {
      academic: '每周两次一对一辅导高等数学',
      psychological: '每两周谈心一次',
    });
    expect(res.status).toBe(200);
    expect((await json(res)).plan).toEqual({
      academic: '每周两次一对一辅导高等数学',
      psychological: '每两周谈心一次',
    });
  });

  it('refuses a plan for a student taken off the list, naming id, and writes nothing', async () => {
    const list = await json(await get(teacher, `/support/lists/${listId}`));
    const other = list.entries.find((e: any) => e.student.id === student(1));
    expect(
      (await post(teacher, `/support/lists/${listId}/entries/${other.id}/remove`, { reason: '处分已解除' }))
        .status,
    ).toBe(200);
    const res = await put(teacher, `/support/files/${other.fileId}/plan`, { academic: '不应写入' });
    expect(res.status).toBe(400);
    expect(fieldsOf(await json(res))).toEqual(['id']);
    expect((await json(await get(teacher, `/support/files/${other.fileId}`))).plan).toEqual({});
  });

  it('logs a parent contact, which settles the parent contact that was due', async () => {
    const res = await post(teacher, `/support/files/${fileId}/parent-contacts`, {
      contactedAt: '2025-03-03T07:00:00Z',
      method: 'phone',
      contactedPerson: '母亲王母',
      agreed: '家长每周与学生通话督促学习，期中后到校面谈',
      invitedToCampus: true,
    });
    expect(res.status).toBe(201);
    const file = await json(res);
    expect(file.contacts).toHaveLength(1);
    expect(file.parentContactDueOn).toBeNull();
    const work = await json(await get(teacher, '/me/work'));
    expect(work.items.filter((i: any) => i.id.startsWith(fileId))).toEqual([]);
  });

  it('refuses the evaluation before the term ends, naming evaluation, and takes it after', async () => {
    const early = await post(teacher, `/support/files/${fileId}/evaluation`, { evaluation: '进步明显' });
    expect(early.status).toBe(400);
    expect(fieldsOf(await json(early))).toEqual(['evaluation']);
    t.clock.advance(125 * 86_400_000);
    teacher = await loginAs(t.app, 'alpha', 'teacher1');
    committee = await loginAs(t.app, 'alpha', 'committee1');
    const late = await post(teacher, `/support/files/${fileId}/evaluation`, {
      evaluation: '补考全部通过，进步明显',
    });
    expect(late.status).toBe(200);
    expect((await json(late)).evaluation).toBe('补考全部通过，进步明显');
  });

  it('shows the file on the student file for the full view only', async () => {
    const files = await json(await get(teacher, `/support/files?studentId=${student(0)}`));
    expect(files.files.map((f: any) => f.id)).toEqual([fileId]);
    expect((await get(committee, `/support/files?studentId=${student(0)}`)).status).toBe(403);
  });
});

describe('support/financial', () => {
  it('counts coverage per college against the school target for student affairs, and exports it', async () => {
    const beta = t.world.schools.beta;
    const counsellorB = await loginAs(t.app, 'beta', 'counsellor1');
    const affairs = await loginAs(t.app, 'beta', 'affairs');
    const who = beta.colleges[0].studentIds[0]!;
    const cert = await post(counsellorB, '/support/hardship', {
      studentId: who,
      term: '2024-2025-2',
      level: 'special',
      certifiedOn: '2025-07-01',
    });
    expect(cert.status).toBe(201);
    const aid = await post(counsellorB, '/support/aids', {
      studentId: who,
      term: '2024-2025-2',
      kind: 'money',
      description: '国家助学金',
      amountYuan: 3300,
      givenOn: '2025-07-02',
    });
    expect(aid.status).toBe(201);
    const res = await get(affairs, '/support/financial/coverage?term=2024-2025-2');
    expect(res.status).toBe(200);
    const coverage = await json(res);
    expect(coverage.target.percent).toBe(30);
    const college = coverage.colleges.find((c: any) => c.collegeId === beta.colleges[0].id);
    expect(college).toMatchObject({ students: 3, certified: 1, aided: 1, meetsTarget: true });
    expect(college.byKind.money).toBe(1);
    const xlsx = await get(affairs, '/support/financial/coverage.xlsx?term=2024-2025-2');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await get(affairs, `/support/records?studentId=${who}`)).status).toBe(403);
  });
});

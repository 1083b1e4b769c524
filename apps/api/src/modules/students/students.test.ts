import { students } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from './fixtures.test-helpers.ts';

let t: TestApp;
let director: TestSession;
let counsellor1: TestSession;
let counsellor2: TestSession;
let committee1: TestSession;
let liaison1: TestSession;
let betaCounsellor: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [director, counsellor1, counsellor2, committee1, liaison1, betaCounsellor] = await Promise.all([
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'counsellor2'),
    loginAs(t.app, 'alpha', 'committee1'),
    loginAs(t.app, 'alpha', 'liaison1'),
    loginAs(t.app, 'beta', 'counsellor1'),
  ]);
});
afterAll(() => t?.close());

const alpha = () => t.world.schools.alpha;
const numbers = (body: { items: { studentNumber: string }[] }) => body.items.map((s) => s.studentNumber);
const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field);
const storedByNumber = (studentNumber: string) =>
  asWholeSchool(t, 'alpha', (tx) =>
    tx.select().from(students).where(eq(students.studentNumber, studentNumber)),
  );

const REDUCED_KEYS = ['className', 'dormName', 'gender', 'id', 'name', 'studentNumber', 'view'];

describe('GET /api/students', () => {
  it('lists the students of the caller’s units only, by student number, with the total', async () => {
    const res = await counsellor1.request('/api/students');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(numbers(body)).toEqual(['alpha-1-1', 'alpha-1-2', 'alpha-1-3']);
    expect(body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect(body.items[0]).toMatchObject({ view: 'full', collegeName: '第1学院', dormName: '1号楼101室' });
    expect(body.items[0]).not.toHaveProperty('phone');

    expect(numbers(await json(await counsellor2.request('/api/students')))).toEqual([
      'alpha-2-1',
      'alpha-2-2',
      'alpha-2-3',
    ]);
    expect(numbers(await json(await betaCounsellor.request('/api/students')))).toEqual([
      'beta-1-1',
      'beta-1-2',
      'beta-1-3',
    ]);
  });

  it('pages through the list and refuses a page size over 200 naming pageSize', async () => {
    const body = await json(await director.request('/api/students?page=2&pageSize=4'));
    expect(body).toMatchObject({ page: 2, pageSize: 4, total: 6 });
    expect(numbers(body)).toEqual(['alpha-2-2', 'alpha-2-3']);
    const tooBig = await director.request('/api/students?pageSize=201');
    expect(tooBig.status).toBe(400);
    expect(tooBig.headers.get('content-type')).toBe('application/problem+json');
    expect(fieldsOf(await json(tooBig))).toEqual(['pageSize']);
    expect(fieldsOf(await json(await director.request('/api/students?page=0')))).toEqual(['page']);
  });

  it('counts only when asked: a page alone says whether more follow, withTotal counts them all', async () => {
    const first = await json(await director.request('/api/students?pageSize=4'));
    expect(numbers(first)).toEqual(['alpha-1-1', 'alpha-1-2', 'alpha-1-3', 'alpha-2-1']);
    expect(first).toMatchObject({ total: 5, totalExact: false });
    const counted = await json(await director.request('/api/students?pageSize=4&withTotal=true'));
    expect(numbers(counted)).toEqual(numbers(first));
    expect(counted).toMatchObject({ total: 6, totalExact: true });
    const last = await json(await director.request('/api/students?page=2&pageSize=4'));
    expect(last).toMatchObject({ total: 6, totalExact: true });
    // Past the end there is no row to say where the end is: the list counts.
    const past = await json(await director.request('/api/students?page=5&pageSize=4'));
    expect(past).toMatchObject({ items: [], total: 6, totalExact: true });
  });

  it('filters by any unit’s subtree and names a unit that is not the school’s', async () => {
    const [college1, college2] = alpha().colleges;
    const byCollege = await json(await director.request(`/api/students?unitId=${college2.id}`));
    expect(numbers(byCollege)).toEqual(['alpha-2-1', 'alpha-2-2', 'alpha-2-3']);
    const byDorm = await json(await director.request(`/api/students?unitId=${college1.dormId}`));
    expect(numbers(byDorm)).toEqual(['alpha-1-1', 'alpha-1-2']);
    // A counsellor filtering by another college gets nobody, not an error that reveals anything.
    expect((await json(await counsellor1.request(`/api/students?unitId=${college2.id}`))).total).toBe(0);

    const betaUnit = await director.request(`/api/students?unitId=${t.world.schools.beta.colleges[0].id}`);
    expect(betaUnit.status).toBe(400);
    expect(fieldsOf(await json(betaUnit))).toEqual(['unitId']);
    expect(fieldsOf(await json(await director.request('/api/students?unitId=nope')))).toEqual(['unitId']);
  });

  it('searches name or number with the pattern’s wildcards taken literally', async () => {
    expect(
      numbers(await json(await director.request(`/api/students?q=${encodeURIComponent('学生12')}`))),
    ).toEqual(['alpha-1-2']);
    expect((await json(await director.request('/api/students?q=ALPHA-2'))).total).toBe(3);
    // Text without letter case (digits, Chinese) is matched with LIKE, text with it case-blind (containsText).
    expect(numbers(await json(await director.request('/api/students?q=2-3')))).toEqual(['alpha-2-3']);
    for (const wildcard of ['%', '_', '\\']) {
      const res = await director.request(`/api/students?q=${encodeURIComponent(wildcard)}`);
      expect((await json(res)).total, wildcard).toBe(0);
    }
    // 'alpha_1' as a raw LIKE pattern would match 'alpha-1-…'; escaped it matches nothing.
    expect((await json(await director.request('/api/students?q=alpha_1'))).total).toBe(0);
    expect((await json(await betaCounsellor.request('/api/students?q=alpha'))).total).toBe(0);
  });

  it('shows class committee members and dorm liaisons the reduced view of their own students only', async () => {
    const committee = await json(await committee1.request('/api/students'));
    expect(numbers(committee)).toEqual(['alpha-1-1', 'alpha-1-2', 'alpha-1-3']);
    for (const item of committee.items) expect(Object.keys(item).sort()).toEqual(REDUCED_KEYS);
    expect(committee.items[0]).toMatchObject({ view: 'reduced', className: '第1学院2024级1班' });
    const liaison = await json(await liaison1.request('/api/students'));
    expect(numbers(liaison)).toEqual(['alpha-1-1', 'alpha-1-2']);
    expect(liaison.items.every((s: { view: string }) => s.view === 'reduced')).toBe(true);
  });

  it('audits a list read as one row with the filter as entity id', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const unitId = alpha().colleges[0].id;
    await counsellor1.request(`/api/students?unitId=${unitId}&q=x`, {
      headers: { 'x-access-purpose': 'weekly%20review' },
    });
    const rows = await auditRowsAfter(t, 'alpha', since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'student.list',
      actorPersonId: counsellor1.me.person.id,
      actorRole: 'counsellor',
      studentId: null,
      purpose: 'weekly review',
    });
    expect(JSON.parse(rows[0]!.entityId!)).toEqual({ unitId, q: 'x', page: 1, pageSize: 50 });
  });
});

describe('GET /api/students/{id}', () => {
  it('answers the whole record to the full view and audits the read with its purpose', async () => {
    const id = alpha().colleges[0].studentIds[0]!;
    const since = await lastAuditSeq(t, 'alpha');
    const res = await counsellor1.request(`/api/students/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await json(res)).toMatchObject({
      id,
      view: 'full',
      studentNumber: 'alpha-1-1',
      phone: null,
      guardians: [],
      classUnitId: alpha().colleges[0].classId,
    });
    const [row] = await auditRowsAfter(t, 'alpha', since);
    expect(row).toMatchObject({
      action: 'student.read',
      studentId: id,
      entityId: id,
      actorRole: 'counsellor',
      actorUnitId: alpha().colleges[0].id,
      purpose: '查看学生信息 / student record',
    });
  });

  it('answers only number, name, gender, class and dorm to the reduced view', async () => {
    const id = alpha().colleges[0].studentIds[1]!;
    const res = await liaison1.request(`/api/students/${id}`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(REDUCED_KEYS);
    expect(body).toMatchObject({ view: 'reduced', studentNumber: 'alpha-1-2', dormName: '1号楼101室' });
  });

  it('answers 404, never 403, for a student the caller cannot see, and 400 for a malformed id', async () => {
    const college1Student = alpha().colleges[0].studentIds[0]!;
    const noDorm = alpha().colleges[0].studentIds[2]!;
    const cases: [TestSession, string][] = [
      [counsellor2, college1Student],
      [betaCounsellor, college1Student],
      [liaison1, noDorm],
      [director, '00000000-0000-4000-8000-000000000000'],
    ];
    for (const [who, id] of cases) {
      const res = await who.request(`/api/students/${id}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const bad = await director.request('/api/students/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(fieldsOf(await json(bad))).toEqual(['id']);
  });
});

describe('POST /api/students', () => {
  const college1 = () => alpha().colleges[0];
  const newStudent = (overrides: Record<string, unknown> = {}) => ({
    studentNumber: 'alpha-new-1',
    name: '新同学',
    gender: 'female',
    enrolmentYear: 2025,
    collegeUnitId: college1().id,
    classUnitId: college1().classId,
    dormUnitId: college1().dormId,
    phone: '13800138000',
    email: 'new@example.edu.cn',
    guardians: [{ name: '家长', relation: '母亲', phone: '13900139000' }],
    ...overrides,
  });

  it('creates a student in the caller’s class, readable afterwards, and audits it', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const res = await counsellor1.request('/api/students', { method: 'POST', body: newStudent() });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ view: 'full', studentNumber: 'alpha-new-1', dormName: '1号楼101室' });
    const read = await json(await counsellor1.request(`/api/students/${created.id}`));
    expect(read).toEqual(created);
    const [stored] = await storedByNumber('alpha-new-1');
    expect(stored!.placementPath).toBe(college1().dormPath);
    const rows = await auditRowsAfter(t, 'alpha', since);
    expect(rows[0]).toMatchObject({ action: 'student.create', studentId: created.id });
  });

  it('refuses bad input naming each field, storing nothing', async () => {
    const cases: [Record<string, unknown>, number, string[]][] = [
      [{ studentNumber: 'alpha-1-1' }, 409, ['studentNumber']],
      [{ classUnitId: alpha().colleges[1].classId, dormUnitId: null }, 400, ['classUnitId']],
      [{ dormUnitId: alpha().colleges[1].dormId }, 400, ['dormUnitId']],
      [{ collegeUnitId: college1().classId }, 400, ['collegeUnitId']],
      [{ collegeUnitId: t.world.schools.beta.colleges[0].id }, 400, ['collegeUnitId']],
      [{ guardians: [{ name: '家长', phone: '12' }] }, 400, ['guardians.0.phone']],
      [{ name: '', enrolmentYear: 1800, gender: 'x' }, 400, ['enrolmentYear', 'gender', 'name']],
      [{ email: 'not-mail', studentNumber: 'has space' }, 400, ['email', 'studentNumber']],
    ];
    for (const [overrides, status, fields] of cases) {
      const body = newStudent({ studentNumber: 'alpha-bad-1', ...overrides });
      const res = await counsellor1.request('/api/students', { method: 'POST', body });
      expect(res.status, JSON.stringify(overrides)).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(fieldsOf(await json(res))?.sort()).toEqual(fields);
    }
    expect(await storedByNumber('alpha-bad-1')).toEqual([]);
    expect(await storedByNumber('has space')).toEqual([]);
    expect(await storedByNumber('alpha-1-1')).toHaveLength(1);
  });

  it('refuses a placement outside the caller’s units (403) and any write from a reduced view', async () => {
    const college2 = alpha().colleges[1];
    const outside = newStudent({
      studentNumber: 'alpha-out-1',
      collegeUnitId: college2.id,
      classUnitId: college2.classId,
      dormUnitId: null,
    });
    const res = await counsellor1.request('/api/students', { method: 'POST', body: outside });
    expect(res.status).toBe(403);
    expect(fieldsOf(await json(res))).toEqual(['classUnitId']);
    const reduced = await committee1.request('/api/students', {
      method: 'POST',
      body: newStudent({ studentNumber: 'alpha-out-2' }),
    });
    expect(reduced.status).toBe(403);
    expect(await storedByNumber('alpha-out-1')).toEqual([]);
    expect(await storedByNumber('alpha-out-2')).toEqual([]);
  });
});

describe('PATCH /api/students/{id}', () => {
  const path = (n: number) => `/api/students/${alpha().colleges[0].studentIds[n]}`;

  it('changes the given fields, moves updatedAt and audits the write', async () => {
    const before = await json(await counsellor1.request(path(2)));
    const since = await lastAuditSeq(t, 'alpha');
    const res = await counsellor1.request(path(2), {
      method: 'PATCH',
      body: { phone: '13700137000', guardians: [{ name: '父亲', relation: '父子', phone: '13600136000' }] },
    });
    expect(res.status).toBe(200);
    const after = await json(res);
    expect(after).toMatchObject({ phone: '13700137000', name: before.name, dormUnitId: null });
    expect(after.guardians).toEqual([{ name: '父亲', relation: '父子', phone: '13600136000' }]);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    const rows = await auditRowsAfter(t, 'alpha', since);
    expect(rows.map((r) => r.action)).toEqual(['student.update']);
  });

  it('answers 404 to a caller who cannot see the student and 403 to a reduced view', async () => {
    const patch = { method: 'PATCH', body: { name: '改名' } };
    expect((await counsellor2.request(path(0), patch)).status).toBe(404);
    expect((await betaCounsellor.request(path(0), patch)).status).toBe(404);
    expect((await committee1.request(path(0), patch)).status).toBe(403);
    const [stored] = await storedByNumber('alpha-1-1');
    expect(stored!.name).toBe('学生11');
  });

  it('names the field of a bad change and keeps the stored student as it was', async () => {
    const college2 = alpha().colleges[1];
    const [before] = await storedByNumber('alpha-1-1');
    const cases: [Record<string, unknown>, number, string[]][] = [
      [{ studentNumber: 'alpha-1-2' }, 409, ['studentNumber']],
      [{ classUnitId: college2.classId }, 400, ['classUnitId']],
      [{ classUnitId: college2.classId, collegeUnitId: college2.id }, 400, ['dormUnitId']],
      [{ classUnitId: college2.classId, collegeUnitId: college2.id, dormUnitId: null }, 403, ['classUnitId']],
      [{}, 400, ['body']],
      [{ gender: 'unknown' }, 400, ['gender']],
    ];
    for (const [body, status, fields] of cases) {
      const res = await counsellor1.request(path(0), { method: 'PATCH', body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(fieldsOf(await json(res))).toEqual(fields);
    }
    const [after] = await storedByNumber('alpha-1-1');
    expect(after).toEqual(before);
  });

  it('lets a caller who sees both colleges move a student between them', async () => {
    const college2 = alpha().colleges[1];
    const res = await director.request(path(0), {
      method: 'PATCH',
      body: { collegeUnitId: college2.id, classUnitId: college2.classId, dormUnitId: college2.dormId },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ collegeName: '第2学院', dormUnitId: college2.dormId });
    expect((await counsellor1.request(path(0))).status).toBe(404);
    expect((await counsellor2.request(path(0))).status).toBe(200);
  });
});

import { caseEntries, cases } from '@xinqiao/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from '../students/fixtures.test-helpers.ts';

// The test clock starts on 2025-03-03 (China time): "today" for due dates and overdue.
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
const person = (username: string) => alpha().people[username]!;
const student = (college: 0 | 1, n: number) => alpha().colleges[college].studentIds[n]!;
const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field).sort();
const allCases = () =>
  asWholeSchool(t, 'alpha', (tx) => tx.select().from(cases).orderBy(asc(cases.createdAt), asc(cases.id)));
const entriesOf = (caseId: string) =>
  asWholeSchool(t, 'alpha', (tx) =>
    tx.select().from(caseEntries).where(eq(caseEntries.caseId, caseId)).orderBy(asc(caseEntries.createdAt)),
  );

const newCase = (overrides: Record<string, unknown> = {}) => ({
  studentId: student(0, 0),
  kind: 'support',
  title: '学业困难帮扶',
  responsiblePersonId: person('teacher1'),
  dueDate: '2025-03-10',
  ...overrides,
});

let supportCaseId: string;

describe('POST /api/cases', () => {
  it('opens a case owned by a person whose role reaches the student, and audits it', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const res = await counsellor1.request('/api/cases', { method: 'POST', body: newCase() });
    expect(res.status).toBe(201);
    const opened = await json(res);
    expect(opened).toMatchObject({
      student: { id: student(0, 0), studentNumber: 'alpha-1-1' },
      kind: 'support',
      status: 'open',
      dueDate: '2025-03-10',
      overdue: false,
      closedAt: null,
      responsiblePerson: { id: person('teacher1') },
      openedBy: { id: counsellor1.me.person.id },
    });
    supportCaseId = opened.id;
    const [row] = await auditRowsAfter(t, 'alpha', since);
    expect(row).toMatchObject({ action: 'case.create', entityId: opened.id, studentId: student(0, 0) });
  });

  it('names the bad field and opens nothing', async () => {
    const before = await allCases();
    const bad: [Record<string, unknown>, string[]][] = [
      [{ responsiblePersonId: person('committee1') }, ['responsiblePersonId']],
      [{ responsiblePersonId: person('counsellor2') }, ['responsiblePersonId']],
      [{ responsiblePersonId: t.world.schools.beta.people.counsellor1 }, ['responsiblePersonId']],
      [{ studentId: student(1, 0) }, ['studentId']],
      [{ studentId: t.world.schools.beta.colleges[0].studentIds[0] }, ['studentId']],
      [{ dueDate: '2025-03-02' }, ['dueDate']],
      [{ dueDate: '2025-02-30' }, ['dueDate']],
      [{ kind: 'gossip', title: '' }, ['kind', 'title']],
      [{ studentId: 'nope', responsiblePersonId: 'nobody' }, ['responsiblePersonId', 'studentId']],
    ];
    for (const [overrides, fields] of bad) {
      const res = await counsellor1.request('/api/cases', { method: 'POST', body: newCase(overrides) });
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(fieldsOf(await json(res))).toEqual(fields);
    }
    expect((await committee1.request('/api/cases', { method: 'POST', body: newCase() })).status).toBe(403);
    expect((await liaison1.request('/api/cases', { method: 'POST', body: newCase() })).status).toBe(403);
    expect(await allCases()).toEqual(before);
  });
});

describe('GET /api/cases', () => {
  let overdueId: string;
  let closedLateId: string;
  let crisisId: string;

  beforeAll(async () => {
    const res = await director.request('/api/cases', {
      method: 'POST',
      body: newCase({
        studentId: student(1, 0),
        kind: 'crisis',
        title: '危机干预',
        responsiblePersonId: person('counsellor2'),
        dueDate: '2025-03-04',
      }),
    });
    crisisId = (await json(res)).id;
    // Cases due before today cannot be opened through the API; store two as if opened last month.
    const stored = await asWholeSchool(t, 'alpha', (tx) =>
      tx
        .insert(cases)
        .values(
          [
            { status: 'in_progress' as const, title: '逾期随访' },
            { status: 'closed' as const, title: '按时结案', closedAt: new Date('2025-02-27T00:00:00Z') },
          ].map((c) => ({
            ...c,
            schoolId: alpha().id,
            studentId: student(0, 1),
            kind: 'follow_up' as const,
            responsiblePersonId: person('counsellor1'),
            dueDate: '2025-02-28',
          })),
        )
        .returning({ id: cases.id, title: cases.title }),
    );
    overdueId = stored.find((c) => c.title === '逾期随访')!.id;
    closedLateId = stored.find((c) => c.title === '按时结案')!.id;
  });

  const ids = async (who: TestSession, query = '') =>
    (await json(await who.request(`/api/cases${query}`))).items.map((c: { id: string }) => c.id);

  it('lists the cases of the students the caller sees in full, soonest due first', async () => {
    const res = await director.request('/api/cases');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body.total).toBe(4);
    expect(body.items.map((c: { id: string }) => c.id).slice(2)).toEqual([crisisId, supportCaseId]);
    expect(body.items.find((c: { id: string }) => c.id === overdueId).overdue).toBe(true);
    expect(body.items.find((c: { id: string }) => c.id === closedLateId).overdue).toBe(false);

    expect((await ids(counsellor1)).sort()).toEqual([supportCaseId, overdueId, closedLateId].sort());
    expect(await ids(counsellor2)).toEqual([crisisId]);
    expect(await ids(betaCounsellor)).toEqual([]);
  });

  it('refuses the case list (403) to roles that do not work on cases, whatever the filter', async () => {
    for (const who of [committee1, liaison1]) {
      const res = await who.request('/api/cases');
      expect(res.status).toBe(403);
      expect(await json(res)).toMatchObject({ status: 403 });
    }
  });

  it('filters by status, kind, responsible person, student and overdue', async () => {
    expect(await ids(director, '?overdue=true')).toEqual([overdueId]);
    expect((await ids(director, '?overdue=false')).sort()).toEqual(
      [closedLateId, crisisId, supportCaseId].sort(),
    );
    expect(await ids(director, '?status=closed')).toEqual([closedLateId]);
    expect(await ids(director, '?kind=crisis')).toEqual([crisisId]);
    expect(await ids(director, `?responsiblePersonId=${person('teacher1')}`)).toEqual([supportCaseId]);
    expect((await ids(director, `?studentId=${student(0, 1)}`)).sort()).toEqual(
      [overdueId, closedLateId].sort(),
    );
    expect(await ids(director, '?status=open&kind=support')).toEqual([supportCaseId]);
    const page = await json(await director.request('/api/cases?pageSize=1&page=2'));
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: 4 });
    expect(page.items).toHaveLength(1);
    // A page past the end has no row to carry the count: the total still comes back.
    const past = await json(await director.request('/api/cases?pageSize=1&page=9'));
    expect(past).toMatchObject({ page: 9, items: [], total: 4 });
    const bad = await director.request('/api/cases?status=done&overdue=yes&pageSize=500');
    expect(bad.status).toBe(400);
    expect(fieldsOf(await json(bad))).toEqual(['overdue', 'pageSize', 'status']);
  });

  it('audits a list read as one row with the filter', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    await counsellor1.request('/api/cases?overdue=true');
    const rows = await auditRowsAfter(t, 'alpha', since);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe('case.list');
    expect(JSON.parse(rows[0]!.entityId!)).toEqual({ overdue: 'true', page: 1, pageSize: 50 });
  });
});

describe('GET /api/cases/{id}', () => {
  it('answers the case with its timeline and audits the read', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const res = await counsellor1.request(`/api/cases/${supportCaseId}`, {
      headers: { 'x-access-purpose': 'case review' },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: supportCaseId, entries: [] });
    const [row] = await auditRowsAfter(t, 'alpha', since);
    expect(row).toMatchObject({ action: 'case.read', entityId: supportCaseId, purpose: 'case review' });
  });

  it('answers 404 to everyone who does not see the student in full, 403 to roles without cases', async () => {
    for (const who of [counsellor2, betaCounsellor]) {
      expect((await who.request(`/api/cases/${supportCaseId}`)).status).toBe(404);
    }
    for (const who of [committee1, liaison1]) {
      expect((await who.request(`/api/cases/${supportCaseId}`)).status).toBe(403);
    }
    expect((await director.request('/api/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(fieldsOf(await json(await director.request('/api/cases/x')))).toEqual(['id']);
  });
});

describe('PATCH /api/cases/{id} and POST /api/cases/{id}/entries', () => {
  const patch = (who: TestSession, body: Record<string, unknown>, id = supportCaseId) =>
    who.request(`/api/cases/${id}`, { method: 'PATCH', body });

  // Interviews, which record when they took place, are tested in interview.test.ts on a clock of today.
  it('adds notes and contacts to the timeline, audited', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const res = await counsellor1.request(`/api/cases/${supportCaseId}/entries`, {
      method: 'POST',
      body: { kind: 'contact', body: '与家长电话沟通，家长愿意配合' },
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ kind: 'contact', author: { id: counsellor1.me.person.id } });
    const [row] = await auditRowsAfter(t, 'alpha', since);
    expect(row).toMatchObject({ action: 'case.add_entry', entityId: supportCaseId });

    const before = await entriesOf(supportCaseId);
    const entry = (who: TestSession, body: Record<string, unknown>) =>
      who.request(`/api/cases/${supportCaseId}/entries`, { method: 'POST', body });
    const reserved = await entry(counsellor1, { kind: 'status_change', body: 'closed' });
    expect(fieldsOf(await json(reserved))).toEqual(['kind']);
    expect(fieldsOf(await json(await entry(counsellor1, { kind: 'note', body: '  ' })))).toEqual(['body']);
    expect((await entry(counsellor2, { kind: 'note', body: '看看' })).status).toBe(404);
    expect((await entry(committee1, { kind: 'note', body: '看看' })).status).toBe(403);
    expect(await entriesOf(supportCaseId)).toEqual(before);
  });

  it('moves the status forward, reassigns and re-dates, each with its timeline entry', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const started = await patch(counsellor1, { status: 'in_progress', note: '已约谈' });
    expect(started.status).toBe(200);
    expect(await json(started)).toMatchObject({ status: 'in_progress', closedAt: null });

    const moved = await json(
      await patch(counsellor1, {
        responsiblePersonId: person('station1'),
        dueDate: '2025-03-20',
        title: '学业帮扶',
      }),
    );
    expect(moved).toMatchObject({
      responsiblePerson: { id: person('station1') },
      dueDate: '2025-03-20',
      title: '学业帮扶',
    });

    const detail = await json(await counsellor1.request(`/api/cases/${supportCaseId}`));
    const kinds = detail.entries.map((e: { kind: string; body: string }) => [e.kind, e.body]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['status_change', 'open → in_progress\n已约谈'],
        ['reassign', expect.stringContaining('teacher1 → ')],
        ['due_date_change', '2025-03-10 → 2025-03-20'],
      ]),
    );
    expect(kinds).toHaveLength(4);
    const audit = await auditRowsAfter(t, 'alpha', since);
    expect(audit.filter((r) => r.action === 'case.update')).toHaveLength(2);

    const sinceNoOp = await lastAuditSeq(t, 'alpha');
    const same = await patch(counsellor1, { status: 'in_progress', dueDate: '2025-03-20' });
    expect(await json(same)).toMatchObject({ status: 'in_progress', dueDate: '2025-03-20' });
    expect((await auditRowsAfter(t, 'alpha', sinceNoOp)).map((r) => r.action)).toEqual(['case.read']);
    expect(await entriesOf(supportCaseId)).toHaveLength(4);
  });

  it('refuses a bad change naming the field, changing nothing', async () => {
    const [before] = (await allCases()).filter((c) => c.id === supportCaseId);
    const entriesBefore = await entriesOf(supportCaseId);
    const bad: [TestSession, Record<string, unknown>, number, string[] | undefined][] = [
      [counsellor1, { status: 'open' }, 400, ['status']],
      [counsellor1, { responsiblePersonId: person('counsellor2') }, 400, ['responsiblePersonId']],
      [
        counsellor1,
        { responsiblePersonId: person('liaison1'), status: 'closed' },
        400,
        ['responsiblePersonId'],
      ],
      [counsellor1, { dueDate: '2025-01-01' }, 400, ['dueDate']],
      [counsellor1, {}, 400, ['body']],
      [counsellor1, { status: 'paused' }, 400, ['status']],
      [counsellor2, { status: 'closed' }, 404, undefined],
      [committee1, { status: 'closed' }, 403, undefined],
    ];
    for (const [who, body, status, fields] of bad) {
      const res = await patch(who, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(fieldsOf(await json(res))).toEqual(fields);
    }
    const [after] = (await allCases()).filter((c) => c.id === supportCaseId);
    expect(after).toEqual(before);
    expect(await entriesOf(supportCaseId)).toEqual(entriesBefore);
  });

  it('closes a case with closedAt, after which it no longer changes', async () => {
    const closed = await json(await patch(counsellor1, { status: 'closed', note: '学业恢复正常' }));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toEqual(expect.any(String));
    const again = await patch(counsellor1, { dueDate: '2025-04-01' });
    expect(again.status).toBe(400);
    expect(fieldsOf(await json(again))).toEqual(['status']);
    const straight = await json(await patch(director, { status: 'closed' }, (await allCases())[1]!.id));
    expect(straight.status).toBe('closed');
  });
});

import { cases, studentFileEntries } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from '../fixtures.test-helpers.ts';

let t: TestApp;
let counsellor1: TestSession;
let counsellor2: TestSession;
let committee1: TestSession;
let liaison1: TestSession;
let studentId: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  [counsellor1, counsellor2, committee1, liaison1] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'counsellor2'),
    loginAs(t.app, 'alpha', 'committee1'),
    loginAs(t.app, 'alpha', 'liaison1'),
  ]);
  studentId = t.world.schools.alpha.colleges[0].studentIds[0]!;
  // A case opened a day before the test clock, so it sorts below entries recorded during the test.
  const [opened] = await asWholeSchool(t, 'alpha', (tx) =>
    tx
      .insert(cases)
      .values({
        schoolId: t.world.schools.alpha.id,
        studentId,
        kind: 'support',
        title: '学业困难帮扶',
        openedBy: counsellor1.me.person.id,
        dueDate: '2025-04-01',
        createdAt: new Date('2025-03-02T08:00:00Z'),
      })
      .returning({ id: cases.id }),
  );
  caseId = opened!.id;
});
afterAll(() => t?.close());

const filePath = () => `/api/students/${studentId}/file`;
const entriesPath = () => `${filePath()}/entries`;
const storedEntries = () =>
  asWholeSchool(t, 'alpha', (tx) =>
    tx.select().from(studentFileEntries).where(eq(studentFileEntries.studentId, studentId)),
  );

describe('student file', () => {
  it('records entries, audits each write, and lists them with the student’s cases, newest first', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const restricted = await counsellor1.request(entriesPath(), {
      method: 'POST',
      body: {
        kind: 'interview',
        title: '谈心谈话',
        body: '情绪低落，约定下周复谈',
        visibility: 'restricted',
      },
    });
    expect(restricted.status).toBe(201);
    const first = await json(restricted);
    expect(first).toMatchObject({
      source: 'file',
      kind: 'interview',
      visibility: 'restricted',
      recordedBy: { id: counsellor1.me.person.id },
    });
    const network = await counsellor1.request(entriesPath(), {
      method: 'POST',
      body: { kind: 'dorm_note', title: '请寝室联络员多关注', visibility: 'network' },
    });
    expect(network.status).toBe(201);
    const second = await json(network);
    expect(second.body).toBe('');

    const rows = await auditRowsAfter(t, 'alpha', since);
    expect(rows.map((r) => [r.action, r.entityId, r.studentId])).toEqual([
      ['student_file.add_entry', first.id, studentId],
      ['student_file.add_entry', second.id, studentId],
    ]);

    const res = await counsellor1.request(filePath());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const file = await json(res);
    expect(file.student).toMatchObject({ id: studentId, view: 'full' });
    expect(file.entries.map((e: { id: string }) => e.id)).toEqual([second.id, first.id, caseId]);
    expect(file.entries[2]).toMatchObject({
      source: 'case',
      kind: 'case',
      title: '学业困难帮扶',
      visibility: 'restricted',
      case: { id: caseId, kind: 'support', status: 'open', dueDate: '2025-04-01', closedAt: null },
    });
  });

  it('shows reduced views the reduced student and the network entries only, no case', async () => {
    for (const who of [committee1, liaison1]) {
      const file = await json(await who.request(filePath()));
      expect(file.student.view).toBe('reduced');
      expect(file.student).not.toHaveProperty('phone');
      expect(file.entries.map((e: { title: string }) => e.title)).toEqual(['请寝室联络员多关注']);
    }
  });

  it('audits every read of the file', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    await committee1.request(filePath(), { headers: { 'x-access-purpose': encodeURIComponent('班级例会') } });
    const [row] = await auditRowsAfter(t, 'alpha', since);
    expect(row).toMatchObject({
      action: 'student_file.read',
      studentId,
      actorRole: 'class_committee',
      purpose: '班级例会',
    });
  });

  it('refuses entries from reduced views (403) and hides the file from other colleges (404)', async () => {
    const before = await storedEntries();
    const entry = { method: 'POST', body: { kind: 'note', title: '观察记录', visibility: 'network' } };
    expect((await committee1.request(entriesPath(), entry)).status).toBe(403);
    expect((await counsellor2.request(entriesPath(), entry)).status).toBe(404);
    expect((await counsellor2.request(filePath())).status).toBe(404);
    expect(await storedEntries()).toEqual(before);
  });

  it('names the bad field of an entry and stores nothing', async () => {
    const before = await storedEntries();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kind: 'note', title: '观察', visibility: 'public' }, ['visibility']],
      [{ kind: 'Bad Kind', title: '观察' }, ['kind']],
      [{ kind: 'note', title: '' }, ['title']],
      [{ title: '观察', body: 'x'.repeat(20_001) }, ['body', 'kind']],
    ];
    for (const [body, fields] of cases) {
      const res = await counsellor1.request(entriesPath(), { method: 'POST', body });
      expect(res.status).toBe(400);
      expect((await json(res)).errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
    }
    expect(await storedEntries()).toEqual(before);
  });
});

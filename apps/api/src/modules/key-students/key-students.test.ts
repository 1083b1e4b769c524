import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toChinaDate } from '@xinqiao/calendar';
import { auditLog, caseEntries, keyStudents } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession, testClock } from '../../testing/index.ts';
import { REPO_PLUGINS_DIR, testPluginCatalog } from '../../testing/plugins.ts';
import { storeAlphaCase } from '../cases/testing.ts';
import { asWholeSchool, json } from '../students/fixtures.test-helpers.ts';

// A clock of today; alpha has no plugin, so the seed's week and the station head's approval. college1 (counsellor1, station1) students 0..; college2 is counsellor2's.
let t: TestApp;
let counsellor1: TestSession;
let counsellor2: TestSession;
let station1: TestSession;
let committee1: TestSession;

const DAY = 86_400_000;
const alpha = () => t.world.schools.alpha;
const student = (college: 0 | 1, n: number) => alpha().colleges[college].studentIds[n]!;
const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field).sort();
const add = (as: TestSession, body: Record<string, unknown>) =>
  as.request('/api/key-students', { method: 'POST', body });
const roster = async (as: TestSession, query = '') => {
  const res = await as.request(`/api/key-students${query}`);
  expect(res.status).toBe(200);
  return json(res);
};
const rowsOf = (studentId: string) =>
  asWholeSchool(t, 'alpha', (tx) =>
    tx.select().from(keyStudents).where(eq(keyStudents.studentId, studentId)),
  );

beforeAll(async () => {
  t = await createTestApp({ clock: testClock(new Date()) });
  [counsellor1, counsellor2, station1, committee1] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'counsellor2'),
    loginAs(t.app, 'alpha', 'station1'),
    loginAs(t.app, 'alpha', 'committee1'),
  ]);
});
afterAll(() => t?.close());

describe('POST /api/key-students', () => {
  it('refuses an addition without a reason, naming reason, and stores nothing', async () => {
    for (const body of [{ studentId: student(0, 1) }, { studentId: student(0, 1), reason: '   ' }]) {
      const res = await add(counsellor1, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(await json(res))).toEqual(['reason']);
    }
    expect(await rowsOf(student(0, 1))).toEqual([]);
  });

  it('refuses a student outside the counsellor’s units as not found, naming studentId', async () => {
    const res = await add(counsellor1, { studentId: student(1, 0), reason: '室友反映情绪低落' });
    expect(res.status).toBe(404);
    expect(fieldsOf(await json(res))).toEqual(['studentId']);
    expect(await rowsOf(student(1, 0))).toEqual([]);
  });

  it('refuses roles that do not manage key students', async () => {
    const res = await add(committee1, { studentId: student(0, 1), reason: '情绪低落' });
    expect(res.status).toBe(403);
  });

  it('adds a student with the reason, owned by their counsellor, once', async () => {
    const res = await add(counsellor1, { studentId: student(0, 1), reason: '家庭变故，近期情绪低落' });
    expect(res.status).toBe(201);
    const again = await add(counsellor1, { studentId: student(0, 1), reason: '重复' });
    expect(again.status).toBe(409);
    const body = await roster(counsellor1, '?counsellor=me');
    expect(body.items).toEqual([
      expect.objectContaining({
        source: 'manual',
        reason: '家庭变故，近期情绪低落',
        student: expect.objectContaining({ id: student(0, 1) }),
        counsellor: expect.objectContaining({ id: alpha().people.counsellor1 }),
        lastTalkAt: null,
        overdue: false,
        intervalDays: 7,
        removal: null,
      }),
    ]);
    expect((await roster(counsellor2)).items).toEqual([]);
  });
});

describe('GET /api/key-students', () => {
  it('puts a student with an open case on the roster by itself, and counts the talk by when it happened', async () => {
    const studentId = student(0, 2);
    const caseId = await storeAlphaCase(t, {
      studentId,
      responsiblePersonId: alpha().people.counsellor1!,
      dueDate: toChinaDate(new Date()),
      daysAgo: 10,
    });
    const overdue = await roster(counsellor1, '?overdue=true');
    expect(overdue.items.map((i: { student: { id: string } }) => i.student.id)).toEqual([studentId]);
    expect(overdue.items[0]).toMatchObject({
      id: null,
      source: 'case',
      overdue: true,
      lastTalkAt: null,
      caseId,
    });
    // It shows in My work as an overdue talk.
    const work = await json(await counsellor1.request('/api/me/work'));
    const talk = work.items.find((i: { kind: string }) => i.kind === 'key_student_talk');
    // It links to the case, where the talk is recorded as an interview.
    expect(talk).toMatchObject({ overdue: true, link: `/college-station/cases/${caseId}` });
    // A talk held two days ago (typed now): next one due in five days, not overdue any more.
    const heldAt = new Date(Date.now() - 2 * DAY);
    await asWholeSchool(t, 'alpha', (tx) =>
      tx.insert(caseEntries).values({
        schoolId: alpha().id,
        caseId,
        kind: 'interview',
        body: '谈话',
        occurredAt: heldAt,
      }),
    );
    const after = (await roster(counsellor1)).items.find(
      (i: { student: { id: string } }) => i.student.id === studentId,
    );
    expect(after).toMatchObject({ overdue: false, lastTalkAt: heldAt.toISOString() });
    expect(after.talkDueAt).toBe(new Date(heldAt.getTime() + 7 * DAY).toISOString());
    expect((await roster(counsellor1, '?overdue=true')).items).toEqual([]);
  });

  it('counts a student from their earliest open case: a newer case does not reset the talk, a new one is not due', async () => {
    // counsellor2's college: no other test of this file gives its students cases.
    const me = alpha().people.counsellor2!;
    const [long, recent] = [student(1, 1), student(1, 2)];
    const earliest = await storeAlphaCase(t, { studentId: long, responsiblePersonId: me, daysAgo: 10 });
    await storeAlphaCase(t, { studentId: long, responsiblePersonId: me, daysAgo: 0 });
    await storeAlphaCase(t, { studentId: recent, responsiblePersonId: me, daysAgo: 3 });
    const overdue = await roster(counsellor2, '?overdue=true');
    expect(overdue.items.map((i: { student: { id: string } }) => i.student.id)).toEqual([long]);
    expect(overdue).toMatchObject({ total: 1, items: [{ caseId: earliest, overdue: true }] });
    const whole = (await roster(counsellor2)).items.filter((i: { student: { id: string } }) =>
      [long, recent].includes(i.student.id),
    );
    expect(
      whole.map((i: { overdue: boolean; caseId: string }) => [i.overdue, i.caseId === earliest]),
    ).toEqual(
      expect.arrayContaining([
        [true, true],
        [false, false],
      ]),
    );
    // The earliest open case names whose talk it is: a student whose earliest case is the center's is not this
    // counsellor's to talk to, though their newer case is; the one whose earliest case is theirs still is.
    const others = student(1, 0);
    await storeAlphaCase(t, { studentId: others, responsiblePersonId: alpha().people.staff!, daysAgo: 12 });
    await storeAlphaCase(t, { studentId: others, responsiblePersonId: me, daysAgo: 0 });
    const ids = (body: { items: { student: { id: string } }[] }) =>
      body.items.map((i) => i.student.id).sort();
    expect(ids(await roster(counsellor2, '?counsellor=me&overdue=true'))).toEqual([long]);
    expect(ids(await roster(counsellor2, '?overdue=true'))).toEqual([long, others].sort());
    const work = await json(await counsellor2.request('/api/me/work?kind=key_student_talk'));
    expect(work.items.map((i: { student: { id: string } }) => i.student.id)).toEqual([long]);
  });
});

describe('removal from the roster', () => {
  it('needs a reason, then the station head’s approval; a counsellor cannot approve', async () => {
    const [row] = await rowsOf(student(0, 1));
    const path = `/api/key-students/${row!.id}/removal`;
    const noReason = await counsellor1.request(path, { method: 'POST', body: {} });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(await json(noReason))).toEqual(['reason']);
    const early = await station1.request(`${path}/approve`, { method: 'POST' });
    expect(early.status).toBe(409);

    const asked = await counsellor1.request(path, { method: 'POST', body: { reason: '连续四周状态稳定' } });
    expect(asked.status).toBe(200);
    const listed = (await roster(station1)).items.find((i: { id: string | null }) => i.id === row!.id);
    expect(listed.removal).toMatchObject({ reason: '连续四周状态稳定' });

    const byCounsellor = await counsellor1.request(`${path}/approve`, { method: 'POST' });
    expect(byCounsellor.status).toBe(403);
    expect((await rowsOf(student(0, 1)))[0]!.removedAt).toBeNull();

    const approved = await station1.request(`${path}/approve`, { method: 'POST' });
    expect(approved.status).toBe(200);
    expect((await rowsOf(student(0, 1)))[0]).toMatchObject({ removedBy: alpha().people.station1 });
    const ids = (await roster(counsellor1)).items.map((i: { student: { id: string } }) => i.student.id);
    expect(ids).not.toContain(student(0, 1));
  });
});

/** A plugin for alpha: hrbmu's rules with the key-students file replaced (a 3-day interval, the switch given). */
async function appWithRules(stationHeadApproves: boolean, days: number) {
  const rules = JSON.parse(readFileSync(join(REPO_PLUGINS_DIR, 'hrbmu/rules/key-students.json'), 'utf8'));
  rules.rules[0].event.params.days = days;
  rules.rules[1].event.params.stationHeadApproves = stationHeadApproves;
  const { plugins } = await testPluginCatalog({
    copies: { alpha: 'hrbmu' },
    broken: { alpha: { 'rules/key-students.json': JSON.stringify(rules) } },
  });
  return createTestApp({ plugins, clock: testClock(new Date()) });
}

describe('the school’s plugin (key-students)', () => {
  it('sets the talk interval, and without approval a removal with a reason takes effect at once', async () => {
    const app = await appWithRules(false, 3);
    try {
      const [counsellor, station] = await Promise.all([
        loginAs(app.app, 'alpha', 'counsellor1'),
        loginAs(app.app, 'alpha', 'station1'),
      ]);
      const studentId = app.world.schools.alpha.colleges[0].studentIds[0]!;
      expect((await add(counsellor, { studentId, reason: '学业压力大' })).status).toBe(201);
      const body = await json(await counsellor.request('/api/key-students?counsellor=me'));
      expect(body.policy).toEqual({ talkIntervalDays: 3, stationHeadApproves: false });
      const [entry] = body.items;
      expect(entry).toMatchObject({ intervalDays: 3, source: 'manual' });
      expect(new Date(entry.talkDueAt).getTime() - new Date(entry.since).getTime()).toBe(3 * DAY);

      const res = await counsellor.request(`/api/key-students/${entry.id}/removal`, {
        method: 'POST',
        body: { reason: '已毕业离校' },
      });
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ id: entry.id, removed: true });
      const [row] = await asWholeSchool(app, 'alpha', (tx) =>
        tx.select().from(keyStudents).where(eq(keyStudents.id, entry.id)),
      );
      expect(row).toMatchObject({
        removalReason: '已毕业离校',
        removedBy: app.world.schools.alpha.people.counsellor1,
      });
      expect((await json(await counsellor.request('/api/key-students'))).items).toEqual([]);
      // Nothing is left for the station head to approve.
      const approve = await station.request(`/api/key-students/${entry.id}/removal/approve`, {
        method: 'POST',
      });
      expect(approve.status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('with approval, a removal waits for the station head; the list filters the waiting ones', async () => {
    const app = await appWithRules(true, 7);
    try {
      const [counsellor, station] = await Promise.all([
        loginAs(app.app, 'alpha', 'counsellor1'),
        loginAs(app.app, 'alpha', 'station1'),
      ]);
      const [first, second] = app.world.schools.alpha.colleges[0].studentIds;
      for (const studentId of [first, second]) {
        expect((await add(counsellor, { studentId, reason: '情绪低落' })).status).toBe(201);
      }
      const body = await json(await counsellor.request('/api/key-students'));
      expect(body.policy).toEqual({ talkIntervalDays: 7, stationHeadApproves: true });
      const entry = body.items.find((i: { student: { id: string } }) => i.student.id === first);
      const res = await counsellor.request(`/api/key-students/${entry.id}/removal`, {
        method: 'POST',
        body: { reason: '状态稳定' },
      });
      expect(await json(res)).toEqual({ id: entry.id, removed: false });
      const waiting = await json(await station.request('/api/key-students?removalRequested=true'));
      expect(waiting.items.map((i: { id: string }) => i.id)).toEqual([entry.id]);
      expect(waiting.total).toBe(1);
      expect(
        (await station.request(`/api/key-students/${entry.id}/removal/approve`, { method: 'POST' })).status,
      ).toBe(200);
      expect((await json(await station.request('/api/key-students?removalRequested=true'))).items).toEqual(
        [],
      );
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/key-students pages and filters in the database', () => {
  it('answers one page with the total, and finds a student by name or number', async () => {
    expect((await add(counsellor1, { studentId: student(0, 0), reason: '父母离异' })).status).toBe(201);
    const all = await roster(station1);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const first = await roster(station1, '?pageSize=1&page=1');
    const second = await roster(station1, '?pageSize=1&page=2');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(all.total);
    expect(second.items[0].student.id).not.toBe(first.items[0].student.id);
    const past = await roster(station1, `?pageSize=1&page=${all.total + 1}`);
    expect(past).toMatchObject({ items: [], total: all.total });
    const target = all.items[0].student;
    const byNumber = await roster(station1, `?q=${encodeURIComponent(target.studentNumber)}`);
    expect(byNumber.items.map((i: { student: { id: string } }) => i.student.id)).toContain(target.id);
    expect((await roster(station1, '?q=nobody-has-this-name')).total).toBe(0);
    const bySource = await roster(station1, '?source=case');
    expect(bySource.items.every((i: { source: string }) => i.source === 'case')).toBe(true);
  });

  it('audits the list with its filter', async () => {
    await roster(station1, '?overdue=true&pageSize=5');
    const rows = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'key-student.list')),
    );
    expect(rows.map((r) => JSON.parse(r.entityId!))).toContainEqual({
      overdue: 'true',
      page: 1,
      pageSize: 5,
    });
  });

  it('refuses a counsellor filter that is neither me nor a person id, naming it', async () => {
    const res = await station1.request('/api/key-students?counsellor=x');
    expect(res.status).toBe(400);
    expect(fieldsOf(await json(res))).toEqual(['counsellor']);
  });
});

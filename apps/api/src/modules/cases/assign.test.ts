import { caseEntries, cases, notifications } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, loginAs, type TestApp, type TestSession, testClock } from '../../testing/index.ts';
import { outboxRows } from '../notifications/testing.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from '../students/fixtures.test-helpers.ts';
import { addAlphaAccount, storeAlphaCase } from './testing.ts';

let t: TestApp;
let station1: TestSession;
let staff: TestSession;
let counsellor1: TestSession;
let secondCounsellor: string;
let unassigned: string;
let otherCollege: string;

const alpha = () => t.world.schools.alpha;
const person = (username: string) => alpha().people[username]!;
const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field).sort();
const caseRow = async (id: string) =>
  (await asWholeSchool(t, 'alpha', (tx) => tx.select().from(cases).where(eq(cases.id, id))))[0]!;
const entriesOf = (id: string) =>
  asWholeSchool(t, 'alpha', (tx) =>
    tx.select().from(caseEntries).where(eq(caseEntries.caseId, id)).orderBy(asc(caseEntries.createdAt)),
  );
/** The notifications of one person, as they read them (RLS shows a notification to its recipient only). */
const notificationsOf = (personId: string) =>
  withTenant(
    t.db,
    tenantScope({ schoolId: alpha().id, personId, fullScopePaths: [], reducedScopePaths: [] }),
    (tx) => tx.select().from(notifications),
  );

const assign = (who: TestSession, id: string, body: Record<string, unknown>) =>
  who.request(`/api/cases/${id}/assign`, { method: 'POST', body });

beforeAll(async () => {
  t = await createTestApp({ clock: testClock(new Date()) });
  secondCounsellor = await addAlphaAccount(t, 'counsellor1b', 'counsellor', alpha().colleges[0].id);
  [station1, staff, counsellor1] = await Promise.all([
    loginAs(t.app, 'alpha', 'station1'),
    loginAs(t.app, 'alpha', 'staff'),
    loginAs(t.app, 'alpha', 'counsellor1'),
  ]);
  unassigned = await storeAlphaCase(t, {
    studentId: alpha().colleges[0].studentIds[0]!,
    dueDate: '2099-01-01',
  });
  otherCollege = await storeAlphaCase(t, { studentId: alpha().colleges[1].studentIds[0]! });
});
afterAll(() => t?.close());

describe('the unassigned queue', () => {
  it('lists the cases nobody is responsible for, per college, to the station head of that college', async () => {
    const ids = async (who: TestSession, query: string) =>
      (await json(await who.request(`/api/cases${query}`))).items.map((c: { id: string }) => c.id);
    expect(await ids(station1, '?responsible=none')).toEqual([unassigned]);
    expect((await ids(staff, '?responsible=none')).sort()).toEqual([unassigned, otherCollege].sort());
    expect(await ids(staff, `?responsible=none&collegeId=${alpha().colleges[1].id}`)).toEqual([otherCollege]);
    expect(await ids(staff, `?responsible=none&classId=${alpha().colleges[0].classId}`)).toEqual([
      unassigned,
    ]);
  });
});

describe('GET /api/cases/{id}/assignees', () => {
  it('offers the station head the people of their college who reach the student, nearest first', async () => {
    const res = await station1.request(`/api/cases/${unassigned}/assignees`);
    expect(res.status).toBe(200);
    const { items } = await json(res);
    const ids = items.map((p: { id: string }) => p.id);
    // The head teacher of the student's class first, then the college's people; never the center or college 2.
    expect(ids[0]).toBe(person('teacher1'));
    expect(ids.sort()).toEqual(
      [person('teacher1'), person('counsellor1'), secondCounsellor, person('station1')].sort(),
    );
  });

  it('offers the center everyone who reaches the student, the center included', async () => {
    const { items } = await json(await staff.request(`/api/cases/${unassigned}/assignees`));
    expect(items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([person('staff'), secondCounsellor]),
    );
    expect(items.map((p: { id: string }) => p.id)).not.toContain(person('counsellor2'));
  });

  it('answers 403 to roles that do not assign and 404 for a case the caller does not see', async () => {
    expect((await counsellor1.request(`/api/cases/${unassigned}/assignees`)).status).toBe(403);
    expect((await station1.request(`/api/cases/${otherCollege}/assignees`)).status).toBe(404);
  });
});

describe('POST /api/cases/{id}/assign', () => {
  it('refuses an assignee outside the subtree or out of reach, naming assigneeId, and changes nothing', async () => {
    const before = await caseRow(unassigned);
    const since = await lastAuditSeq(t, 'alpha');
    for (const assigneeId of [
      person('counsellor2'), // another college
      person('staff'), // the center is above the station head's college
      person('committee1'), // observes, never takes cases
      t.world.schools.beta.people.counsellor1!, // another school
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await assign(station1, unassigned, { assigneeId, reason: '按班级分工' });
      expect(res.status, assigneeId).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(fieldsOf(await json(res))).toEqual(['assigneeId']);
    }
    const noReason = await assign(station1, unassigned, { assigneeId: secondCounsellor, reason: ' ' });
    expect(fieldsOf(await json(noReason))).toEqual(['reason']);
    expect(
      (await assign(counsellor1, unassigned, { assigneeId: secondCounsellor, reason: '我' })).status,
    ).toBe(403);
    expect(
      (await assign(station1, otherCollege, { assigneeId: secondCounsellor, reason: '我' })).status,
    ).toBe(404);
    expect(await caseRow(unassigned)).toEqual(before);
    expect(await entriesOf(unassigned)).toEqual([]);
    expect(await notificationsOf(secondCounsellor)).toEqual([]);
    expect((await auditRowsAfter(t, 'alpha', since)).map((r) => r.action)).not.toContain('case.assign');
  });

  it('assigns within the college: the case names who and when, the timeline why, the assignee is told', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const res = await assign(station1, unassigned, { assigneeId: secondCounsellor, reason: '按班级分工' });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      id: unassigned,
      responsiblePerson: { id: secondCounsellor },
      assignedBy: { id: person('station1') },
      assignedAt: expect.any(String),
    });
    const entries = await entriesOf(unassigned);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'assignment', authorId: person('station1') });
    expect(entries[0]!.body).toBe('— → 老师counsellor1b\n按班级分工');
    const [told] = await notificationsOf(secondCounsellor);
    expect(told).toMatchObject({
      kind: 'case.assigned',
      link: `/college-station/cases/${unassigned}`,
      params: { caseKind: 'follow_up', dueDate: '2099-01-01' },
      readAt: null,
    });
    // No name, no finding: the notification says what kind of case and by when, nothing about the student.
    expect(JSON.stringify(told!.params)).not.toContain('学生');
    // The school's group robot hears of it too, in counts and dates only.
    const robot = (await outboxRows(t.db)).filter((m) => m.channel === 'webhook');
    expect(robot.map((m) => m.body)).toEqual([expect.stringContaining('01-01')]);
    expect(robot[0]!.body).not.toMatch(/学生|counsellor1b/);
    const audit = await auditRowsAfter(t, 'alpha', since);
    expect(audit.find((r) => r.action === 'case.assign')).toMatchObject({ entityId: unassigned });
  });

  it('lets the center reassign across the school, to itself too, and records each reassignment', async () => {
    const moved = await assign(staff, unassigned, { assigneeId: person('staff'), reason: '转介中心' });
    expect(await json(moved)).toMatchObject({ responsiblePerson: { id: person('staff') } });
    const other = await assign(staff, otherCollege, {
      assigneeId: person('counsellor2'),
      reason: '学院辅导员',
    });
    expect(other.status).toBe(200);
    expect((await entriesOf(unassigned)).map((e) => e.body)).toEqual([
      '— → 老师counsellor1b\n按班级分工',
      '老师counsellor1b → 阿尔法大学staff\n转介中心',
    ]);
    // The center's own assignment does not notify itself.
    expect(await notificationsOf(person('staff'))).toEqual([]);
  });

  it('refuses to assign a closed case, naming status', async () => {
    const closed = await storeAlphaCase(t, {
      studentId: alpha().colleges[0].studentIds[1]!,
      status: 'closed',
    });
    const res = await assign(station1, closed, { assigneeId: secondCounsellor, reason: '再看看' });
    expect(res.status).toBe(400);
    expect(fieldsOf(await json(res))).toEqual(['status']);
  });
});

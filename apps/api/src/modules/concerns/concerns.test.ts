import { backgroundJobs, caseEntries, cases, concernReports, notifications, students } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { runAsJobRunner } from '../../jobs/runner-transaction.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import { outboxRows } from '../notifications/testing.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from '../students/fixtures.test-helpers.ts';

// The test clock starts on Monday 2025-03-03, 08:00 UTC (16:00 China time). alpha has hrbmu's policy (its
// concern-signs: routine 1 working day; urgent or self-harm 15 minutes and the station head told); beta has none.
let t: TestApp;
let counsellor1: TestSession;
let counsellor2: TestSession;
let station1: TestSession;
let committee1: TestSession;
let liaison1: TestSession;
let betaCounsellor: TestSession;

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  t = await createTestApp({ plugins });
  [counsellor1, counsellor2, station1, committee1, liaison1, betaCounsellor] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'counsellor2'),
    loginAs(t.app, 'alpha', 'station1'),
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
const allReports = () =>
  asWholeSchool(t, 'alpha', (tx) => tx.select().from(concernReports).orderBy(asc(concernReports.createdAt)));
const reportRow = async (id: string) => (await allReports()).find((row) => row.id === id)!;

/** The notifications a person has (RLS lets only the recipient read them). */
function notificationsOf(username: string) {
  const scope = tenantScope({
    schoolId: alpha().id,
    personId: person(username),
    fullScopePaths: [],
    reducedScopePaths: [],
  });
  return withTenant(t.db, scope, (tx) =>
    tx
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, person(username))),
  );
}

const report = (as: TestSession, body: Record<string, unknown>) =>
  as.request('/api/concerns', { method: 'POST', body });
const triage = (as: TestSession, id: string, body: Record<string, unknown>) =>
  as.request(`/api/concerns/${id}/triage`, { method: 'POST', body });

const FILED_KEYS = [
  'createdAt',
  'id',
  'note',
  'signs',
  'status',
  'statusSince',
  'student',
  'urgency',
  'view',
];

let routineId: string;
let selfHarmId: string;
let thirdId: string;

const warningEvaluations = async () =>
  (
    await runAsJobRunner(t.db, (tx) =>
      tx.select().from(backgroundJobs).where(eq(backgroundJobs.kind, 'warnings.evaluate')),
    )
  ).length;

describe('POST /api/concerns', () => {
  it('lets a class psych committee member report a student of their class to the counsellor, by the plugin deadline', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const res = await report(committee1, {
      studentId: student(0, 0),
      signs: ['withdrawn', 'mood-swing'],
      note: '最近一周总是一个人吃饭，上课也不说话',
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(FILED_KEYS);
    expect(body).toMatchObject({
      view: 'filed',
      status: 'received',
      urgency: 'routine',
      student: { id: student(0, 0), studentNumber: 'alpha-1-1' },
      signs: [
        { code: 'withdrawn', zh: '长期独处' },
        { code: 'mood-swing', zh: '情绪突变' },
      ],
    });
    routineId = body.id;
    const row = await reportRow(routineId);
    expect(row).toMatchObject({
      reporterId: person('committee1'),
      assigneeId: person('counsellor1'),
      selfHarm: false,
      pluginId: 'alpha',
      // One working day: the end of Tuesday 03-04, China time.
      dueAt: new Date('2025-03-04T16:00:00.000Z'),
    });
    expect(await notificationsOf('counsellor1')).toEqual([
      expect.objectContaining({ kind: 'concern.reported', link: `/college-station/concerns/${routineId}` }),
    ]);
    expect(await notificationsOf('station1')).toEqual([]);
    const [audit] = await auditRowsAfter(t, 'alpha', since);
    expect(audit).toMatchObject({ action: 'concern.create', entityId: routineId, studentId: student(0, 0) });
    expect(await warningEvaluations()).toBe(0); // a routine report is no crisis sign
  });

  it('makes a report with a self-harm sign due in 15 minutes and tells the station head at once', async () => {
    const res = await report(liaison1, {
      studentId: student(0, 1),
      signs: ['self-harm'],
      urgency: 'routine',
    });
    expect(res.status).toBe(201);
    selfHarmId = (await json(res)).id;
    const row = await reportRow(selfHarmId);
    expect(row).toMatchObject({ selfHarm: true, assigneeId: person('counsellor1') });
    expect(row.dueAt).toEqual(new Date('2025-03-03T08:15:00.000Z'));
    const told = await notificationsOf('station1');
    expect(told.map((n) => n.link)).toEqual([`/college-station/concerns/${selfHarmId}`]);
    // A crisis sign: the school's early-warning rules run now (crisis-signs-reported), not at the next daily run.
    expect(await warningEvaluations()).toBe(1);
    expect(told[0]).toMatchObject({ kind: 'concern.urgent', params: { selfHarm: 1 } });
    // What leaves the platform (e-mail, group robot) says how many and that it is urgent: no name, no sign.
    const outbound = (await outboxRows(t.db)).filter((m) => m.subject.includes('紧急关注报告'));
    expect(outbound.length).toBeGreaterThan(0);
    const studentName = (await asWholeSchool(t, 'alpha', (tx) => tx.select().from(students))).find(
      (s) => s.id === student(0, 1),
    )!.name;
    for (const message of outbound) {
      expect(`${message.subject}\n${message.body}`).not.toContain(studentName);
      expect(`${message.subject}\n${message.body}`).not.toContain('自伤');
    }
  });

  it('lets staff report too, and does not notify a counsellor of their own report', async () => {
    const before = (await notificationsOf('counsellor1')).length;
    const res = await report(counsellor1, { studentId: student(0, 2), note: '家长来电说孩子情绪低落' });
    expect(res.status).toBe(201);
    thirdId = (await json(res)).id;
    expect((await notificationsOf('counsellor1')).length).toBe(before);
  });

  it('names the bad field and files nothing', async () => {
    const before = await allReports();
    const bad: [TestSession, Record<string, unknown>, number, string[]][] = [
      [committee1, { studentId: student(0, 0), signs: ['withdrawn', 'no-such-sign'] }, 400, ['signs.1']],
      [committee1, { studentId: student(0, 0), signs: [], note: '  ' }, 400, ['signs']],
      [committee1, { studentId: student(0, 0), signs: ['withdrawn'], urgency: 'soon' }, 400, ['urgency']],
      // Outside the caller's view, in another college or another school: the same answer as no such student.
      [committee1, { studentId: student(1, 0), signs: ['withdrawn'] }, 404, ['studentId']],
      [liaison1, { studentId: student(1, 0), signs: ['withdrawn'] }, 404, ['studentId']],
      [counsellor2, { studentId: student(0, 0), signs: ['withdrawn'] }, 404, ['studentId']],
      [
        committee1,
        { studentId: t.world.schools.beta.colleges[0].studentIds[0], signs: ['withdrawn'] },
        404,
        ['studentId'],
      ],
    ];
    for (const [as, body, status, fields] of bad) {
      const res = await report(as, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(await json(res)), JSON.stringify(body)).toEqual(fields);
    }
    const unknownSign = await json(await report(committee1, { studentId: student(0, 0), signs: ['x-sign'] }));
    expect(unknownSign.errors[0].message).toContain('x-sign');
    expect(await allReports()).toEqual(before);
  });

  it('refuses a school whose plugin has no checklist', async () => {
    const res = await report(betaCounsellor, {
      studentId: t.world.schools.beta.colleges[0].studentIds[0],
      signs: ['withdrawn'],
    });
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('concerns.no-signs-policy');
  });
});

describe('GET /api/concerns', () => {
  it('shows a reporter what they filed, with its status and nothing else', async () => {
    const res = await committee1.request('/api/concerns');
    expect(res.status).toBe(200);
    const page = await json(res);
    expect(page.total).toBe(1);
    expect(Object.keys(page.items[0]).sort()).toEqual(FILED_KEYS);
    expect(page.items[0]).toMatchObject({ id: routineId, view: 'filed', status: 'received' });
    expect((await committee1.request('/api/concerns?view=triage')).status).toBe(403);
  });

  it('lists the reports to triage of the students the caller sees in full, self-harm first', async () => {
    const page = await json(await counsellor1.request('/api/concerns?status=received'));
    const ids = page.items.map((item: { id: string }) => item.id);
    expect(ids[0]).toBe(selfHarmId);
    expect(ids.slice(1).sort()).toEqual([routineId, thirdId].sort());
    expect(page.items[0]).toMatchObject({
      view: 'triage',
      selfHarm: true,
      overdue: false,
      assignee: { id: person('counsellor1') },
      reporter: { id: person('liaison1'), roles: ['dorm_liaison'] },
      signs: [{ code: 'self-harm', selfHarm: true }],
    });
    const ofCollege = await json(
      await counsellor1.request(`/api/concerns?collegeId=${alpha().colleges[0].id}`),
    );
    expect(ofCollege.total).toBe(3);
    const foreign = await counsellor1.request(
      `/api/concerns?collegeId=${t.world.schools.beta.colleges[0].id}`,
    );
    expect(foreign.status).toBe(400);
    expect(fieldsOf(await json(foreign))).toEqual(['collegeId']);
    const urgentOnly = await json(await counsellor1.request('/api/concerns?urgency=urgent'));
    expect(urgentOnly.total).toBe(0);
    const filed = await json(await counsellor1.request('/api/concerns?view=filed'));
    expect(filed.items.map((item: { id: string }) => item.id)).toEqual([thirdId]);
    expect((await json(await counsellor2.request('/api/concerns'))).total).toBe(0);
  });

  it('answers one report whole to its triager, its status to its reporter, and 404 to anyone else', async () => {
    const whole = await json(await station1.request(`/api/concerns/${routineId}`));
    expect(whole).toMatchObject({ view: 'triage', note: '最近一周总是一个人吃饭，上课也不说话' });
    const filed = await json(await committee1.request(`/api/concerns/${routineId}`));
    expect(filed.view).toBe('filed');
    expect((await liaison1.request(`/api/concerns/${routineId}`)).status).toBe(404);
    expect((await counsellor2.request(`/api/concerns/${routineId}`)).status).toBe(404);
    expect((await betaCounsellor.request(`/api/concerns/${routineId}`)).status).toBe(404);
  });
});

describe('POST /api/concerns/{id}/triage', () => {
  it('refuses to close a report without a reason, and changes nothing', async () => {
    const before = await reportRow(routineId);
    for (const body of [{ action: 'close' }, { action: 'close', reason: '   ' }]) {
      const res = await triage(counsellor1, routineId, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(await json(res))).toEqual(['reason']);
    }
    expect(await reportRow(routineId)).toEqual(before);
  });

  it('lets only the full view of the student triage', async () => {
    expect((await triage(committee1, routineId, { action: 'close', reason: '已谈话' })).status).toBe(403);
    expect((await triage(counsellor2, routineId, { action: 'close', reason: '已谈话' })).status).toBe(404);
  });

  it('closes with a reason the reporter never sees; the reporter sees "closed" and is told', async () => {
    const reason = '已与学生面谈，系近期考试压力，已缓解';
    const res = await triage(counsellor1, routineId, { action: 'close', reason });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'closed', outcome: 'closed', closeReason: reason });
    const seen = await committee1.request(`/api/concerns/${routineId}`);
    const text = await seen.text();
    expect(JSON.parse(text)).toMatchObject({ view: 'filed', status: 'closed' });
    expect(text).not.toContain(reason);
    expect(text).not.toContain(person('counsellor1'));
    expect(await notificationsOf('committee1')).toEqual([
      expect.objectContaining({ kind: 'concern.status', params: { status: 'closed' } }),
    ]);
    expect((await triage(counsellor1, routineId, { action: 'close', reason })).status).toBe(409);
  });

  it('opens a case from a report: due when asked, with the self-harm flag and the report as its first note', async () => {
    const missing = await triage(counsellor1, selfHarmId, { action: 'open_case' });
    expect(fieldsOf(await json(missing))).toEqual(['dueDate']);
    const past = await triage(counsellor1, selfHarmId, { action: 'open_case', dueDate: '2025-03-02' });
    expect(fieldsOf(await json(past))).toEqual(['dueDate']);
    const res = await triage(counsellor1, selfHarmId, { action: 'open_case', dueDate: '2025-03-04' });
    expect(res.status).toBe(200);
    const triaged = await json(res);
    expect(triaged).toMatchObject({ status: 'handling', outcome: 'case_opened' });
    const opened = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select().from(cases).where(eq(cases.id, triaged.caseId)),
    );
    expect(opened[0]).toMatchObject({
      studentId: student(0, 1),
      kind: 'follow_up',
      selfHarm: true,
      responsiblePersonId: person('counsellor1'),
      dueDate: '2025-03-04',
    });
    const notes = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select().from(caseEntries).where(eq(caseEntries.caseId, triaged.caseId)),
    );
    expect(notes[0]!.body).toContain('自伤自杀言行');
    const seen = await json(await liaison1.request('/api/concerns'));
    expect(seen.items[0]).toEqual(expect.objectContaining({ status: 'handling' }));
    expect(JSON.stringify(seen)).not.toContain(triaged.caseId);
  });

  it('adds a report to an open case of the same student only', async () => {
    const selfHarmCase = (await reportRow(selfHarmId)).caseId!;
    const res = await triage(counsellor1, thirdId, { action: 'add_to_case', caseId: selfHarmCase });
    expect(res.status).toBe(400);
    expect(fieldsOf(await json(res))).toEqual(['caseId']);
    expect(fieldsOf(await json(await triage(counsellor1, thirdId, { action: 'add_to_case' })))).toEqual([
      'caseId',
    ]);
    const ownCase = await json(
      await counsellor1.request('/api/cases', {
        method: 'POST',
        body: { studentId: student(0, 2), kind: 'support', title: '学业帮扶', dueDate: '2025-03-10' },
      }),
    );
    const added = await triage(counsellor1, thirdId, { action: 'add_to_case', caseId: ownCase.id });
    expect(added.status).toBe(200);
    expect(await json(added)).toMatchObject({
      status: 'handling',
      outcome: 'added_to_case',
      caseId: ownCase.id,
    });
    const notes = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select().from(caseEntries).where(eq(caseEntries.caseId, ownCase.id)),
    );
    expect(notes.map((n) => n.body)).toEqual([expect.stringContaining('家长来电说孩子情绪低落')]);
  });
});

describe('My work', () => {
  const concernItems = async (as: TestSession) => {
    const work = await json(await as.request('/api/me/work'));
    return work.items.filter((item: { kind: string }) => item.kind === 'concern_report');
  };

  it("puts a new report on the counsellor's list at once, self-harm first, until it is triaged", async () => {
    const urgent = await json(
      await report(committee1, { studentId: student(0, 0), signs: ['negative-talk'], urgency: 'urgent' }),
    );
    const harm = await json(await report(liaison1, { studentId: student(0, 1), signs: ['self-harm'] }));
    const items = await concernItems(counsellor1);
    expect(items.map((item: { id: string }) => item.id)).toEqual([harm.id, urgent.id]);
    expect(items[0]).toMatchObject({
      selfHarm: true,
      overdue: false,
      isNew: true,
      student: { id: student(0, 1) },
      link: `/college-station/concerns/${harm.id}`,
      decision: { pluginId: 'alpha' },
    });
    expect(await concernItems(counsellor2)).toEqual([]);
    expect(await concernItems(committee1)).toEqual([]);
    await triage(counsellor1, harm.id, { action: 'close', reason: '已联系家长陪同就医' });
    expect((await concernItems(counsellor1)).map((item: { id: string }) => item.id)).toEqual([urgent.id]);
  });

  it('shows the station head the reports of the college nobody triaged in time, not the ones still in time', async () => {
    expect(await concernItems(station1)).toEqual([]);
    t.clock.advance(20 * 60_000); // past the urgent report's 15 minutes
    const overdue = await concernItems(station1);
    expect(overdue).toEqual([
      expect.objectContaining({ overdue: true, student: expect.objectContaining({ id: student(0, 0) }) }),
    ]);
    const counts = await json(await station1.request('/api/me/work/counts'));
    expect(counts.counts).toContainEqual({ kind: 'concern_report', count: 1, overdue: 1, selfHarm: 0 });
  });
});

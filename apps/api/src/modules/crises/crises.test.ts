import { toChinaDate, WorkingDayCalendar } from '@xinqiao/calendar';
import { cases, crises, crisisSteps, notifications, students } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { defaultConfig } from '../../context.ts';
import { runAsJobRunner } from '../../jobs/runner-transaction.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import { outboxRows } from '../notifications/testing.ts';
import type { PluginCatalog } from '../plugins/catalog.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from '../students/fixtures.test-helpers.ts';
import { crisisEscalationJob } from './job.ts';
import { addMonths, reviewDueOn } from './policy.ts';

// The test clock starts on Monday 2025-03-03, 08:00 UTC (16:00 China time). alpha has hrbmu's policy (its
// crisis-protocol: general, serious, major; a major crisis has ten steps and a review within one month).
let t: TestApp;
let plugins: PluginCatalog;
let counsellor1: TestSession;
let counsellor2: TestSession;
let station1: TestSession;
let director: TestSession;
let staff: TestSession;
let committee1: TestSession;
let admin: TestSession;

beforeAll(async () => {
  ({ plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } }));
  t = await createTestApp({ plugins });
  [counsellor1, counsellor2, station1, director, staff, committee1, admin] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'counsellor2'),
    loginAs(t.app, 'alpha', 'station1'),
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'alpha', 'staff'),
    loginAs(t.app, 'alpha', 'committee1'),
    loginAs(t.app, 'alpha', 'admin'),
  ]);
  await asWholeSchool(t, 'alpha', (tx) =>
    tx
      .update(students)
      .set({ guardians: [{ name: '王母', relation: '母亲', phone: '13800000000' }] })
      .where(eq(students.id, student(0, 0))),
  );
});
afterAll(() => t?.close());

const alpha = () => t.world.schools.alpha;
const person = (username: string) => alpha().people[username]!;
const student = (college: 0 | 1, n: number) => alpha().colleges[college].studentIds[n]!;
const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field).sort();
const post = (as: TestSession, path: string, body: Record<string, unknown>) =>
  as.request(`/api${path}`, { method: 'POST', body });
const minutesFromStart = (m: number) =>
  new Date(Date.parse('2025-03-03T08:00:00Z') + m * 60_000).toISOString();

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

/** Crisis rows as the escalation sweep reads them (RLS shows crises only to those who run them). */
function asSweep<T>(work: Parameters<typeof withTenant<T>>[2]) {
  const scope = tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['crises.escalate'],
  });
  return withTenant(t.db, scope, work);
}

/** Runs the escalation sweep once, as the worker would, at the test clock's time. */
async function sweep() {
  await crisisEscalationJob.run(
    {},
    {
      job: { id: 'test', kind: crisisEscalationJob.name, schoolId: null, attempt: 1, maxAttempts: 3 },
      signal: new AbortController().signal,
      inTenant: (scope, work) => withTenant(t.db, scope, work),
      asJobRunner: (work) => runAsJobRunner(t.db, work),
      deps: { db: t.db, plugins, config: defaultConfig, clock: t.clock, log: () => {} },
    },
  );
}

let crisisId: string;
let concernId: string;
let hospitalId: string;

describe('opening a crisis', () => {
  it('opens a major crisis from a concern report: ten steps due from now, the protocol’s people told at once', async () => {
    const filed = await json(
      await post(committee1, '/concerns', {
        studentId: student(0, 0),
        signs: ['self-harm'],
        urgency: 'urgent',
      }),
    );
    concernId = filed.id;
    const since = await lastAuditSeq(t, 'alpha');
    const res = await post(counsellor1, '/crises', {
      concernReportId: concernId,
      level: 'major',
      situation: '寝室发现自伤痕迹',
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    crisisId = body.id;
    expect(body).toMatchObject({
      status: 'open',
      level: 'major',
      levelName: { zh: '重大心理危机' },
      source: 'concern',
      student: { id: student(0, 0) },
      guardians: [{ index: 0, name: '王母', phone: '13800000000' }],
      plugin: { id: 'alpha' },
      can: { run: true, waive: false, review: false },
    });
    expect(body.steps.map((s: { code: string }) => s.code)).toEqual([
      'scene-control',
      'verify',
      'report-leaders',
      'start-plan',
      'joint-action',
      'family-contact',
      'referral',
      'information-release',
      'individual-support',
      'group-support',
    ]);
    const report = body.steps.find((s: { code: string }) => s.code === 'report-leaders');
    expect(report).toMatchObject({
      dueAt: minutesFromStart(15),
      state: 'pending',
      required: true,
      canDo: true,
    });
    expect(body.steps.find((s: { code: string }) => s.code === 'start-plan').canDo).toBe(false);
    for (const who of ['station1', 'director', 'staff']) {
      expect(await notificationsOf(who)).toContainEqual(
        expect.objectContaining({ kind: 'crisis.opened', link: `/crisis/${crisisId}` }),
      );
    }
    expect(await notificationsOf('counsellor2')).toEqual([]);
    // Outbound: a count only, never the student or what happened.
    const outbound = (await outboxRows(t.db)).filter((row) => row.body.includes(crisisId));
    for (const row of outbound) expect(row.body).not.toMatch(/自伤|学生|alpha-1-1/);
    const concern = await json(await committee1.request(`/api/concerns/${concernId}`));
    expect(concern.status).toBe('handling');
    const audit = await auditRowsAfter(t, 'alpha', since);
    expect(audit.map((a) => a.action)).toContain('crisis.create');
  });

  it('refuses a level the school does not use, two sources, and a student the caller does not run', async () => {
    const bad = await post(counsellor1, '/crises', {
      studentId: student(0, 1),
      level: 'extraordinary',
      situation: 'x',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(await json(bad))).toEqual(['level']);
    const two = await post(counsellor1, '/crises', {
      studentId: student(0, 1),
      caseId: '00000000-0000-4000-8000-000000000000',
      level: 'general',
      situation: 'x',
    });
    expect(fieldsOf(await json(two))).toEqual(['caseId', 'studentId']);
    const other = await post(counsellor2, '/crises', {
      studentId: student(0, 1),
      level: 'general',
      situation: 'x',
    });
    expect(other.status).toBe(404);
    expect(fieldsOf(await json(other))).toEqual(['studentId']);
    expect(
      (await post(committee1, '/crises', { studentId: student(0, 0), level: 'general', situation: 'x' }))
        .status,
    ).toBe(403);
  });
});

describe('who sees a crisis', () => {
  it('answers 403 to a class committee member and a school admin, 404 to another college’s counsellor', async () => {
    expect((await committee1.request('/api/crises')).status).toBe(403);
    expect((await admin.request('/api/crises')).status).toBe(403);
    expect((await committee1.request(`/api/crises/${crisisId}`)).status).toBe(403);
    expect((await counsellor2.request(`/api/crises/${crisisId}`)).status).toBe(404);
    expect((await json(await counsellor2.request('/api/crises'))).items).toEqual([]);
  });

  it('shows the board to the station head and the director, with counts per month and college; audits a read with its purpose', async () => {
    for (const who of [station1, director]) {
      const board = await json(await who.request('/api/crises'));
      expect(board.items).toEqual([
        expect.objectContaining({
          id: crisisId,
          level: 'major',
          currentStep: expect.objectContaining({ code: 'scene-control' }),
        }),
      ]);
      expect(board.perMonth).toEqual([{ month: '2025-03', opened: 1, closed: 0 }]);
      expect(board.perCollege).toEqual([expect.objectContaining({ open: 1, total: 1 })]);
    }
    const since = await lastAuditSeq(t, 'alpha');
    await director.request(`/api/crises/${crisisId}`, {
      headers: { 'x-access-purpose': encodeURIComponent('危机督导') },
    });
    const [audit] = await auditRowsAfter(t, 'alpha', since);
    expect(audit).toMatchObject({ action: 'crisis.read', purpose: '危机督导', studentId: student(0, 0) });
    const xlsx = await director.request('/api/crises/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('running a crisis', () => {
  it('marks a step done by someone the protocol names, refuses anyone else naming the step', async () => {
    const ok = await post(counsellor1, `/crises/${crisisId}/steps/scene-control/done`, {
      note: '已陪同学生，移除危险物品',
    });
    expect(ok.status).toBe(200);
    const body = await json(ok);
    expect(body.steps[0]).toMatchObject({ state: 'done', doneBy: { id: person('counsellor1') } });
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'step.done']);
    const notNamed = await post(counsellor1, `/crises/${crisisId}/steps/start-plan/done`, { note: 'x' });
    expect(notNamed.status).toBe(403);
    expect(await json(notNamed)).toMatchObject({ code: 'crises.not-named', errors: [{ field: 'code' }] });
    const noNote = await post(counsellor1, `/crises/${crisisId}/steps/verify/done`, {});
    expect(fieldsOf(await json(noNote))).toEqual(['note']);
    const again = await post(counsellor1, `/crises/${crisisId}/steps/scene-control/done`, { note: 'x' });
    expect(again.status).toBe(409);
  });

  it('asks for a family contact before the family step is done, and refuses one dated before the crisis opened', async () => {
    const early = await post(counsellor1, `/crises/${crisisId}/steps/family-contact/done`, {
      note: '已联系',
    });
    expect(fieldsOf(await json(early))).toEqual(['familyContacts']);
    const before = await post(counsellor1, `/crises/${crisisId}/family-contacts`, {
      guardianIndex: 0,
      contactedAt: minutesFromStart(-60),
      method: 'phone',
      agreed: '家长今晚到校',
    });
    expect(before.status).toBe(400);
    expect(fieldsOf(await json(before))).toEqual(['contactedAt']);
    const ok = await post(counsellor1, `/crises/${crisisId}/family-contacts`, {
      guardianIndex: 0,
      contactedAt: minutesFromStart(0),
      method: 'phone',
      agreed: '家长今晚到校',
    });
    expect(ok.status).toBe(201);
    expect((await json(ok)).familyContacts).toEqual([
      expect.objectContaining({
        contactName: '王母',
        relation: '母亲',
        fromGuardians: true,
        method: 'phone',
      }),
    ]);
    expect(
      (await post(counsellor1, `/crises/${crisisId}/steps/family-contact/done`, { note: '已联系母亲' }))
        .status,
    ).toBe(200);
  });

  it('refers only to a hospital on the school’s list, and keeps the list per school', async () => {
    const created = await post(director, '/settings/hospitals', {
      name: '市第一专科医院',
      department: '心理科',
      contact: '李医生',
      agreementFrom: '2025-01-01',
      agreementTo: '2027-12-31',
    });
    expect(created.status).toBe(201);
    hospitalId = (await json(created)).id;
    expect((await post(counsellor1, '/settings/hospitals', { name: 'x' })).status).toBe(403);
    const listed = await json(await counsellor1.request('/api/settings/hospitals'));
    expect(listed.items).toEqual([expect.objectContaining({ id: hospitalId, inForce: true })]);
    const bad = await post(counsellor1, `/crises/${crisisId}/referrals`, {
      hospitalId: '00000000-0000-4000-8000-000000000000',
      referredAt: minutesFromStart(1),
      accompaniedBy: '辅导员、母亲',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(await json(bad))).toEqual(['hospitalId']);
    const ok = await post(counsellor1, `/crises/${crisisId}/referrals`, {
      hospitalId,
      referredAt: minutesFromStart(1),
      accompaniedBy: '辅导员、母亲',
    });
    expect(ok.status).toBe(201);
    expect(
      (await director.request(`/api/settings/hospitals/${hospitalId}`, { method: 'DELETE' })).status,
    ).toBe(409);
  });

  it('adds a roommate affected, whose support case goes to their counsellor', async () => {
    const res = await post(counsellor1, `/crises/${crisisId}/affected`, {
      studentId: student(0, 1),
      relation: 'roommate',
      support: 'group',
    });
    expect(res.status).toBe(201);
    const [affected] = (await json(res)).affected;
    expect(affected).toMatchObject({
      relation: 'roommate',
      support: 'group',
      responsible: { id: person('counsellor1') },
    });
    const [row] = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select().from(cases).where(eq(cases.id, affected.caseId)),
    );
    expect(row).toMatchObject({ kind: 'support', studentId: student(0, 1), title: '心理支持（团体辅导）' });
    // Due when the protocol's step that records the people affected is due (the school's deadline, not the API's).
    const crisis = await json(await counsellor1.request(`/api/crises/${crisisId}`));
    const supportStep = crisis.steps.find((s: { records: string[] }) =>
      s.records.includes('affected-people'),
    );
    expect(row!.dueDate).toBe(toChinaDate(new Date(supportStep.dueAt)));
    const self = await post(counsellor1, `/crises/${crisisId}/affected`, {
      studentId: student(0, 0),
      relation: 'witness',
      support: 'group',
    });
    expect(fieldsOf(await json(self))).toEqual(['studentId']);
  });

  it('escalates a late step to the director, into the director’s work', async () => {
    t.clock.advance(20 * 60_000);
    await sweep();
    const [late] = await asSweep((tx) =>
      tx.select().from(crisisSteps).where(eq(crisisSteps.code, 'report-leaders')),
    );
    expect(late!.escalatedAt).not.toBeNull();
    expect(await notificationsOf('director')).toContainEqual(
      expect.objectContaining({ kind: 'crisis.step-late' }),
    );
    await sweep(); // told once
    const told = (await notificationsOf('director')).filter((n) => n.kind === 'crisis.step-late');
    expect(told).toHaveLength(1);
    const work = await json(await director.request('/api/me/work'));
    expect(work.items).toContainEqual(
      expect.objectContaining({
        kind: 'crisis_step',
        id: late!.id,
        overdue: true,
        link: `/crisis/${crisisId}`,
      }),
    );
    const mine = await json(await counsellor1.request('/api/me/work'));
    expect(mine.items.filter((i: { kind: string }) => i.kind === 'crisis_step').length).toBeGreaterThan(0);
  });

  it('lets only the director waive a step, with a reason', async () => {
    expect(
      (await post(counsellor1, `/crises/${crisisId}/steps/joint-action/waive`, { reason: 'x' })).status,
    ).toBe(403);
    const noReason = await post(director, `/crises/${crisisId}/steps/joint-action/waive`, { reason: '' });
    expect(fieldsOf(await json(noReason))).toEqual(['reason']);
    const ok = await post(director, `/crises/${crisisId}/steps/joint-action/waive`, {
      reason: '未涉及其他部门',
    });
    expect((await json(ok)).steps.find((s: { code: string }) => s.code === 'joint-action')).toMatchObject({
      state: 'waived',
      waiveReason: '未涉及其他部门',
    });
  });
});

describe('closing, reopening and the review', () => {
  it('refuses to close with required steps open or a referral without its return assessment, writing nothing', async () => {
    const res = await post(counsellor1, `/crises/${crisisId}/close`, { summary: '学生已稳定' });
    expect(res.status).toBe(400);
    expect(fieldsOf(await json(res))).toEqual([
      'referrals.0',
      'steps.individual-support',
      'steps.report-leaders',
      'steps.start-plan',
      'steps.verify',
    ]);
    const [row] = await asSweep((tx) => tx.select().from(crises).where(eq(crises.id, crisisId)));
    expect(row!.status).toBe('open');
    expect(
      fieldsOf(await json(await post(counsellor1, `/crises/${crisisId}/close`, { summary: '' }))),
    ).toEqual(['summary']);
  });

  it('closes once every required step is done and the student assessed; the review falls due a month later', async () => {
    await post(counsellor1, `/crises/${crisisId}/steps/verify/done`, { note: '已核实' });
    await post(station1, `/crises/${crisisId}/steps/report-leaders/done`, { note: '已报中心主任' });
    await post(director, `/crises/${crisisId}/steps/start-plan/done`, { note: '启动预案' });
    await post(staff, `/crises/${crisisId}/steps/individual-support/done`, { note: '一对一辅导' });
    const detail = await json(await counsellor1.request(`/api/crises/${crisisId}`));
    const referral = detail.referrals[0];
    const assessed = await post(counsellor1, `/crises/${crisisId}/referrals/${referral.id}/assessment`, {
      outcome: '门诊治疗',
      returnAssessment: '经评估可返校，继续随访',
    });
    expect(assessed.status).toBe(200);
    const closed = await post(counsellor1, `/crises/${crisisId}/close`, {
      summary: '学生已稳定，转入常规随访',
    });
    expect(closed.status).toBe(200);
    const body = await json(closed);
    expect(body).toMatchObject({ status: 'closed', summary: '学生已稳定，转入常规随访' });
    // Closed on Monday 03-03 (China): one month is Thursday 04-03, a working day.
    expect(body.reviews).toEqual([
      expect.objectContaining({ dueOn: '2025-04-03', heldOn: null, overdue: false }),
    ]);
    expect(await notificationsOf('staff')).toContainEqual(
      expect.objectContaining({ kind: 'crisis.review-due', params: { count: 1, dueOn: '2025-04-03' } }),
    );
    expect(
      (await post(counsellor1, `/crises/${crisisId}/steps/group-support/done`, { note: 'x' })).status,
    ).toBe(409);
  });

  it('reopens with a reason, closes again, and the center records the review with its case report', async () => {
    expect(fieldsOf(await json(await post(counsellor1, `/crises/${crisisId}/reopen`, {})))).toEqual([
      'reason',
    ]);
    const reopened = await json(
      await post(counsellor1, `/crises/${crisisId}/reopen`, { reason: '学生再次出现情绪波动' }),
    );
    expect(reopened).toMatchObject({ status: 'open', reviews: [] });
    await post(counsellor1, `/crises/${crisisId}/close`, { summary: '再次评估后稳定' });
    const work = await json(await director.request('/api/me/work'));
    expect(work.items).toContainEqual(
      expect.objectContaining({ kind: 'crisis_review', dueOn: '2025-04-03' }),
    );
    const review = { participants: '中心主任、辅导员', findings: 'x', changes: 'x', report: 'x' };
    expect(
      (await post(counsellor1, `/crises/${crisisId}/review`, { heldOn: '2025-03-20', ...review })).status,
    ).toBe(403);
    const early = await post(director, `/crises/${crisisId}/review`, {
      heldOn: '2025-03-01',
      participants: '中心主任、辅导员',
      findings: 'x',
      changes: 'x',
      report: 'x',
    });
    expect(fieldsOf(await json(early))).toEqual(['heldOn']);
    const held = await post(director, `/crises/${crisisId}/review`, {
      heldOn: '2025-03-20',
      participants: '中心主任、学院站长、辅导员',
      findings: '发现及时，上报超时',
      changes: '宿舍巡查每周一次',
      report: '书面案例报告……',
    });
    expect(held.status).toBe(200);
    const body = await json(held);
    expect(body.reviews).toEqual([
      expect.objectContaining({ heldOn: '2025-03-20', report: '书面案例报告……' }),
    ]);
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toContain('review.held');
    const since = await lastAuditSeq(t, 'alpha');
    expect(since).toBeGreaterThan(0);
  });
});

describe('the review due date', () => {
  const calendar = WorkingDayCalendar.china([]);
  it('moves a month that ends on a holiday back to the last working day before it', () => {
    // Closed 2025-09-01: a month later is National Day (10-01), so the review is due Tuesday 09-30.
    expect(reviewDueOn({ unit: 'months', amount: 1 }, new Date('2025-09-01T04:00:00Z'), calendar)).toBe(
      '2025-09-30',
    );
    expect(reviewDueOn({ unit: 'workingDays', amount: 3 }, new Date('2025-09-26T04:00:00Z'), calendar)).toBe(
      '2025-09-30',
    );
  });
  it('adds months to the month’s last day when it is shorter', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

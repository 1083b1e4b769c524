import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp } from '../../testing/index.ts';
import { get, hutPluginFor, post, setUpAlliance, swappableCatalog, type TestAlliance } from './testing.ts';

let t: TestApp;
let a: TestAlliance;

beforeAll(async () => {
  t = await createTestApp({ plugins: swappableCatalog(await hutPluginFor('alpha', { version: '1.0.0' })) });
  a = await setUpAlliance(t);
});
afterAll(() => t?.close());

/** 19:00 Beijing time on a day of the term. */
const at = (day: string, hhmmss = '19:00:00') => `${day}T${hhmmss}+08:00`;

async function meeting(body: Record<string, unknown>) {
  const res = await post(a.officer, `/api/alliance/terms/${a.termId}/events`, body);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function ledgerOf(memberId: string) {
  return (await get(a.officer, `/api/alliance/members/${memberId}/ledger`)).body;
}

async function ledgerSize(): Promise<number> {
  const sheet = await get(a.officer, `/api/alliance/terms/${a.termId}/standings`);
  return sheet.body.members.reduce((n: number, m: { points: number }) => n + Math.abs(m.points), 0);
}

describe('alliance/check-in: the plugin prices arrival times (seed 002, 10-minute rule)', () => {
  let routine: string;

  beforeAll(async () => {
    routine = await meeting({
      kind: 'routine_meeting',
      title: '宣传部例会',
      departmentId: a.departments.publicity,
      startsAt: at('2025-03-03'),
    });
  });

  it('records an on-time arrival with no ledger line and the score stays at the base 70', async () => {
    const res = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.cadre,
      arrivedAt: at('2025-03-03', '18:58:00'),
    });
    expect(res.status).toBe(201);
    expect(res.body.record.facts).toMatchObject({ attendance: 'present', meetingType: 'department-routine' });
    expect(res.body.entries).toEqual([]);
    expect((await ledgerOf(a.members.cadre)).score).toBe(70);
  });

  it('prices 4 minutes late at a routine meeting as late (−1, art. 5) and counts one late', async () => {
    const res = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.b,
      arrivedAt: at('2025-03-03', '19:04:00'),
    });
    expect(res.status).toBe(201);
    expect(res.body.record.facts).toMatchObject({ attendance: 'late', minutesLate: 4 });
    expect(res.body.entries).toHaveLength(1);
    expect(res.body.entries[0]).toMatchObject({
      delta: -1,
      ruleName: 'art5-department-routine-late',
      pluginId: 'alpha',
      pluginVersion: '1.0.0',
      reason: '部门日常例会迟到（10分钟以内）',
      details: { counts: ['lateCount'] },
    });
    const ledger = await ledgerOf(a.members.b);
    expect(ledger.score).toBe(69);
    expect(ledger.entries[0].record.event.title).toBe('宣传部例会');
  });

  it('prices 12 minutes late as an absence (−3, art. 5: more than 10 minutes late counts as absent)', async () => {
    const res = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.c,
      arrivedAt: at('2025-03-03', '19:12:00'),
    });
    expect(res.body.entries[0]).toMatchObject({
      delta: -3,
      ruleName: 'art5-department-routine-late-over-10-minutes',
      details: { counts: ['absenceCount'] },
    });
  });

  it('takes exactly 10 minutes late as late, and 10 minutes and one second as absent', async () => {
    const onTheLine = await meeting({
      kind: 'routine_meeting',
      title: '宣传部例会（第二周）',
      departmentId: a.departments.publicity,
      startsAt: at('2025-03-10'),
    });
    const ten = await post(a.officer, `/api/alliance/events/${onTheLine}/check-ins`, {
      memberId: a.members.b,
      arrivedAt: at('2025-03-10', '19:10:00'),
    });
    expect(ten.body.entries[0].ruleName).toBe('art5-department-routine-late');
    const overTen = await post(a.officer, `/api/alliance/events/${onTheLine}/check-ins`, {
      memberId: a.members.c,
      arrivedAt: at('2025-03-10', '19:10:01'),
    });
    expect(overTen.body.entries[0].ruleName).toBe('art5-department-routine-late-over-10-minutes');
  });

  it('records a leave request (−1 at a routine meeting) and refuses a check-in after it', async () => {
    const leave = await post(a.officer, `/api/alliance/events/${routine}/leave-requests`, {
      memberId: a.members.e,
      reason: '课程实验',
    });
    expect(leave.status).toBe(201);
    expect(leave.body.entries[0]).toMatchObject({ delta: -1, ruleName: 'art5-department-routine-on-leave' });
    expect(leave.body.record.context.leaveReason).toBe('课程实验');
    const again = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.e,
    });
    expect(again.status).toBe(409);
  });

  it('records leaving early only after a check-in (−1 at a routine meeting)', async () => {
    const early = await post(a.officer, `/api/alliance/events/${routine}/early-leaves`, {
      memberId: a.members.cadre,
      leftAt: at('2025-03-03', '19:40:00'),
    });
    expect(early.status).toBe(201);
    expect(early.body.entries[0]).toMatchObject({
      delta: -1,
      ruleName: 'art5-department-routine-early-leave',
    });
    const sheet = await get(a.officer, `/api/alliance/events/${routine}/sheet`);
    const cadre = sheet.body.rows.find((r: { member: { id: string } }) => r.member.id === a.members.cadre);
    expect(cadre.score).toBe(69);
    expect(cadre.records.map((r: { kind: string }) => r.kind).sort()).toEqual(['attendance', 'early-leave']);
  });
});

describe('alliance/check-in: bad input is refused and changes nothing', () => {
  let routine: string;

  beforeAll(async () => {
    routine = await meeting({
      kind: 'routine_meeting',
      title: '宣传部例会（第三周）',
      departmentId: a.departments.publicity,
      startsAt: at('2025-03-17'),
    });
    await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.b,
      arrivedAt: at('2025-03-17', '18:59:00'),
    });
  });

  it('refuses a member of another department at a routine meeting, naming memberId', async () => {
    const before = await ledgerSize();
    const res = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, { memberId: a.members.d });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors[0].field).toBe('memberId');
    const sheet = await get(a.officer, `/api/alliance/events/${routine}/sheet`);
    expect(sheet.body.rows.some((r: { member: { id: string } }) => r.member.id === a.members.d)).toBe(false);
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses someone who is not a member at all, naming memberId', async () => {
    const res = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('memberId');
  });

  it('refuses a duplicate check-in with 409 and keeps the first', async () => {
    const res = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.b,
      arrivedAt: at('2025-03-17', '19:30:00'),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'alliance.attendance-exists', title: '已有出勤记录' });
    expect(res.body.detail).toContain('已有本次出勤记录（准时）');
    const english = await json(
      await a.officer.request(`/api/alliance/events/${routine}/check-ins`, {
        method: 'POST',
        headers: { 'accept-language': 'en' },
        body: { memberId: a.members.b, arrivedAt: at('2025-03-17', '19:30:00') },
      }),
    );
    expect(english).toMatchObject({
      code: 'alliance.attendance-exists',
      title: 'Attendance already recorded',
    });
    expect(english.errors).toEqual([
      { field: 'memberId', code: 'alliance.attendance-exists', message: 'Already recorded as present' },
    ]);
    const sheet = await get(a.officer, `/api/alliance/events/${routine}/sheet`);
    const b = sheet.body.rows.find((r: { member: { id: string } }) => r.member.id === a.members.b);
    expect(b.records).toHaveLength(1);
    expect(b.records[0].facts.attendance).toBe('present');
  });

  it('closes the meeting: the expected members who did not come are absent (−3 each), then refuses check-ins', async () => {
    const close = await post(a.officer, `/api/alliance/events/${routine}/close`);
    expect(close.status).toBe(200);
    const absent = close.body.absences.map((w: { record: { memberId: string } }) => w.record.memberId).sort();
    expect(absent).toEqual([a.members.cadre, a.members.c, a.members.e].sort());
    expect(close.body.absences[0].entries[0]).toMatchObject({
      delta: -3,
      ruleName: 'art5-department-routine-absent',
    });
    const before = await ledgerSize();
    const late = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.c,
    });
    expect(late.status).toBe(409);
    expect(late.body.errors[0].field).toBe('eventId');
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses writes from a reader and from an officer who is not an officer member of the term', async () => {
    const director = await loginAs(t.app, 'alpha', 'director');
    expect((await get(director, `/api/alliance/terms/${a.termId}/standings`)).status).toBe(200);
    const write = await post(director, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.b,
    });
    expect(write.status).toBe(403);
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await get(counsellor, `/api/alliance/terms/${a.termId}/standings`)).status).toBe(403);
    const demote = (isOfficer: boolean) =>
      a.admin.request(`/api/alliance/members/${a.members.officer}`, { method: 'PATCH', body: { isOfficer } });
    expect((await demote(false)).status).toBe(200);
    const refused = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.b,
    });
    expect(refused.status).toBe(403);
    expect((await demote(true)).status).toBe(200);
  });

  it('keeps the alliance within the school: another school sees no such term', async () => {
    const beta = await loginAs(t.app, 'beta', 'admin');
    expect((await get(beta, `/api/alliance/members/${a.members.b}/ledger`)).status).toBe(404);
    expect((await get(beta, `/api/alliance/terms/${a.termId}/standings`)).status).toBe(404);
  });

  it('tells a school whose plugin has no alliance rules what to add, by a code the module recognises', async () => {
    const beta = await loginAs(t.app, 'beta', 'admin');
    const res = await beta.request('/api/alliance');
    expect(res.status).toBe(409);
    const problem = await json(res);
    expect(problem.code).toBe('alliance.no-points-scale');
    expect(problem.type).toBe('urn:xinqiao:problem:alliance.no-points-scale');
    expect(problem.detail).toContain('penalty-points');
    expect(problem.detail).toContain('term-sanctions');
  });
});

describe('alliance/check-in: where articles 5 and 7 disagree, the plugin decides', () => {
  it('prices an absence from a three-star routine meeting by article 5 (−3), naming the overridden article 7 rule', async () => {
    const starred = await meeting({
      kind: 'routine_meeting',
      title: '宣传部三星级例会',
      departmentId: a.departments.publicity,
      stars: 3,
      startsAt: at('2025-03-24'),
    });
    const res = await post(a.officer, `/api/alliance/events/${starred}/absences`, { memberId: a.members.e });
    expect(res.body.entries[0]).toMatchObject({ delta: -3, ruleName: 'art5-department-routine-absent' });
    expect(res.body.overriddenRules).toEqual(['art7-absent-three-stars-or-more']);
  });

  it('prices 12 minutes late at a three-star plenary meeting by article 5 (−5), not article 7 (−8)', async () => {
    const plenary = await meeting({
      kind: 'plenary_meeting',
      title: '全体大会',
      stars: 3,
      startsAt: at('2025-03-25'),
    });
    const res = await post(a.officer, `/api/alliance/events/${plenary}/check-ins`, {
      memberId: a.members.d,
      arrivedAt: at('2025-03-25', '19:12:00'),
    });
    expect(res.body.entries[0]).toMatchObject({ delta: -5, ruleName: 'art5-plenary-late-over-10-minutes' });
  });

  it('prices a three-star activity by article 7 (late −2, absent −8): article 5 names no such meeting', async () => {
    const activity = await meeting({
      kind: 'activity',
      title: '5·25心理健康节',
      stars: 3,
      startsAt: at('2025-05-25', '14:00:00'),
    });
    const late = await post(a.officer, `/api/alliance/events/${activity}/check-ins`, {
      memberId: a.members.d,
      arrivedAt: at('2025-05-25', '14:05:00'),
    });
    expect(late.body.entries[0]).toMatchObject({ delta: -2, ruleName: 'art7-late-three-stars-or-more' });
    const absent = await post(a.officer, `/api/alliance/events/${activity}/absences`, {
      memberId: a.members.cadre,
    });
    expect(absent.body.entries[0]).toMatchObject({ delta: -8, ruleName: 'art7-absent-three-stars-or-more' });
  });

  it('prices a duty shift below three stars by article 7 (late −1)', async () => {
    const duty = await meeting({
      kind: 'duty_shift',
      title: '中心值班',
      departmentId: a.departments.office,
      stars: 1,
      startsAt: at('2025-03-26', '12:00:00'),
    });
    const late = await post(a.officer, `/api/alliance/events/${duty}/check-ins`, {
      memberId: a.members.d,
      arrivedAt: at('2025-03-26', '12:03:00'),
    });
    expect(late.body.entries[0]).toMatchObject({ delta: -1, ruleName: 'art7-late-below-three-stars' });
  });
});

describe('alliance/check-in: a voided check-in can be recorded again', () => {
  it('reverses the voided check-in and prices the new one on the same slot, keeping the history', async () => {
    const routine = await meeting({
      kind: 'routine_meeting',
      title: '宣传部例会（补录）',
      departmentId: a.departments.publicity,
      startsAt: at('2025-04-21'),
    });
    const before = (await ledgerOf(a.members.b)).score;
    const wrong = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.b,
      arrivedAt: at('2025-04-21', '19:20:00'),
    });
    expect(wrong.body.entries[0].delta).toBe(-3);
    const voided = await post(a.officer, `/api/alliance/records/${wrong.body.record.id}/corrections`, {
      reason: '点错了人',
      void: true,
    });
    expect(voided.status).toBe(201);
    expect((await ledgerOf(a.members.b)).score).toBe(before);
    const again = await post(a.officer, `/api/alliance/events/${routine}/check-ins`, {
      memberId: a.members.b,
      arrivedAt: at('2025-04-21', '18:59:00'),
    });
    expect(again.status).toBe(201);
    expect(again.body.record.id).toBe(wrong.body.record.id);
    expect(again.body.record.facts.attendance).toBe('present');
    expect(again.body.record.context.voided).toBeUndefined();
    expect(again.body.record.context.amendments).toHaveLength(2);
    expect((await ledgerOf(a.members.b)).score).toBe(before);
    const close = await post(a.officer, `/api/alliance/events/${routine}/close`);
    const absent = close.body.absences.map((w: { record: { memberId: string } }) => w.record.memberId);
    expect(absent).not.toContain(a.members.b);
  });
});

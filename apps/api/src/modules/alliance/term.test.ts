import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { get, hutPluginFor, post, setUpAlliance, swappableCatalog, type TestAlliance } from './testing.ts';

// A whole term of seed 002's alliance, priced by plugins/hut: lates converted to absences by role, the
// warning/demerit/dismissal ladder with the records behind each sanction, evaluation eligibility, full attendance.

let t: TestApp;
let a: TestAlliance;
let week = 0;

beforeAll(async () => {
  t = await createTestApp({ plugins: swappableCatalog(await hutPluginFor('alpha', { version: '1.0.0' })) });
  a = await setUpAlliance(t);
});
afterAll(() => t?.close());

/** The next weekly publicity routine meeting (19:00 Beijing time), starting in March 2025. */
async function nextRoutineMeeting(): Promise<{ id: string; startsAt: Date }> {
  const startsAt = new Date(Date.UTC(2025, 2, 3 + 7 * week++, 11));
  const res = await post(a.officer, `/api/alliance/terms/${a.termId}/events`, {
    kind: 'routine_meeting',
    title: `宣传部例会 第${week}周`,
    departmentId: a.departments.publicity,
    startsAt: startsAt.toISOString(),
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, startsAt };
}

/** Holds a meeting: each listed member arrives that many minutes late (0 = on time); the rest are absent on close. */
async function holdMeeting(
  arrivals: Record<string, number>,
): Promise<{ id: string; records: Record<string, string> }> {
  const meeting = await nextRoutineMeeting();
  const records: Record<string, string> = {};
  for (const [memberId, late] of Object.entries(arrivals)) {
    const arrivedAt = new Date(meeting.startsAt.getTime() + late * 60_000 - (late === 0 ? 60_000 : 0));
    const res = await post(a.officer, `/api/alliance/events/${meeting.id}/check-ins`, {
      memberId,
      arrivedAt: arrivedAt.toISOString(),
    });
    expect(res.status).toBe(201);
    records[memberId] = res.body.record.id;
  }
  const closed = await post(a.officer, `/api/alliance/events/${meeting.id}/close`);
  for (const w of closed.body.absences) records[w.record.memberId] = w.record.id;
  return { id: meeting.id, records };
}

async function standings() {
  const res = await get(a.officer, `/api/alliance/terms/${a.termId}/standings`);
  expect(res.status).toBe(200);
  return res.body;
}

async function standingOf(memberId: string) {
  return (await standings()).members.find((m: { member: { id: string } }) => m.member.id === memberId);
}

describe('alliance/term: late-to-absence conversion by role and the sanction ladder (seed 002, art. 7)', () => {
  const recordsOf: Record<string, string[]> = {};

  beforeAll(async () => {
    const { cadre, b, c } = a.members;
    // Week 1: the cadre and staff C late (within 10 min), staff B on time, staff E absent.
    // Week 2: the cadre and staff C late again, B on time, E absent.
    // Week 3: staff C late a third time, the cadre absent, B on time, E absent.
    // Week 4: everyone on time but E, absent a fourth time.
    const weeks = [
      { [cadre]: 3, [c]: 5, [b]: 0 },
      { [cadre]: 8, [c]: 2, [b]: 0 },
      { [c]: 9, [b]: 0 },
      { [cadre]: 0, [c]: 0, [b]: 0 },
    ];
    for (const arrivals of weeks) {
      const held = await holdMeeting(arrivals);
      for (const [memberId, recordId] of Object.entries(held.records)) {
        recordsOf[memberId] = [...(recordsOf[memberId] ?? []), recordId];
      }
    }
  });

  it('keeps every score as the base 70 plus the member’s ledger entries', async () => {
    const sheet = await standings();
    expect(sheet.base.points).toBe(70);
    const byId = new Map(sheet.members.map((m: { member: { id: string } }) => [m.member.id, m]));
    expect(byId.get(a.members.b)).toMatchObject({ base: 70, points: 0, score: 70 });
    expect(byId.get(a.members.cadre)).toMatchObject({ points: -1 - 1 - 3, score: 65 });
    expect(byId.get(a.members.c)).toMatchObject({ points: -3, score: 67 });
    expect(byId.get(a.members.e)).toMatchObject({ points: -12, score: 58 });
    expect(byId.get(a.members.b)).toMatchObject({ rankInAlliance: 1, rankInDepartment: 1 });
  });

  it('converts a cadre’s two lates into one absence: with one absence that is the warning of art. 7', async () => {
    const cadre = await standingOf(a.members.cadre);
    expect(cadre.term.facts).toMatchObject({ lateCount: 2, absenceCount: 1 });
    expect(cadre.term.lateConversion).toEqual({
      ruleName: 'cadre-two-lates-one-absence',
      latesPerAbsence: 2,
      convertedAbsences: 1,
      effectiveAbsenceCount: 2,
    });
    expect(cadre.term.sanction).toBe('warning');
    expect(cadre.term.sanctions[0]).toMatchObject({ ruleName: 'warning-late-3-or-absent-2', from: 'term' });
    expect(cadre.term.sanctions[0].recordIds.sort()).toEqual(recordsOf[a.members.cadre]!.slice(0, 3).sort());
  });

  it('converts a staff member’s three lates into one absence, and late three times is itself a warning', async () => {
    const c = await standingOf(a.members.c);
    expect(c.term.facts).toMatchObject({ lateCount: 3, absenceCount: 0 });
    expect(c.term.lateConversion).toMatchObject({
      ruleName: 'staff-three-lates-one-absence',
      latesPerAbsence: 3,
    });
    expect(c.term.lateConversion.effectiveAbsenceCount).toBe(1);
    expect(c.term.sanction).toBe('warning');
    expect(c.term.eligibleForEvaluation).toBe(false);
    expect(c.term.ineligibility[0].ruleName).toBe('ineligible-late-or-absent-3-times');
  });

  it('dismisses a member absent four times (劝退), naming the rule and the four absences behind it', async () => {
    const e = await standingOf(a.members.e);
    expect(e.term.facts.absenceCount).toBe(4);
    expect(e.term.sanction).toBe('dismissal');
    const dismissal = e.term.sanctions.find((s: { level: string }) => s.level === 'dismissal');
    expect(dismissal).toMatchObject({ ruleName: 'dismissal-late-5-or-absent-4', zh: '迟到5次或无故缺席4次' });
    expect(dismissal.recordIds.sort()).toEqual([...recordsOf[a.members.e]!].sort());
    expect(e.term.sanctions.map((s: { level: string }) => s.level)).toEqual([
      'dismissal',
      'demerit',
      'warning',
    ]);
  });

  it('leaves a member with a clean term unsanctioned and eligible', async () => {
    const b = await standingOf(a.members.b);
    expect(b.term).toMatchObject({ sanction: null, sanctions: [], eligibleForEvaluation: true });
  });

  it('takes a failed course in the term out of every evaluation, with the finding behind it', async () => {
    const res = await post(a.officer, '/api/alliance/records', {
      recordKind: 'finding',
      memberId: a.members.b,
      finding: 'failedCourseThisTerm',
      note: '高等数学不及格',
    });
    expect(res.status).toBe(201);
    expect(res.body.records[0].entries).toEqual([]);
    const b = await standingOf(a.members.b);
    expect(b.score).toBe(70);
    expect(b.term.eligibleForEvaluation).toBe(false);
    expect(b.term.ineligibility).toEqual([
      expect.objectContaining({
        ruleName: 'ineligible-failed-course',
        recordIds: [res.body.records[0].record.id],
      }),
    ]);
    const twice = await post(a.officer, '/api/alliance/records', {
      recordKind: 'finding',
      memberId: a.members.b,
      finding: 'failedCourseThisTerm',
    });
    expect(twice.status).toBe(409);
  });

  it('gives a warning for no minutes three times (−3 each)', async () => {
    const meetings = [];
    for (let i = 0; i < 3; i++) meetings.push(await holdMeeting({ [a.members.b]: 0, [a.members.c]: 0 }));
    for (const meeting of meetings) {
      const res = await post(a.officer, '/api/alliance/records', {
        recordKind: 'minutes',
        eventId: meeting.id,
        memberId: a.members.d,
        minutesRating: 'not-taken',
      });
      expect(res.body.records[0].entries[0]).toMatchObject({ delta: -3, ruleName: 'art5-minutes-not-taken' });
    }
    const d = await standingOf(a.members.d);
    expect(d.term.facts.noMinutesCount).toBe(3);
    expect(d.term.sanctions.map((s: { ruleName: string }) => s.ruleName)).toContain('warning-no-minutes-3');
  });

  it('ranks departments by their members’ average score', async () => {
    const sheet = await standings();
    const names = sheet.departments.map((d: { department: { name: string }; rank: number }) => [
      d.department.name,
      d.rank,
    ]);
    expect(names).toHaveLength(2);
    expect(sheet.departments.map((d: { rank: number }) => d.rank)).toEqual([1, 2]);
    const office = sheet.departments.find(
      (d: { department: { name: string } }) => d.department.name === '办公室',
    );
    expect(office.averageScore).toBe((70 + 61) / 2);
  });
});

describe('alliance/term: full attendance and department warnings', () => {
  it('adds +3 for full attendance to members on time at every meeting of the assessment, once per key', async () => {
    week = Math.max(week, 13); // June
    await holdMeeting({ [a.members.b]: 0, [a.members.c]: 0, [a.members.cadre]: 0 });
    await holdMeeting({ [a.members.b]: 0, [a.members.c]: 0, [a.members.cadre]: 0 });
    const body = { key: '2025-06', from: '2025-06-01T00:00:00+08:00', to: '2025-07-01T00:00:00+08:00' };
    const res = await post(a.officer, `/api/alliance/terms/${a.termId}/full-attendance`, body);
    expect(res.status).toBe(201);
    const rewarded = res.body.records.map((r: { record: { memberId: string } }) => r.record.memberId).sort();
    expect(rewarded).toEqual([a.members.b, a.members.c, a.members.cadre].sort());
    expect(res.body.records[0].entries[0]).toMatchObject({ delta: 3, ruleName: 'art5-full-attendance' });
    const again = await post(a.officer, `/api/alliance/terms/${a.termId}/full-attendance`, body);
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('key');
  });

  it('warns a department twice late with its proposals (部门警告), naming the findings', async () => {
    const ids = [];
    for (const note of ['三月提案迟交', '四月提案迟交']) {
      const res = await post(a.officer, `/api/alliance/terms/${a.termId}/department-findings`, {
        departmentId: a.departments.publicity,
        finding: 'lateProposalCount',
        note,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const publicity = (await standings()).departments.find(
      (d: { department: { id: string } }) => d.department.id === a.departments.publicity,
    );
    expect(publicity.warnings).toEqual([
      expect.objectContaining({ ruleName: 'department-two-late-proposals', eventIds: ids }),
    ]);
  });
});

describe('alliance/term: the XLSX term sheet', () => {
  it('exports every member’s rank, score and sanction, and every ledger line with its rule and plugin version', async () => {
    const res = await a.officer.request(`/api/alliance/terms/${a.termId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('积分表')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('姓名');
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => r.values as unknown[]);
    const e = rows.find((r) => r[4] === '陈盈')!;
    const standing = await standingOf(a.members.e);
    expect(e[1]).toBe(standing.rankInAlliance);
    expect(e[9]).toBe(standing.score);
    expect(e[14]).toBe('劝退');
    expect(e[15]).toContain('迟到5次或无故缺席4次');
    // The officer account reaches no students, yet the member linked to one shows the number.
    const linked = rows.find((r) => r[4] === '富绍鑫')!;
    expect(linked[5]).toMatch(/^alpha-/);
    const ledger = workbook.getWorksheet('积分明细')!;
    const times = ledger.getColumn(2).values.slice(2) as string[];
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/); // Beijing time, not ISO UTC
    const departments = workbook.getWorksheet('部门排名')!;
    const ranks = departments.getColumn(1).values.slice(2) as number[];
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    const rules = ledger.getColumn(6).values;
    expect(rules).toContain('art5-department-routine-absent');
    expect(ledger.getColumn(7).values).toContain('alpha 1.0.0');
  });
});

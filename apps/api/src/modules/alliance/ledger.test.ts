import { allianceLedger, type TenantTx } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import {
  get,
  hutPluginFor,
  post,
  type SwappableCatalog,
  setUpAlliance,
  swappableCatalog,
  type TestAlliance,
} from './testing.ts';

let t: TestApp;
let a: TestAlliance;
let plugins: SwappableCatalog;

beforeAll(async () => {
  plugins = swappableCatalog(await hutPluginFor('alpha', { version: '1.0.0' }));
  t = await createTestApp({ plugins });
  a = await setUpAlliance(t);
});
afterAll(() => t?.close());

async function ledgerOf(memberId: string) {
  const res = await get(a.officer, `/api/alliance/members/${memberId}/ledger`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Ledger entries of the school, counted as the school sees them (RLS scoped to alpha). */
function asAlpha<T>(work: (tx: TenantTx) => Promise<T>): Promise<T> {
  const scope = tenantScope({
    schoolId: t.world.schools.alpha.id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });
  return withTenant(t.db, scope, work);
}

async function entryCount(): Promise<number> {
  const rows = await asAlpha((tx) => tx.select({ id: allianceLedger.id }).from(allianceLedger));
  return rows.length;
}

describe('alliance/ledger: tasks (first, on time, overdue, acknowledged but missing, never acknowledged)', () => {
  it('prices each submission of a daily task by article 5, and the missing ones when the task closes', async () => {
    const f = await post(a.admin, `/api/alliance/terms/${a.termId}/members`, {
      name: '徐子栋',
      departmentId: a.departments.publicity,
      memberRole: 'staff',
    });
    const task = await post(a.officer, `/api/alliance/terms/${a.termId}/tasks`, {
      taskKind: 'daily',
      title: '整理三月推文素材',
      departmentId: a.departments.publicity,
      assignedAt: '2025-03-04T09:00:00+08:00',
      deadline: '2025-03-06T22:00:00+08:00',
    });
    expect(task.status).toBe(201);
    const path = `/api/alliance/tasks/${task.body.id}`;
    const submit = (memberId: string, submittedAt: string) =>
      post(a.officer, `${path}/submissions`, { memberId, submittedAt });
    expect((await post(a.officer, `${path}/acknowledgements`, { memberId: a.members.e })).status).toBe(201);
    const first = await submit(a.members.b, '2025-03-05T10:00:00+08:00');
    const onTime = await submit(a.members.cadre, '2025-03-06T21:59:00+08:00');
    const overdue = await submit(a.members.c, '2025-03-07T08:00:00+08:00');
    expect(first.body.entries[0]).toMatchObject({ delta: 2, ruleName: 'art5-task-submitted-first' });
    expect(onTime.body.entries[0]).toMatchObject({ delta: 1, ruleName: 'art5-task-submitted-on-time' });
    expect(overdue.body.entries[0]).toMatchObject({ delta: -1, ruleName: 'art5-task-overdue' });
    expect((await submit(a.members.b, '2025-03-05T11:00:00+08:00')).status).toBe(409);
    const closed = await post(a.officer, `${path}/close`, {});
    expect(closed.status).toBe(200);
    const missing = Object.fromEntries(
      closed.body.missing.map(
        (w: { record: { memberId: string }; entries: { ruleName: string; delta: number }[] }) => [
          w.record.memberId,
          w.entries[0],
        ],
      ),
    );
    expect(missing[a.members.e]).toMatchObject({
      delta: -3,
      ruleName: 'art5-task-acknowledged-not-submitted',
    });
    expect(missing[f.body.id]).toMatchObject({
      delta: -1,
      ruleName: 'art5-task-not-acknowledged-not-submitted',
    });
    expect(Object.keys(missing)).toHaveLength(2);
    expect((await submit(f.body.id, '2025-03-07T09:00:00+08:00')).status).toBe(409);
  });

  it('asks for the points of an assigned task done late within the plugin’s range (art. 7: −2 to −5)', async () => {
    const task = await post(a.officer, `/api/alliance/terms/${a.termId}/tasks`, {
      taskKind: 'assigned',
      title: '5·25活动总结',
      departmentId: a.departments.office,
      assignedAt: '2025-05-26T09:00:00+08:00',
      deadline: '2025-05-30T22:00:00+08:00',
    });
    const path = `/api/alliance/tasks/${task.body.id}/submissions`;
    const before = await entryCount();
    const noPoints = await post(a.officer, path, {
      memberId: a.members.d,
      submittedAt: '2025-06-02T10:00:00+08:00',
    });
    expect(noPoints.status).toBe(400);
    expect(noPoints.body.errors[0].field).toBe('requestedPoints');
    expect(noPoints.body.errors[0].message).toContain('-5..-2');
    expect(await entryCount()).toBe(before);
    const late = await post(a.officer, path, {
      memberId: a.members.d,
      submittedAt: '2025-06-02T10:00:00+08:00',
      requestedPoints: -3,
    });
    expect(late.body.entries[0]).toMatchObject({
      delta: -3,
      ruleName: 'art7-assigned-task-not-done-on-time',
    });
  });
});

describe('alliance/ledger: rewards within the plugin’s range, and approval when the plugin says so', () => {
  it('refuses a reward beyond the range (helping another department: +5 to +10), naming requestedPoints, storing nothing', async () => {
    const before = await entryCount();
    const pending = await get(a.officer, `/api/alliance/terms/${a.termId}/records`);
    const res = await post(a.officer, '/api/alliance/records', {
      recordKind: 'reward',
      rewardKind: 'helped-another-department',
      memberId: a.members.b,
      requestedPoints: 12,
    });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors[0]).toMatchObject({ field: 'requestedPoints' });
    expect(res.body.errors[0].message).toContain('5..10');
    expect(await entryCount()).toBe(before);
    const after = await get(a.officer, `/api/alliance/terms/${a.termId}/records`);
    expect(after.body.records).toHaveLength(pending.body.records.length);
  });

  it('books a reward within the range at once', async () => {
    const before = (await ledgerOf(a.members.b)).score;
    const res = await post(a.officer, '/api/alliance/records', {
      recordKind: 'reward',
      rewardKind: 'helped-another-department',
      memberId: a.members.b,
      requestedPoints: 8,
      note: '协助外联部布置会场',
    });
    expect(res.status).toBe(201);
    expect(res.body.records[0].entries[0]).toMatchObject({
      delta: 8,
      ruleName: 'art6-helped-another-department',
    });
    expect((await ledgerOf(a.members.b)).score).toBe(before + 8);
  });

  it('keeps an adopted suggestion pending until approved (art. 6: only with everyone’s recognition)', async () => {
    const before = (await ledgerOf(a.members.c)).score;
    const res = await post(a.officer, '/api/alliance/records', {
      recordKind: 'reward',
      rewardKind: 'suggestion-adopted',
      memberId: a.members.c,
      requestedPoints: 5,
    });
    expect(res.status).toBe(201);
    expect(res.body.records[0].record.approval).toBe('pending');
    expect(res.body.records[0].entries).toEqual([]);
    const ledger = await ledgerOf(a.members.c);
    expect(ledger.score).toBe(before);
    expect(ledger.pendingRecords).toHaveLength(1);
    const listed = await get(a.officer, `/api/alliance/terms/${a.termId}/records?approval=pending`);
    expect(listed.body.records.map((r: { id: string }) => r.id)).toEqual([res.body.records[0].record.id]);
    const approved = await post(
      a.officer,
      `/api/alliance/records/${res.body.records[0].record.id}/approval`,
      {
        approve: true,
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.entries[0]).toMatchObject({ delta: 5, ruleName: 'art6-suggestion-adopted' });
    expect((await ledgerOf(a.members.c)).score).toBe(before + 5);
    const twice = await post(a.officer, `/api/alliance/records/${res.body.records[0].record.id}/approval`, {
      approve: true,
    });
    expect(twice.status).toBe(409);
  });

  it('gives every member of an outstanding department the same reward (art. 6: +2 to +5 each)', async () => {
    const res = await post(a.officer, '/api/alliance/records', {
      recordKind: 'reward',
      rewardKind: 'department-outstanding',
      departmentId: a.departments.office,
      requestedPoints: 3,
    });
    expect(res.status).toBe(201);
    const members = res.body.records.map((r: { record: { memberId: string } }) => r.record.memberId).sort();
    expect(members).toEqual([a.members.officer, a.members.d].sort());
    expect(res.body.records.every((r: { entries: { delta: number }[] }) => r.entries[0]!.delta === 3)).toBe(
      true,
    );
  });
});

describe('alliance/ledger: corrections are reversing entries with a reason and who made them', () => {
  let meetingId: string;
  let recordId: string;

  beforeAll(async () => {
    const meeting = await post(a.officer, `/api/alliance/terms/${a.termId}/events`, {
      kind: 'plenary_meeting',
      title: '四月全体大会',
      startsAt: '2025-04-07T19:00:00+08:00',
    });
    meetingId = meeting.body.id;
    const checkIn = await post(a.officer, `/api/alliance/events/${meetingId}/check-ins`, {
      memberId: a.members.d,
      arrivedAt: '2025-04-07T19:25:00+08:00',
    });
    expect(checkIn.body.entries[0]).toMatchObject({
      delta: -5,
      ruleName: 'art5-plenary-late-over-10-minutes',
    });
    recordId = checkIn.body.record.id;
  });

  it('corrects a wrong arrival time: the −5 is reversed, the right time priced (−2 late), the old facts kept', async () => {
    const before = (await ledgerOf(a.members.d)).score;
    const res = await post(a.officer, `/api/alliance/records/${recordId}/corrections`, {
      reason: '签到时间录错，实到19:06',
      arrivedAt: '2025-04-07T19:06:00+08:00',
    });
    expect(res.status).toBe(201);
    expect(res.body.reversed).toHaveLength(1);
    expect(res.body.reversed[0]).toMatchObject({ delta: 5, ruleName: 'art5-plenary-late-over-10-minutes' });
    expect(res.body.reversed[0].reason).toContain('签到时间录错');
    expect(res.body.entries[0]).toMatchObject({ delta: -2, ruleName: 'art5-plenary-late' });
    expect(res.body.record.context.amendments[0].before).toMatchObject({ minutesLate: 25 });
    const ledger = await ledgerOf(a.members.d);
    expect(ledger.score).toBe(before + 3);
    const original = ledger.entries.find((e: { ruleName: string; delta: number }) => e.delta === -5);
    expect(original.reversedByEntryId).toBe(res.body.reversed[0].id);
    const reversal = ledger.entries.find((e: { id: number }) => e.id === res.body.reversed[0].id);
    expect(reversal).toMatchObject({
      reversesEntryId: original.id,
      createdByName: expect.stringContaining('alliance'),
    });
  });

  it('voids a record: its entries are reversed, and the record no longer counts for the term', async () => {
    const res = await post(a.officer, `/api/alliance/records/${recordId}/corrections`, {
      reason: '误记，此人当天请了公假',
      void: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.reversed[0]).toMatchObject({ delta: 2, ruleName: 'art5-plenary-late' });
    expect(res.body.entries).toEqual([]);
    const d = (await get(a.officer, `/api/alliance/terms/${a.termId}/standings`)).body.members.find(
      (m: { member: { id: string } }) => m.member.id === a.members.d,
    );
    expect(d.term.facts.lateCount).toBe(0);
    const again = await post(a.officer, `/api/alliance/records/${recordId}/corrections`, {
      reason: '再改',
      void: true,
    });
    expect(again.status).toBe(409);
  });

  it('refuses a correction that says nothing to correct, or touches what the record is', async () => {
    const empty = await post(a.officer, `/api/alliance/records/${recordId}/corrections`, { reason: '无' });
    expect(empty.status).toBe(400);
    const kind = await post(a.officer, `/api/alliance/records/${recordId}/corrections`, {
      reason: '改类型',
      facts: { recordKind: 'reward' },
    });
    expect(kind.status).toBe(400);
  });

  it('cannot be rewritten behind the API: the database refuses UPDATE and DELETE on the ledger', async () => {
    expect(await entryCount()).toBeGreaterThan(0);
    const attempt = (statement: ReturnType<typeof sql>) =>
      asAlpha(async (tx) => {
        await tx.execute(statement);
      });
    await expect(attempt(sql`update ${allianceLedger} set delta = 100`)).rejects.toThrow();
    await expect(attempt(sql`delete from ${allianceLedger}`)).rejects.toThrow();
  });
});

describe('alliance/ledger: re-pricing under a changed plugin shows the difference before it is applied', () => {
  let absentRecord: string;

  beforeAll(async () => {
    const meeting = await post(a.officer, `/api/alliance/terms/${a.termId}/events`, {
      kind: 'routine_meeting',
      title: '办公室例会',
      departmentId: a.departments.office,
      startsAt: '2025-04-14T19:00:00+08:00',
    });
    await post(a.officer, `/api/alliance/events/${meeting.body.id}/check-ins`, {
      memberId: a.members.officer,
      arrivedAt: '2025-04-14T18:55:00+08:00',
    });
    const closed = await post(a.officer, `/api/alliance/events/${meeting.body.id}/close`);
    absentRecord = closed.body.absences[0].record.id;
    // Version 1.1.0 of the plugin makes an absence from a department routine meeting cost 4 points, not 3.
    plugins.swap(
      await hutPluginFor('alpha', {
        version: '1.1.0',
        edit: {
          'penalty-points': (file) => {
            const rule = file.rules.find((r) => r.name === 'art5-department-routine-absent')!;
            rule.event.params.points = -4;
          },
        },
      }),
    );
  });

  it('previews the records whose price moves and each member’s points before and after, writing nothing', async () => {
    const before = await entryCount();
    const preview = await get(a.officer, `/api/alliance/terms/${a.termId}/repricing`);
    expect(preview.status).toBe(200);
    expect(preview.body.plugin).toEqual({ id: 'alpha', version: '1.1.0' });
    expect(preview.body.changes).toHaveLength(1);
    expect(preview.body.changes[0]).toMatchObject({
      recordId: absentRecord,
      memberId: a.members.d,
      before: [{ ruleName: 'art5-department-routine-absent', points: -3, pluginVersion: '1.0.0' }],
      after: [{ ruleName: 'art5-department-routine-absent', points: -4, pluginVersion: '1.1.0' }],
      difference: -1,
    });
    expect(preview.body.members[0]).toMatchObject({ memberId: a.members.d });
    expect(preview.body.members[0].pointsAfter).toBe(preview.body.members[0].pointsBefore - 1);
    expect(await entryCount()).toBe(before);
  });

  it('refuses to apply a preview that no longer matches, then applies the shown one with reversing entries', async () => {
    const stale = await post(a.officer, `/api/alliance/terms/${a.termId}/repricing`, {
      fingerprint: 'not-the-one',
    });
    expect(stale.status).toBe(409);
    const preview = await get(a.officer, `/api/alliance/terms/${a.termId}/repricing`);
    const scoreBefore = (await ledgerOf(a.members.d)).score;
    const applied = await post(a.officer, `/api/alliance/terms/${a.termId}/repricing`, {
      fingerprint: preview.body.fingerprint,
    });
    expect(applied.status).toBe(201);
    const ledger = await ledgerOf(a.members.d);
    expect(ledger.score).toBe(scoreBefore - 1);
    const last = ledger.entries.slice(-2);
    expect(last[0]).toMatchObject({
      delta: 3,
      pluginVersion: '1.0.0',
      reason: expect.stringContaining('1.1.0'),
    });
    expect(last[1]).toMatchObject({
      delta: -4,
      pluginVersion: '1.1.0',
      ruleName: 'art5-department-routine-absent',
    });
    expect(last[1].details.repricedFrom).toBe('1.0.0');
    const after = await get(a.officer, `/api/alliance/terms/${a.termId}/repricing`);
    expect(after.body.changes).toEqual([]);
  });
});

import type { Database } from '@xinqiao/db';
import { createTestDatabase } from '@xinqiao/db/testing';
import { DEMO_PASSWORD, generateDemoSchool } from '@xinqiao/demo-data';
import { loadPluginDirectory } from '@xinqiao/policy';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { seedDemoSchool } from '../../seed/demo.ts';
import { loginAs, REPO_PLUGINS_DIR, type TestSession } from '../../testing/index.ts';
import { registryCatalog } from '../plugins/catalog.ts';
import {
  CorrectedSchema,
  EventListSchema,
  EventSheetSchema,
  MemberLedgerSchema,
  MemberListSchema,
  OverviewSchema,
  RecordListSchema,
  RepricingPreviewSchema,
  TermStandingsSchema,
} from './responses.ts';
import { demoTermAround } from './seed.ts';
import { get, post } from './testing.ts';

/** Parses an answer with its schema: nothing may be refused, and nothing dropped (every field is in the schema). */
function expectShape(schema: { parse(value: unknown): unknown }, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

let db: Database;
let officer: TestSession;

beforeAll(async () => {
  db = await createTestDatabase();
  const plugins = registryCatalog(await loadPluginDirectory(REPO_PLUGINS_DIR));
  const levels = plugins.registry().forSchool('hut')!.manifest.network;
  await seedDemoSchool(db, generateDemoSchool({ schoolCode: 'hut', levels, studentCount: 300 }));
  const app = createApp({ db, plugins, config: { secureCookies: false }, log: () => {} });
  officer = await loginAs(app, 'hut', 'alliance', DEMO_PASSWORD);
}, 120_000);
afterAll(() => db?.close());

describe('alliance/seed: the demo alliance of Hunan University of Technology', () => {
  it('has seed 002’s departments, a college branch, the current term and 30 members', async () => {
    const overview = (await get(officer, '/api/alliance')).body;
    expect(overview.departments.map((d: { name: string }) => d.name).slice(0, 6)).toEqual([
      '主席团',
      '办公室',
      '宣传部',
      '活动部',
      '培训部',
      '外联部',
    ]);
    expect(overview.departments[6].kind).toBe('branch');
    expect(overview.terms).toHaveLength(1);
    expect(overview.access.scoringTerms).toEqual([overview.currentTermId]);
    const members = (await get(officer, `/api/alliance/terms/${overview.currentTermId}/members`)).body
      .members;
    expect(members).toHaveLength(30);
    expect(members.filter((m: { isOfficer: boolean }) => m.isOfficer)).toHaveLength(1);
    // The officer reaches no students, yet sees the numbers of the 29 members who are students.
    expect(members.filter((m: { studentNumber: string | null }) => m.studentNumber)).toHaveLength(29);
  });

  it('shows the member absent at every meeting with the dismissal article 7 names', async () => {
    const overview = (await get(officer, '/api/alliance')).body;
    const sheet = (await get(officer, `/api/alliance/terms/${overview.currentTermId}/standings`)).body;
    const dismissed = sheet.members.filter(
      (m: { term: { sanction: string } }) => m.term.sanction === 'dismissal',
    );
    expect(dismissed).toHaveLength(1);
    expect(dismissed[0].term.sanctions[0]).toMatchObject({ ruleName: 'dismissal-late-5-or-absent-4' });
    expect(dismissed[0].score).toBe(70 - 6 * 3 - 1); // six routine meetings missed, a task never acknowledged
    expect(
      sheet.members.some((m: { term: { eligibleForEvaluation: boolean } }) => !m.term.eligibleForEvaluation),
    ).toBe(true);
  });

  it('lists the departments best first, on screen and in the workbook', async () => {
    const overview = (await get(officer, '/api/alliance')).body;
    const term = `/api/alliance/terms/${overview.currentTermId}`;
    const ranks = (await get(officer, `${term}/standings`)).body.departments.map(
      (d: { rank: number }) => d.rank,
    );
    expect(new Set(ranks).size).toBeGreaterThan(2);
    expect(ranks).toEqual([...ranks].sort((a, b) => (a ?? 99) - (b ?? 99)));
    const res = await officer.request(`${term}/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const inSheet = workbook.getWorksheet('部门排名')!.getColumn(1).values.slice(2);
    expect(inSheet).toEqual(ranks.map((r: number | null) => r ?? ''));
  });

  it('leaves tonight’s plenary meeting open: the officer checks a member in and the score moves', async () => {
    const overview = (await get(officer, '/api/alliance')).body;
    const events = (await get(officer, `/api/alliance/terms/${overview.currentTermId}/events`)).body.events;
    const tonight = events.find(
      (e: { kind: string; status: string }) => e.kind === 'plenary_meeting' && e.status !== 'closed',
    );
    expect(tonight).toBeDefined();
    const sheet = (await get(officer, `/api/alliance/events/${tonight.id}/sheet`)).body;
    expect(sheet.rows).toHaveLength(30);
    const row = sheet.rows[5];
    const res = await post(officer, `/api/alliance/events/${tonight.id}/check-ins`, {
      memberId: row.member.id,
      arrivedAt: new Date(new Date(tonight.startsAt).getTime() + 5 * 60_000).toISOString(),
    });
    expect(res.status).toBe(201);
    expect(res.body.entries[0]).toMatchObject({ delta: -2, ruleName: 'art5-plenary-late' });
    const after = (await get(officer, `/api/alliance/events/${tonight.id}/sheet`)).body;
    expect(after.rows[5].score).toBe(row.score - 2);
  });

  it('answers every read, and a correction, in the shape of the schema the OpenAPI document names', async () => {
    const overview = (await get(officer, '/api/alliance')).body;
    expectShape(OverviewSchema, overview);
    const term = `/api/alliance/terms/${overview.currentTermId}`;
    expectShape(MemberListSchema, (await get(officer, `${term}/members`)).body);
    const events = (await get(officer, `${term}/events`)).body;
    expectShape(EventListSchema, events);
    const standings = (await get(officer, `${term}/standings`)).body;
    expectShape(TermStandingsSchema, standings);
    const pending = (await get(officer, `${term}/records?approval=pending`)).body;
    expect(pending.records).toHaveLength(1);
    expectShape(RecordListSchema, pending);
    expectShape(RepricingPreviewSchema, (await get(officer, `${term}/repricing`)).body);
    for (const memberId of [pending.records[0].memberId, standings.members.at(-1).member.id]) {
      expectShape(MemberLedgerSchema, (await get(officer, `/api/alliance/members/${memberId}/ledger`)).body);
    }
    const routine = events.events.find((e: { kind: string }) => e.kind === 'routine_meeting');
    const sheet = (await get(officer, `/api/alliance/events/${routine.id}/sheet`)).body;
    expectShape(EventSheetSchema, sheet);
    const late = sheet.rows.flatMap((r: { records: { id: string; lines: unknown[] }[] }) => r.records);
    const priced = late.find((r: { lines: unknown[] }) => r.lines.length > 0);
    const corrected = await post(officer, `/api/alliance/records/${priced.id}/corrections`, {
      reason: '核对签到表后更正',
      attendance: 'present',
    });
    expect(corrected.status).toBe(201);
    expectShape(CorrectedSchema, corrected.body);
    expect(corrected.body.reversed.length).toBeGreaterThan(0);
  });

  it('names the term by the Chinese academic calendar', () => {
    expect(demoTermAround(new Date('2026-11-24T05:00:00Z')).name).toBe('2026—2027学年第一学期');
    expect(demoTermAround(new Date('2026-03-02T05:00:00Z'))).toEqual({
      name: '2025—2026学年第二学期',
      startsOn: '2026-02-17',
      endsOn: '2026-07-15',
    });
  });
});

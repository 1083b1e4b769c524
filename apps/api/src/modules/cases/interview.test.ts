import { toChinaDate } from '@xinqiao/calendar';
import { caseEntries } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  type TestApp,
  type TestSession,
  testClock,
  testPluginCatalog,
} from '../../testing/index.ts';
import { asWholeSchool, json } from '../students/fixtures.test-helpers.ts';
import { storeAlphaCase } from './testing.ts';

// A clock of today: a talk is checked against now and against when its case was opened (stored three days ago).
let t: TestApp;
let counsellor1: TestSession;
let caseId: string;

const DAY = 86_400_000;
const alpha = () => t.world.schools.alpha;
const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field).sort();
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const entriesOf = (id: string) =>
  asWholeSchool(t, 'alpha', (tx) => tx.select().from(caseEntries).where(eq(caseEntries.caseId, id)));

const talk = (overrides: Record<string, unknown> = {}) => ({
  kind: 'interview',
  occurredAt: ago(1),
  method: 'face_to_face',
  outcome: '学生情绪平稳，愿意每周来谈',
  riskLevel: 'medium',
  nextStep: '一周后再谈',
  nextStepOn: toChinaDate(new Date(Date.now() + 6 * DAY)),
  body: '睡眠：入睡困难两周。求助资源：室友、辅导员。',
  ...overrides,
});

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  t = await createTestApp({ clock: testClock(new Date()), plugins });
  counsellor1 = await loginAs(t.app, 'alpha', 'counsellor1');
  caseId = await storeAlphaCase(t, {
    studentId: alpha().colleges[0].studentIds[0]!,
    responsiblePersonId: alpha().people.counsellor1!,
    dueDate: toChinaDate(new Date()),
    daysAgo: 3,
  });
});
afterAll(() => t?.close());

const record = (body: Record<string, unknown>) =>
  counsellor1.request(`/api/cases/${caseId}/entries`, { method: 'POST', body });

describe('POST /api/cases/{id}/entries: interviews as records', () => {
  it('refuses a talk in the future, before the case opened, or with its next step before it, naming the field', async () => {
    const bad: [Record<string, unknown>, string[]][] = [
      [{ occurredAt: new Date(Date.now() + DAY).toISOString() }, ['occurredAt']],
      [{ occurredAt: ago(4) }, ['occurredAt']],
      [{ occurredAt: ago(1), nextStepOn: toChinaDate(new Date(Date.now() - 2 * DAY)) }, ['nextStepOn']],
      [{ occurredAt: 'yesterday' }, ['occurredAt']],
      [{ method: 'carrier_pigeon', riskLevel: 'grave' }, ['method', 'riskLevel']],
      [{ outcome: '  ' }, ['outcome']],
      [{ occurredAt: undefined, outcome: undefined }, ['occurredAt', 'outcome']],
    ];
    for (const [overrides, fields] of bad) {
      const res = await record(talk(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(fieldsOf(await json(res))).toEqual(fields);
    }
    expect(await entriesOf(caseId)).toEqual([]);
  });

  it('keeps when, how, the outcome, the risk and the next step; the case counts the day the talk took place', async () => {
    const occurredAt = ago(1);
    const res = await record(talk({ occurredAt }));
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      kind: 'interview',
      occurredAt,
      method: 'face_to_face',
      outcome: '学生情绪平稳，愿意每周来谈',
      riskLevel: 'medium',
      nextStep: '一周后再谈',
      body: '睡眠：入睡困难两周。求助资源：室友、辅导员。',
    });
    const detail = await json(await counsellor1.request(`/api/cases/${caseId}`));
    // Typed today, held yesterday: yesterday is the day the interview KPI and the follow-up state count.
    expect(detail.interviewedOn).toBe(toChinaDate(new Date(occurredAt)));
    expect(detail.entries[0]).toMatchObject({ kind: 'interview', occurredAt, riskLevel: 'medium' });
  });

  it('still takes notes and contacts as text alone', async () => {
    const res = await record({ kind: 'note', body: '室友反映近期晚归' });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ kind: 'note', occurredAt: null, method: null });
  });
});

describe('GET /api/cases/{id}/entry-templates', () => {
  it("gives the school plugin's template per entry kind, the follow-up talk's own for a follow-up", async () => {
    const res = await counsellor1.request(`/api/cases/${caseId}/entry-templates`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ pluginId: 'alpha', pluginVersion: expect.any(String) });
    const byKind = Object.fromEntries(body.templates.map((x: { entryKind: string }) => [x.entryKind, x]));
    expect(Object.keys(byKind).sort()).toEqual(['contact', 'interview', 'note']);
    expect(byKind.interview).toMatchObject({ ruleName: 'follow-up-interview', zh: '筛查随访谈话记录' });
    expect(byKind.interview.prompts.map((p: { zh: string }) => p.zh)).toContain(
      '是否有自伤或轻生的想法（直接询问）',
    );
    const committee = await loginAs(t.app, 'alpha', 'committee1');
    expect((await committee.request(`/api/cases/${caseId}/entry-templates`)).status).toBe(403);
  });
});

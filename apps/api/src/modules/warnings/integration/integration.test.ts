import { feedBatches, feedCardTransactions, feedGrades } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_REQUESTS_PER_MINUTE } from '../../../auth/integration-token.ts';
import { tenantScope } from '../../../auth/scope.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { testPluginCatalog } from '../../../testing/plugins.ts';
import { json } from '../../students/fixtures.test-helpers.ts';

// alpha and beta both have hrbmu's policy (GPA formula with level grades 优/良/中/及格/不及格).
let t: TestApp;
let admin: TestSession;
let betaAdmin: TestSession;
let counsellor: TestSession;

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu', beta: 'hrbmu' } });
  t = await createTestApp({ plugins });
  [admin, betaAdmin, counsellor] = await Promise.all([
    loginAs(t.app, 'alpha', 'admin'),
    loginAs(t.app, 'beta', 'admin'),
    loginAs(t.app, 'alpha', 'counsellor1'),
  ]);
});
afterAll(() => t?.close());

const numberOf = (n: number) => t.world.schools.alpha.colleges[0].studentNumbers[n]!;
const post = (token: string, feed: string, rows: unknown[]) =>
  t.app.request(`/api/integration/feeds/${feed}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
const grade = (n: number, extra: Record<string, unknown> = {}) => ({
  studentNumber: numberOf(n),
  term: '2024-2025-1',
  courseCode: 'MATH1',
  courseName: '高等数学',
  credit: 4,
  score: 58,
  ...extra,
});
const rawCounts = () =>
  withTenant(
    t.db,
    tenantScope({
      schoolId: t.world.schools.alpha.id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: ['feeds.raw'],
    }),
    async (tx) => ({
      grades: (await tx.select().from(feedGrades)).length,
      card: (await tx.select().from(feedCardTransactions)).length,
      batches: (await tx.select().from(feedBatches)).length,
    }),
  );

async function newToken(as: TestSession, feeds: string[]) {
  const res = await as.request('/api/integration/tokens', {
    method: 'POST',
    body: { name: '教务系统', feeds },
  });
  expect(res.status).toBe(201);
  return (await json(res)) as { id: string; token: string; prefix: string };
}

describe('the integration API', () => {
  it('lets the school admin create a token shown once, and lists it by its prefix only', async () => {
    const created = await newToken(admin, ['grades']);
    expect(created.token).toMatch(/^xqit_/);
    const list = await json(await admin.request('/api/integration/tokens'));
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(list.items[0]).toMatchObject({ id: created.id, prefix: created.prefix, feeds: ['grades'] });
    expect((await counsellor.request('/api/integration/tokens')).status).toBe(403);
  });

  it('stores a batch with a token, idempotently, and audits it', async () => {
    const { token } = await newToken(admin, ['grades']);
    const first = await post(token, 'grades', [grade(0), grade(1, { courseCode: 'ENG1', score: 90 })]);
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({ rowsTotal: 2, rowsWritten: 2, rowsUnchanged: 0 });
    const again = await json(
      await post(token, 'grades', [grade(0), grade(1, { courseCode: 'ENG1', score: 90 })]),
    );
    expect(again).toMatchObject({ rowsWritten: 0, rowsUnchanged: 2 });
    expect((await rawCounts()).grades).toBe(2);
  });

  it('rejects a batch with an unknown student, a grade off the scale or a future time: row errors, nothing stored', async () => {
    const { token } = await newToken(admin, ['grades', 'card']);
    const before = await rawCounts();
    const res = await post(token, 'grades', [
      grade(2, { courseCode: 'PHY1' }),
      grade(0, { studentNumber: '9999999999' }),
      grade(1, { courseCode: 'ART1', score: undefined, grade: 'A+' }),
      grade(1, { courseCode: 'BIO1', score: 101 }),
    ]);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('import.rows-rejected');
    expect(body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'studentNumber'],
      [3, 'grade'],
      [4, 'score'],
    ]);
    const future = await post(token, 'card', [
      {
        studentNumber: numberOf(0),
        occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
        ref: 'F1',
        amount: 12,
        place: 'canteen',
      },
    ]);
    expect(future.status).toBe(400);
    expect((await json(future)).errors[0]).toMatchObject({ row: 1, column: 'occurredAt' });
    expect(await rawCounts()).toEqual(before);
  });

  it('refuses a feed the token may not write (403), another school’s student (400), no or a bad token (401)', async () => {
    const { token } = await newToken(admin, ['grades']);
    expect(
      (
        await post(token, 'activity', [
          { studentNumber: numberOf(0), occurredAt: '2025-03-01 08:00', source: 'door' },
        ])
      ).status,
    ).toBe(403);
    // A token is its school's: beta's student is unknown to alpha's token, and beta's token writes beta's rows only.
    const betaNumber = t.world.schools.beta.colleges[0].studentNumbers[0]!;
    const other = await post(token, 'grades', [grade(0, { studentNumber: betaNumber })]);
    expect(other.status).toBe(400);
    expect((await json(other)).errors[0].reason).toContain(betaNumber);
    const { token: betaToken } = await newToken(betaAdmin, ['grades']);
    const viaBeta = await post(betaToken, 'grades', [
      grade(0, { studentNumber: betaNumber, courseCode: 'BETA1' }),
    ]);
    expect(viaBeta.status).toBe(200);
    expect((await post(betaToken, 'grades', [grade(0)])).status).toBe(400);
    expect((await rawCounts()).grades).toBe(2);
    const none = await t.app.request('/api/integration/feeds/grades', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [grade(0)] }),
    });
    expect(none.status).toBe(401);
    expect((await json(none)).code).toBe('integration.token-required');
    expect((await post('xqit_not-a-token', 'grades', [grade(0)])).status).toBe(401);
  });

  it('stops a revoked token at once', async () => {
    const { id, token } = await newToken(admin, ['grades']);
    expect((await post(token, 'grades', [grade(0)])).status).toBe(200);
    expect((await admin.request(`/api/integration/tokens/${id}/revoke`, { method: 'POST' })).status).toBe(
      200,
    );
    const res = await post(token, 'grades', [grade(0)]);
    expect(res.status).toBe(401);
    expect((await json(res)).code).toBe('integration.token-invalid');
  });

  it('limits a token to its requests per minute (429 with Retry-After)', async () => {
    const { token } = await newToken(admin, ['grades']);
    let last: Response | undefined;
    for (let i = 0; i <= INTEGRATION_REQUESTS_PER_MINUTE; i++) last = await post(token, 'grades', [grade(0)]);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

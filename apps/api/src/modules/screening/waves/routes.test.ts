import { auditLog } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import type { Me } from '../../../auth/session-types.ts';
import { json, loginAs, type TestApp, type TestSession, testPluginCatalog } from '../../../testing/index.ts';
import { createImportRecord, type ImportActor, runImport } from '../import/run.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../testing.ts';

let t: TestApp;
let center: TestSession;

beforeAll(async () => {
  t = await createScreeningTestApp();
  center = await loginAs(t.app, 'alpha', 'staff');
});
afterAll(() => t.close());

const alpha = () => t.world.schools.alpha;

/** Creates a planned wave of academic year 2025 and answers its id. */
async function plannedWave(name: string, instrument = 'PHQ-9'): Promise<string> {
  const res = await center.request('/api/screening/waves', {
    method: 'POST',
    body: {
      academicYear: 2025,
      name,
      instrument,
      cohort: 'all',
      opensOn: '2025-10-01',
      closesOn: '2025-10-31',
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json(res)).wave.id;
}

const patch = (id: string, body: unknown, session = center, headers: Record<string, string> = {}) =>
  session.request(`/api/screening/waves/${id}`, { method: 'PATCH', body, headers });
const setStatus = (id: string, status: string, headers: Record<string, string> = {}) =>
  center.request(`/api/screening/waves/${id}/status`, { method: 'POST', body: { status }, headers });

const centerScope = () =>
  tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['screening.answers', 'screening.manage'],
  });

/** A running import record of the wave, as an upload leaves it until its job takes it. */
const importRecord = (waveId: string) =>
  withTenant(t.db, centerScope(), (tx) =>
    createImportRecord(tx, {
      schoolId: alpha().id,
      waveId,
      fileName: 'late.csv',
      fileSha256: '',
      bytesTotal: 1,
      createdBy: null,
    }),
  );

async function auditActions(entityId: string): Promise<string[]> {
  const scope = tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });
  const rows = await withTenant(t.db, scope, (tx) =>
    tx
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'screening_wave'), eq(auditLog.entityId, entityId))),
  );
  return rows.map((r) => r.action);
}

describe('screening waves: rename', () => {
  it('renames a wave and moves its window while it holds no results, audited as a wave change', async () => {
    const id = await plannedWave('秋季排查（草稿）');
    const res = await patch(id, { name: '  秋季全校排查  ', opensOn: '2025-10-08', closesOn: '2025-11-07' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await json(res)).wave).toMatchObject({
      id,
      name: '秋季全校排查',
      opensOn: '2025-10-08',
      closesOn: '2025-11-07',
      status: 'planned',
    });
    expect(await auditActions(id)).toContain('screening_wave.update');
  });

  it('names the field of bad input', async () => {
    const id = await plannedWave('命名检查');
    const empty = await patch(id, { name: '   ' });
    expect(empty.status).toBe(400);
    expect((await json(empty)).errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const badDate = await patch(id, { opensOn: '2025/10/01' });
    expect(badDate.status).toBe(400);
    expect((await json(badDate)).errors.map((e: { field: string }) => e.field)).toEqual(['opensOn']);
    const backwards = await patch(id, { closesOn: '2025-09-30' });
    expect(backwards.status).toBe(400);
    expect(await json(backwards)).toMatchObject({
      errors: [{ field: 'closesOn', code: 'screening.closes-before-opens' }],
    });
  });

  it('refuses a name the academic year already has for the instrument', async () => {
    await plannedWave('重名甲');
    const id = await plannedWave('重名乙');
    const res = await patch(id, { name: '重名甲' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'screening.wave-exists' });
  });

  it('renames a wave with results but keeps its window, where the results were screened', async () => {
    const id = await openWave(center, { name: '已有结果的批次' });
    const student = alpha().colleges[0].studentNumbers[0]!;
    await importCsv(center, id, `学号,答案\n${phq9Row(student, [0, 0, 0, 0, 0, 0, 0, 0, 0])}`);
    const moved = await patch(id, { closesOn: '2025-04-30' }, center, { 'accept-language': 'en' });
    expect(moved.status).toBe(409);
    expect(await json(moved)).toMatchObject({
      code: 'screening.wave-has-results',
      title: 'Screening wave has results',
    });
    const renamed = await patch(id, { name: '春季排查（第一轮）' });
    expect(renamed.status).toBe(200);
    expect((await json(renamed)).wave.name).toBe('春季排查（第一轮）');
  });

  it('lets only those who manage screening rename a wave', async () => {
    const id = await plannedWave('只许中心改名');
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const res = await patch(id, { name: '改了' }, counsellor);
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ code: 'auth.permission-denied' });
  });
});

describe('screening waves: cancel', () => {
  it('cancels a wave: audited, counted nowhere, and it takes no imports, in the reader’s language', async () => {
    const id = await openWave(center, { name: '取消的批次', academicYear: 2023 });
    const res = await setStatus(id, 'cancelled');
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await json(res);
    expect(body.wave.status).toBe('cancelled');
    expect(body.completion).toEqual([]);
    expect(await auditActions(id)).toContain('screening_wave.cancelled');

    const csv = `学号,答案\n${phq9Row(alpha().colleges[0].studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 0])}`;
    const upload = (language: string) =>
      center.request(`/api/screening/waves/${id}/imports?fileName=wave.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'accept-language': language },
        body: csv,
      });
    const zh = await upload('zh-CN');
    expect(zh.status).toBe(409);
    expect(await json(zh)).toMatchObject({
      code: 'screening.wave-cancelled',
      title: '筛查批次已取消',
      detail: '筛查批次“取消的批次”已取消，不能再导入或修改。',
    });
    expect(await json(await upload('en'))).toMatchObject({
      code: 'screening.wave-cancelled',
      title: 'Screening wave cancelled',
    });

    const list = await json(await center.request('/api/screening/waves?academicYear=2023'));
    expect(list.waves).toEqual([expect.objectContaining({ id, status: 'cancelled', results: 0 })]);
  });

  it('keeps a cancelled wave cancelled: no reopening, no renaming', async () => {
    const id = await plannedWave('取消后不可改');
    expect((await setStatus(id, 'cancelled')).status).toBe(200);
    const reopen = await setStatus(id, 'open');
    expect(reopen.status).toBe(409);
    expect(await json(reopen)).toMatchObject({ code: 'screening.wave-cancelled' });
    const rename = await patch(id, { name: '复活' });
    expect(rename.status).toBe(409);
    expect(await json(rename)).toMatchObject({ code: 'screening.wave-cancelled' });
  });

  it('refuses to cancel a wave that holds results (close it instead)', async () => {
    const id = await openWave(center, { name: '有结果不能取消', academicYear: 2022 });
    const student = alpha().colleges[1].studentNumbers[0]!;
    await importCsv(center, id, `学号,答案\n${phq9Row(student, [0, 0, 0, 0, 0, 0, 0, 0, 0])}`);
    const res = await setStatus(id, 'cancelled');
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'screening.wave-has-results', title: '批次已有筛查结果' });
    expect((await setStatus(id, 'closed')).status).toBe(200);
  });

  it('treats a cancelled wave as never made: its proposal may be created again', async () => {
    const proposals = async () =>
      (await json(await center.request('/api/screening/waves/proposed?academicYear=2026'))).waves as {
        name: string;
        instrument: string;
        createdWaveId: string | null;
      }[];
    const [first] = await proposals();
    expect(first).toBeDefined();
    const make = () =>
      center.request('/api/screening/waves', {
        method: 'POST',
        body: {
          academicYear: 2026,
          name: first!.name,
          instrument: first!.instrument,
          cohort: 'all',
          opensOn: '2026-10-01',
          closesOn: '2026-10-31',
        },
      });
    const made = await make();
    expect(made.status).toBe(201);
    const id = (await json(made)).wave.id;
    expect((await proposals())[0]!.createdWaveId).toBe(id);
    expect((await setStatus(id, 'cancelled')).status).toBe(200);
    expect((await proposals())[0]!.createdWaveId).toBeNull();
    expect((await make()).status).toBe(201);
  });

  it('refuses to cancel a wave while an import into it is still running', async () => {
    const id = await openWave(center, { name: '导入中不能取消', academicYear: 2021 });
    await importRecord(id);
    const res = await setStatus(id, 'cancelled');
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'screening.wave-import-running' });
  });

  it('ends an import that reaches a cancelled wave (the command line) failed, saying the wave was cancelled', async () => {
    const id = await openWave(center, { name: '命令行导入', academicYear: 2020 });
    expect((await setStatus(id, 'cancelled')).status).toBe(200);
    const session = (await json(await center.request('/api/auth/me'))) as Me;
    const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
    const actor: ImportActor = {
      db: t.db,
      scope: centerScope(),
      me: { ...session, school: { ...session.school, id: alpha().id } },
      plugin: plugins.active('alpha')!.compiled!,
      clock: () => new Date('2025-03-03T02:00:00Z'),
      purpose: 'test',
    };
    const csv = `学号,答案\n${phq9Row(alpha().colleges[0].studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 0])}`;
    const stream = (async function* () {
      yield new TextEncoder().encode(csv);
    })();
    const outcome = await runImport(actor, await importRecord(id), id, { stream, filename: 'late.csv' });
    expect(outcome.status).toBe('failed');
    expect(outcome.rowsAccepted).toBe(0);
    expect(outcome.errors[0]).toMatchObject({ reason: { code: 'screening.wave-cancelled' } });
  });
});

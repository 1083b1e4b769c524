import { backgroundJobs, screeningImportFiles, screeningImports, screeningResults } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import type { Me } from '../../../auth/session-types.ts';
import { defaultConfig } from '../../../context.ts';
import { jobKinds } from '../../../jobs/kinds.ts';
import { runAsJobRunner } from '../../../jobs/runner-transaction.ts';
import { claimNextJob } from '../../../jobs/store.ts';
import { type JobWorker, startJobWorker } from '../../../jobs/worker.ts';
import {
  createTestApp,
  json,
  loginAs,
  type TestApp,
  type TestSession,
  testPluginCatalog,
} from '../../../testing/index.ts';
import type { PluginCatalog } from '../../plugins/catalog.ts';
import { openWave, phq9Row } from '../testing.ts';
import { runImport } from './run.ts';

let t: TestApp;
let plugins: PluginCatalog;
let center: TestSession;
let worker: JobWorker | undefined;

beforeAll(async () => {
  plugins = (await testPluginCatalog({ copies: { alpha: 'hrbmu' } })).plugins;
  t = await createTestApp({ plugins });
  center = await loginAs(t.app, 'alpha', 'staff');
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(() => t.close());

const alpha = () => t.world.schools.alpha;
const manage = () =>
  tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['screening.manage', 'screening.answers'],
  });
const startWorker = () => {
  worker = startJobWorker({
    deps: { db: t.db, plugins, config: defaultConfig, clock: t.clock, log: () => {} },
    kinds: jobKinds,
    pollMs: 20,
  });
  return worker;
};
const importRow = async (id: string) =>
  (
    await withTenant(t.db, manage(), (tx) =>
      tx.select().from(screeningImports).where(eq(screeningImports.id, id)),
    )
  )[0]!;

/** Six good rows (two of them tier 1) and two bad ones, in that order of students. */
function waveFile(): string {
  const [c1, c2] = alpha().colleges;
  return [
    '学号,答案',
    phq9Row(c1.studentNumbers[0]!, [1, 1, 0, 0, 0, 0, 0, 0, 2]),
    phq9Row(c1.studentNumbers[1]!, [0, 0, 0, 0, 0, 0, 0, 0, 0]),
    phq9Row('nobody-1', [0, 0, 0, 0, 0, 0, 0, 0, 0]),
    phq9Row(c1.studentNumbers[2]!, [1, 0, 0, 0, 0, 0, 0, 0, 0]),
    phq9Row(c2.studentNumbers[0]!, [0, 1, 0, 0, 0, 0, 0, 0, 0]),
    phq9Row(c2.studentNumbers[1]!, [3, 3, 3, 3, 3, 3, 0, 0, 1]),
    phq9Row(c2.studentNumbers[2]!, [0, 0, 7, 0, 0, 0, 0, 0, 0]),
    phq9Row(c1.studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 0]).replace(c1.studentNumbers[0]!, 'nobody-2'),
  ].join('\n');
}

/** Uploads the file while no worker runs: answers the import's id and its wave. */
async function upload(csv: string, waveName: string): Promise<{ id: string; waveId: string }> {
  const waveId = await openWave(center, { name: waveName });
  const res = await center.request(`/api/screening/waves/${waveId}/imports?fileName=wave.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return { id: (await json(res)).id, waveId };
}

describe('screening import as a background job', () => {
  it('keeps the upload and the job with the import, so any process can run it later', async () => {
    const { id } = await upload(waveFile(), '稍后导入');
    const parts = await withTenant(t.db, manage(), (tx) =>
      tx.select().from(screeningImportFiles).where(eq(screeningImportFiles.importId, id)),
    );
    expect(Buffer.from(parts[0]!.data).toString('utf8')).toBe(waveFile());
    expect(await importRow(id)).toMatchObject({ status: 'running', rowsRead: 0 });
    await startWorker().drained();
    expect(await importRow(id)).toMatchObject({
      status: 'done',
      rowsRead: 8,
      rowsAccepted: 5,
      rowsRejected: 3,
    });
  });

  it('carries on an interrupted import from its last stored batch, with the counts of an uninterrupted one', async () => {
    const { id, waveId } = await upload(waveFile(), '中断后继续');
    // A process took the import, stored two batches of two rows (one row refused), and stopped.
    const session = (await json(await center.request('/api/auth/me'))) as Me;
    const me: Me = { ...session, school: { ...session.school, id: alpha().id } };
    const actor = {
      db: t.db,
      scope: { ...manage(), personId: me.person.id },
      me,
      plugin: plugins.active('alpha')!.compiled!,
      clock: t.clock,
      purpose: 'test',
    };
    const file = (async function* () {
      yield new TextEncoder().encode(waveFile());
    })();
    const stopAfterTwoBatches = (progress: { rowsAccepted: number }) => {
      if (progress.rowsAccepted >= 3) throw new Error('process stopped');
    };
    await expect(
      runImport(
        actor,
        id,
        waveId,
        { stream: file, filename: 'wave.csv' },
        { batchSize: 2, onServerError: 'throw', onProgress: stopAfterTwoBatches },
      ),
    ).rejects.toThrow('process stopped');
    const interrupted = await importRow(id);
    expect(interrupted).toMatchObject({ status: 'running', rowsRead: 4, rowsAccepted: 3, rowsRejected: 1 });

    await startWorker().drained();
    expect(await importRow(id)).toMatchObject({
      status: 'done',
      rowsRead: 8,
      rowsAccepted: 5,
      rowsUnchanged: 0, // not re-counted: the stored rows were skipped, not stored again
      rowsRejected: 3,
      followUpsOpened: 2,
    });
    const results = await withTenant(t.db, manage(), (tx) =>
      tx.select().from(screeningResults).where(eq(screeningResults.waveId, waveId)),
    );
    expect(results).toHaveLength(5);
  });

  it('ends the import failed, with the reason, when the processes running it keep dying', async () => {
    const { id } = await upload(waveFile(), '一再中断');
    for (const dead of ['dead-1', 'dead-2', 'dead-3']) {
      await runAsJobRunner(t.db, (tx) => claimNextJob(tx, ['screening.import'], dead, 0));
    }
    await startWorker().drained();
    const ended = await importRow(id);
    expect(ended.status).toBe('failed');
    expect(ended.finishedAt).not.toBeNull();
    expect(ended.errors[0]!.reason).toContain('导入多次中断后停止');
    const shown = await json(await center.request(`/api/screening/imports/${id}`));
    expect(shown).toMatchObject({
      status: 'failed',
      errors: [{ row: 0, reason: expect.stringContaining('interrupted 3 times') }],
    });
    const [job] = await runAsJobRunner(t.db, (tx) =>
      tx.select().from(backgroundJobs).where(eq(backgroundJobs.state, 'failed')),
    );
    expect(job).toMatchObject({ kind: 'screening.import', attempts: 3 });
  });
});

import { backgroundJobs, jobSchedules as scheduleRows, screeningImports } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import { defaultConfig } from '../../../context.ts';
import { jobKinds, jobSchedules } from '../../../jobs/kinds.ts';
import { runAsJobRunner } from '../../../jobs/runner-transaction.ts';
import { startJobWorker } from '../../../jobs/worker.ts';
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

// Issue 16.6: an import `running` that no job carries (started before imports ran as jobs, by a process that then
// crashed; or its job row was lost) stayed `running` for ever. The sweep ends it failed, visibly.

let t: TestApp;
let plugins: PluginCatalog;
let center: TestSession;

beforeAll(async () => {
  plugins = (await testPluginCatalog({ copies: { alpha: 'hrbmu' } })).plugins;
  t = await createTestApp({ plugins });
  center = await loginAs(t.app, 'alpha', 'staff');
});
afterAll(() => t.close());

const manage = () =>
  tenantScope({
    schoolId: t.world.schools.alpha.id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['screening.manage'],
  });
const importRow = async (id: string) =>
  (
    await withTenant(t.db, manage(), (tx) =>
      tx.select().from(screeningImports).where(eq(screeningImports.id, id)),
    )
  )[0]!;

async function startImport(waveId: string): Promise<string> {
  const started = await center.request(`/api/screening/waves/${waveId}/imports?fileName=w.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: ['学号,答案', phq9Row('nobody', [0, 0, 0, 0, 0, 0, 0, 0, 0])].join('\n'),
  });
  expect(started.status).toBe(202);
  return (await json(started)).id as string;
}

describe('screening imports no job carries any more', () => {
  it('end failed with the reason once the sweep runs; an import whose job is queued is left alone', async () => {
    const waveId = await openWave(center);
    const orphan = await startImport(waveId);
    // As an import started before the job queue existed: running, and no job row.
    await runAsJobRunner(t.db, (tx) =>
      tx.delete(backgroundJobs).where(sql`${backgroundJobs.payload}->>'importId' = ${orphan}`),
    );
    const otherWave = await openWave(center, { name: '秋季排查' });
    const carried = await startImport(otherWave); // its job stays queued: no worker claims imports below

    // The kinds and schedules the API registers, the sweep's only (other kinds' jobs would keep the queue busy).
    const isSweep = (name: string) => name === 'screening.orphaned-imports';
    const schedules = jobSchedules.filter((schedule) => isSweep(schedule.kind.name));
    const worker = startJobWorker({
      deps: { db: t.db, plugins, config: defaultConfig, clock: t.clock, log: () => {} },
      kinds: jobKinds.filter((kind) => isSweep(kind.name)),
      schedules,
      pollMs: 20,
      scheduleCheckMs: 20,
    });
    try {
      // The sweep is due every ten minutes; make it due now.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await runAsJobRunner(t.db, (tx) =>
        tx
          .update(scheduleRows)
          .set({ nextRunAt: sql`now() - interval '1 second'` })
          .where(
            inArray(
              scheduleRows.name,
              schedules.map((schedule) => schedule.name),
            ),
          ),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await worker.drained(20_000);
    } finally {
      await worker.stop();
    }

    const ended = await importRow(orphan);
    expect(ended.status).toBe('failed');
    expect(ended.finishedAt).not.toBeNull();
    const shown = await json(await center.request(`/api/screening/imports/${orphan}`));
    expect(shown).toMatchObject({ status: 'failed', stale: false });
    expect(shown.errors[0]).toMatchObject({ row: 0 });
    expect(shown.errors[0].reason).toContain('导入因服务器停止而中断');
    expect((await importRow(carried)).status).toBe('running');
  }, 60_000);
});

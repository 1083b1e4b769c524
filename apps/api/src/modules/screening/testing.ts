import { expect } from 'vitest';
import { defaultConfig } from '../../context.ts';
import { jobKinds } from '../../jobs/kinds.ts';
import { jobWorkersDrained, startJobWorker } from '../../jobs/worker.ts';
import {
  createTestApp,
  json,
  type TestApp,
  type TestSession,
  testPluginCatalog,
} from '../../testing/index.ts';

/**
 * A test app whose school `alpha` runs Harbin Medical University's rules (tier 1: PHQ-9 item 9 > 0, total ≥ 20…),
 * with a background job worker (imports run as jobs); `close` stops it.
 */
export async function createScreeningTestApp(): Promise<TestApp> {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  const t = await createTestApp({ plugins });
  const worker = startJobWorker({
    deps: {
      db: t.db,
      plugins,
      config: defaultConfig,
      clock: t.clock,
      log: (m, e) => console.error(m, e ?? ''),
    },
    kinds: jobKinds,
    pollMs: 20,
  });
  return {
    ...t,
    close: async () => {
      await worker.stop();
      await t.close();
    },
  };
}

/** Creates and opens a wave as a center account; answers its id. */
export async function openWave(
  center: TestSession,
  wave: { name?: string; instrument?: string; academicYear?: number } = {},
): Promise<string> {
  const created = await center.request('/api/screening/waves', {
    method: 'POST',
    body: {
      academicYear: wave.academicYear ?? 2024,
      name: wave.name ?? '春季全校排查',
      instrument: wave.instrument ?? 'PHQ-9',
      cohort: 'all',
      opensOn: '2025-03-01',
      closesOn: '2025-03-31',
    },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const id = (await json(created)).wave.id as string;
  const opened = await center.request(`/api/screening/waves/${id}/status`, {
    method: 'POST',
    body: { status: 'open' },
  });
  expect(opened.status).toBe(200);
  return id;
}

/** Uploads a CSV as the raw body, waits for the background import to end and answers the finished import. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
export async function importCsv(center: TestSession, waveId: string, csv: string): Promise<any> {
  const started = await center.request(`/api/screening/waves/${waveId}/imports?fileName=wave.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  expect(started.status, await started.clone().text()).toBe(202);
  const { id } = await json(started);
  await jobWorkersDrained();
  const done = await json(await center.request(`/api/screening/imports/${id}`));
  expect(done.status).not.toBe('running');
  return done;
}

/** A PHQ-9 row of the compact layout: student number and nine answers. */
export function phq9Row(studentNumber: string, answers: number[]): string {
  return `${studentNumber},"${answers.join(',')}"`;
}

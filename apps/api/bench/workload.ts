// The rows staff work through all day, made once after the bench server seeds the demo: without them the case
// list, the follow-ups, My work and the warning list would be measured on empty tables (the demo seeds students,
// feeds and accounts; results come from a wave's import, warnings from the job worker).
import { Readable } from 'node:stream';
import { addCalendarDays, chinaToday } from '@xinqiao/calendar';
import { type Database, refreshStatistics, students } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import type { AppConfig } from '../src/context.ts';
import { jobKinds } from '../src/jobs/kinds.ts';
import { startJobWorker } from '../src/jobs/worker.ts';
import type { ReloadableCatalog } from '../src/modules/plugins/catalog.ts';
import { createImportRecord, runImport } from '../src/modules/screening/import/run.ts';
import { mulberry32, syntheticUpi } from '../src/modules/screening/synthetic.ts';
import { insertWave } from '../src/modules/screening/waves/queries.ts';
import { benchCaller } from './baseline.ts';

/** What {@link prepareWorkload} made, for the bench's progress line. */
export interface Workload {
  results: number;
  followUpsOpened: number;
  seconds: number;
}

/**
 * As the school's center staff (`center`), opens a UPI wave and imports an answer sheet for every student of the
 * school through the real import path (scores, the plugin's tiers, follow-up cases assigned as the school assigns
 * them), then runs the queued background jobs to the end (the demo's early warnings) and refreshes statistics.
 */
export async function prepareWorkload(
  db: Database,
  plugins: ReloadableCatalog,
  config: AppConfig,
  schoolCode: string,
  progress: (line: string) => void,
): Promise<Workload> {
  const started = performance.now();
  const plugin = plugins.registry().forSchool(schoolCode);
  if (!plugin) throw new Error(`bench: no active plugin for ${schoolCode}`);
  const center = await benchCaller(db, schoolCode, 'center');
  const now = new Date();
  const today = chinaToday(now);
  const { numbers, waveId, importId, csv } = await withTenant(db, center.scope, async (tx) => {
    const rows = await tx.select({ number: students.studentNumber }).from(students);
    const numbers = rows.map((row) => row.number);
    const csv = answerSheet(numbers, `${today} 00:05`);
    const waveId = await insertWave(tx, {
      schoolId: center.schoolId,
      academicYear: now.getUTCFullYear(),
      name: '基准测试筛查 / bench wave',
      instrument: 'UPI',
      cohort: 'all',
      opensOn: today,
      closesOn: addCalendarDays(today, 30),
      status: 'open',
    });
    const importId = await createImportRecord(tx, {
      schoolId: center.schoolId,
      waveId,
      fileName: 'bench-wave.csv',
      fileSha256: '',
      bytesTotal: csv.byteLength,
      createdBy: center.personId,
    });
    return { numbers, waveId, importId, csv };
  });
  const clock = () => new Date();
  const outcome = await runImport(
    { db, scope: center.scope, me: center.me, plugin, clock, purpose: 'bench workload' },
    importId,
    waveId,
    { stream: Readable.from([csv]), filename: 'bench-wave.csv' },
  );
  if (outcome.status !== 'done' || outcome.rowsAccepted !== numbers.length)
    throw new Error(`bench: the wave import ended ${outcome.status}: ${JSON.stringify(outcome.errors[0])}`);
  progress(`${outcome.rowsAccepted} 条筛查结果, ${outcome.followUpsOpened} 个随访 / results, follow-ups`);
  const worker = startJobWorker({
    deps: { db, plugins, config, clock, log: (message, error) => progress(`${message} ${error ?? ''}`) },
    kinds: jobKinds,
    pollMs: 50,
  });
  try {
    await worker.drained(600_000);
  } finally {
    await worker.stop();
  }
  await refreshStatistics(db);
  return {
    results: outcome.rowsAccepted,
    followUpsOpened: outcome.followUpsOpened,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A questionnaire platform's export: one row per student, one column per UPI item, answers as generated. */
function answerSheet(numbers: readonly string[], submittedAt: string): Buffer {
  const random = mulberry32(1);
  const header = `学号,提交时间,${Array.from({ length: 64 }, (_, i) => `Q${i + 1}`).join(',')}`;
  const lines = numbers.map((number) => `${number},${submittedAt},${syntheticUpi(random).join(',')}`);
  return Buffer.from(`${[header, ...lines].join('\n')}\n`);
}

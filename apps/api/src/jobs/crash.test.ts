import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  backgroundJobs,
  cases,
  type Database,
  openDatabase,
  screeningImports,
  screeningResults,
  students,
} from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import {
  createPostgresTestDatabase,
  createTestDatabase,
  saveToDataDir,
  testDatabaseKind,
} from '@xinqiao/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { defaultConfig } from '../context.ts';
import { openWave, phq9Row } from '../modules/screening/testing.ts';
import { json, loginAs, seedTestWorld, type TestWorld, testPluginCatalog } from '../testing/index.ts';
import { jobKinds } from './kinds.ts';
import { runAsJobRunner, schoolJobScope } from './runner-transaction.ts';
import { startJobWorker } from './worker.ts';

// Issue 10 (durable background work) and issue 16 (interrupted work ends visibly): a real process runs a screening
// import and is killed with SIGKILL part-way; a worker started afterwards takes the job over when its lease runs out
// and the import ends `done` with the counts of an uninterrupted one: never `running` for ever.

const STUDENTS = 400;
const BAD_ROWS = 3;
const CHILD_BATCH = 10;
const LEASE_MS = 1500;
const apiRoot = fileURLToPath(new URL('../..', import.meta.url));
const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

/** Where the child process finds the database: a PGlite folder or a PostgreSQL URL. */
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
}

async function newTarget(): Promise<{ db: Database; target: Target }> {
  if (testDatabaseKind() === 'pglite') {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'xinqiao-crash-')), 'pglite');
    return {
      db: await createTestDatabase(),
      target: {
        env: { XQ_DATA_DIR: dataDir },
        open: () => openDatabase({ dataDir }),
      },
    };
  }
  const { url, drop } = await createPostgresTestDatabase('xq_crash');
  cleanUps.push(drop);
  const open = () => openDatabase({ url, maxConnections: 4 });
  return { db: await open(), target: { env: { DATABASE_URL: url }, open } };
}

/** 400 more students in alpha's first class: an import long enough to be killed part-way. */
async function addStudents(db: Database, world: TestWorld): Promise<string[]> {
  const alpha = world.schools.alpha;
  const [college] = alpha.colleges;
  const numbers = Array.from({ length: STUDENTS }, (_, i) => `crash-${String(i).padStart(5, '0')}`);
  await withTenant(db, fullScope(alpha.id), (tx) =>
    tx.insert(students).values(
      numbers.map((studentNumber, i) => ({
        schoolId: alpha.id,
        studentNumber,
        name: `学生${i}`,
        gender: (i % 2 ? 'female' : 'male') as 'female' | 'male',
        enrolmentYear: 2024,
        collegeUnitId: college.id,
        classUnitId: college.classId,
      })),
    ),
  );
  return numbers;
}

const fullScope = (schoolId: string) =>
  schoolJobScope(schoolId, ['screening.answers', 'screening.manage'], ['/']);

/** Every tenth student answers item 9 above 0 (tier 1, a follow-up); three rows name nobody. */
function waveFile(numbers: string[]): string {
  const rows = numbers.map((n, i) => phq9Row(n, [1, 0, 0, 0, 0, 0, 0, 0, i % 10 === 0 ? 1 : 0]));
  for (let bad = 0; bad < BAD_ROWS; bad++)
    rows.splice(50 + bad * 120, 0, phq9Row(`nobody-${bad}`, [0, 0, 0, 0, 0, 0, 0, 0, 0]));
  return ['学号,答案', ...rows].join('\n');
}

/** Starts the worker process; resolves with it and the progress lines it prints. */
function startWorkerProcess(target: Target, pluginsDir: string) {
  // One process (`node --import tsx`, not the tsx command, which runs node in a child that SIGKILL would not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/testing/import-worker-process.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...target.env,
      XQ_PLUGINS_DIR: pluginsDir,
      XQ_BATCH_SIZE: String(CHILD_BATCH),
      XQ_LEASE_MS: String(LEASE_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout! });
  return { child, lines, stderr: () => stderr };
}

/** Kills the process with SIGKILL once it has stored `rows` rows; answers the last progress it printed. */
async function killAfter(worker: ReturnType<typeof startWorkerProcess>, rows: number) {
  for await (const line of worker.lines) {
    const progress = JSON.parse(line) as { rowsAccepted?: number };
    if ((progress.rowsAccepted ?? 0) >= rows) {
      worker.child.kill('SIGKILL');
      await once(worker.child as ChildProcess, 'exit');
      return progress;
    }
  }
  throw new Error(`the worker process ended before storing ${rows} rows:\n${worker.stderr()}`);
}

describe('jobs/a screening import killed part-way', () => {
  it('is taken over by a worker started afterwards and ends done with the counts of an uninterrupted import', async () => {
    const t0 = Date.now();
    const mark = (what: string) => process.env.XQ_CRASH_TIMES && console.log(what, Date.now() - t0);
    const { db: seeding, target } = await newTarget();
    const world = await seedTestWorld(seeding);
    const numbers = await addStudents(seeding, world);
    const { plugins, dir: pluginsDir } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
    const app = createApp({ db: seeding, plugins, config: { secureCookies: false }, log: () => {} });
    const center = await loginAs(app, 'alpha', 'staff');
    const waveId = await openWave(center);
    const started = await center.request(`/api/screening/waves/${waveId}/imports?fileName=wave.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: waveFile(numbers),
    });
    expect(started.status).toBe(202);
    const importId = (await json(started)).id as string;
    if (testDatabaseKind() === 'pglite') await saveToDataDir(seeding, target.env.XQ_DATA_DIR!);
    else await seeding.close();

    mark('seeded');
    const first = startWorkerProcess(target, pluginsDir);
    const lastSeen = await killAfter(first, 3 * CHILD_BATCH);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(() => process.kill(first.child.pid!, 0)).toThrow(); // gone, not running on as an orphan

    mark('killed');
    const db = await target.open();
    mark('reopened');
    cleanUps.push(() => db.close());
    const read = async () =>
      (
        await withTenant(db, fullScope(world.schools.alpha.id), (tx) =>
          tx.select().from(screeningImports).where(eq(screeningImports.id, importId)),
        )
      )[0]!;
    const cutOff = await read();
    expect(cutOff.status).toBe('running');
    expect(cutOff.rowsAccepted).toBeGreaterThanOrEqual(lastSeen.rowsAccepted!);
    expect(cutOff.rowsAccepted).toBeLessThan(STUDENTS);

    const worker = startJobWorker({
      deps: { db, plugins, config: defaultConfig, clock: () => new Date(), log: () => {} },
      kinds: jobKinds,
      pollMs: 50,
      leaseMs: LEASE_MS,
    });
    await worker.drained(30_000);
    await worker.stop();
    mark('resumed and done');

    const ended = await read();
    expect(ended).toMatchObject({
      status: 'done',
      rowsRead: STUDENTS + BAD_ROWS,
      rowsAccepted: STUDENTS,
      rowsUnchanged: 0,
      rowsRejected: BAD_ROWS,
      followUpsOpened: STUDENTS / 10,
    });
    const stored = await withTenant(db, fullScope(world.schools.alpha.id), async (tx) => ({
      results: (
        await tx
          .select({ id: screeningResults.id })
          .from(screeningResults)
          .where(eq(screeningResults.waveId, waveId))
      ).length,
      followUps: (await tx.select({ id: cases.id }).from(cases).where(eq(cases.kind, 'follow_up'))).length,
    }));
    expect(stored).toEqual({ results: STUDENTS, followUps: STUDENTS / 10 });
    const [job] = await runAsJobRunner(db, (tx) => tx.select().from(backgroundJobs));
    expect(job).toMatchObject({ kind: 'screening.import', state: 'done', attempts: 2 });
  }, 180_000);
});

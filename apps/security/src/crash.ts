import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { call, expectJson, type Session } from './client.ts';
import { type ApiServer, SUITE_SERVER_ENV, stopApi } from './server.ts';
import { openWave } from './uploads.ts';

const BATCH = Number(SUITE_SERVER_ENV.XINQIAO_IMPORT_BATCH_SIZE);
const BAD_ROWS = 3;

/** The state of the import and the database after one SIGKILL, read from the PGlite folder. */
export interface AfterKill {
  kill: number;
  status: string;
  rowsRead: number;
  rowsAccepted: number;
  storedResults: number;
  tier1: number;
  followUps: number;
  auditBreaks: number;
  consistent: boolean;
}

/** What the crash step found. */
export interface CrashReport {
  kills: AfterKill[];
  /** The killed import once its tries were used: failed with the reason (or done, had it tries left). */
  interrupted: { status: string; reason: string | null };
  /** The same file imported again. */
  final: {
    status: string;
    rowsAccepted: number;
    rowsUnchanged: number;
    rowsRejected: number;
    expectedTier1: number;
  };
  /** The database once the import ended (read while the server was stopped for the audit step). */
  stored?: AfterKill;
  seconds: number;
  failures: string[];
}

/** Opens the API's PGlite folder as its superuser (the server must be stopped: PGlite is one process's). */
export async function withDataDir<T>(dataDir: string, work: (db: PGlite) => Promise<T>): Promise<T> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function count(db: PGlite, text: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(text, params);
  return Number(rows[0]?.n ?? 0);
}

/** Rows of any school's audit chain that do not verify (the chain's own check, per school). */
export async function auditBreaks(db: PGlite): Promise<number> {
  const { rows: schools } = await db.query<{ id: string }>('SELECT id FROM schools');
  let breaks = 0;
  for (const school of schools) {
    await db.query(`SELECT set_config('xq.school_id', $1, false)`, [school.id]);
    breaks += await count(db, 'SELECT count(*)::int AS n FROM xq_audit_first_break()');
  }
  return breaks;
}

/** Reads the import's state and checks the database's consistency (the server must be stopped). */
export function inspectImport(
  db: PGlite,
  importId: string,
  waveId: string,
  kill: number,
): Promise<AfterKill> {
  return (async () => {
    const { rows } = await db.query<{
      status: string;
      rows_read: number;
      rows_accepted: number;
      rows_rejected: number;
      rows_unchanged: number;
    }>(
      'SELECT status, rows_read, rows_accepted, rows_rejected, rows_unchanged FROM screening_imports WHERE id = $1',
      [importId],
    );
    const storedResults = await count(
      db,
      'SELECT count(*)::int AS n FROM screening_results WHERE wave_id = $1',
      [waveId],
    );
    const tier1 = await count(
      db,
      'SELECT count(*)::int AS n FROM screening_results WHERE wave_id = $1 AND attention_tier = 1',
      [waveId],
    );
    const followUps = await count(
      db,
      'SELECT count(*)::int AS n FROM cases WHERE screening_result_id IN (SELECT id FROM screening_results WHERE wave_id = $1)',
      [waveId],
    );
    const row = rows[0];
    const status = row?.status ?? '?';
    const rowsRead = Number(row?.rows_read ?? -1);
    const rowsAccepted = Number(row?.rows_accepted ?? -1);
    const breaks = await auditBreaks(db);
    // Each batch stores its rows and the import's counts in one transaction: a cut-off import has read a whole
    // number of batches (every row of the suite's file parses; a row naming nobody is refused when stored), each
    // row counted once; the wave's stored results are this import's rows (new or unchanged from an earlier one).
    const accounted = rowsAccepted + Number(row?.rows_rejected) + Number(row?.rows_unchanged) === rowsRead;
    const wholeBatches = status !== 'running' || rowsRead % BATCH === 0;
    return {
      kill,
      status,
      rowsRead,
      rowsAccepted,
      storedResults,
      tier1,
      followUps,
      auditBreaks: breaks,
      consistent:
        wholeBatches &&
        accounted &&
        rowsAccepted + Number(row?.rows_unchanged) === storedResults &&
        followUps === tier1 &&
        breaks === 0,
    };
  })();
}

/** Every student number of the center's school, through the API (pages of 200). */
async function studentNumbers(base: string, center: Session): Promise<string[]> {
  const numbers: string[] = [];
  for (let page = 1; ; page++) {
    const body = await expectJson(
      await call(base, center, `/api/students?pageSize=200&page=${page}`),
      200,
      'list students',
    );
    const items = (body.items ?? body.students ?? []) as { studentNumber: string }[];
    numbers.push(...items.map((s) => s.studentNumber));
    if (items.length < 200) return numbers;
  }
}

/**
 * A screening import killed with SIGKILL three times part-way (each time once a further batch is stored), the
 * database checked after each kill (stored results a whole number of batches, the import's count equal to what is
 * stored, one follow-up per tier-1 result, every school's audit chain intact), the server restarted each time; the
 * job queue carries the import on and it ends done with the counts of an uninterrupted import.
 */
export async function crashImports(
  start: () => Promise<ApiServer>,
  server: ApiServer,
  dataDir: string,
  center: Session,
): Promise<{ report: CrashReport; server: ApiServer; importId: string; waveId: string }> {
  const started = performance.now();
  const failures: string[] = [];
  const base = server.base;
  const numbers = await studentNumbers(base, center);
  const waveId = await openWave(base, center, '安全测试中断批次');
  const rows = numbers.map((n, i) => `${n},"${[1, 0, 0, 0, 0, 0, 0, 0, i % 10 === 0 ? 1 : 0].join(',')}"`);
  for (let bad = 0; bad < BAD_ROWS; bad++) rows.splice(7 + bad * 50, 0, `nobody-${bad},"0,0,0,0,0,0,0,0,0"`);
  const csv = ['学号,答案', ...rows].join('\n');
  const posted = await expectJson(
    await call(base, center, `/api/screening/waves/${waveId}/imports?fileName=crash.csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    }),
    202,
    'start the import',
  );
  const importId = posted.id as string;
  const kills: AfterKill[] = [];
  let current = server;
  let seen = 0;
  for (let kill = 1; kill <= 3; kill++) {
    // Wait for one more stored batch than before, then kill at once.
    const target = seen + BATCH;
    const deadline = Date.now() + 60_000;
    let progress: { status: string; rowsAccepted: number } = { status: 'running', rowsAccepted: 0 };
    while (Date.now() < deadline) {
      progress = await expectJson(
        await call(current.base, center, `/api/screening/imports/${importId}`),
        200,
        'progress',
      );
      if (progress.status !== 'running' || progress.rowsAccepted >= target) break;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    if (progress.status !== 'running') {
      failures.push(
        `the import ended (${progress.status}) before kill ${kill}: too few rows to kill it part-way`,
      );
      break;
    }
    await stopApi(current, 'SIGKILL');
    const after = await withDataDir(dataDir, (db) => inspectImport(db, importId, waveId, kill));
    kills.push(after);
    if (!after.consistent) failures.push(`after kill ${kill}: ${JSON.stringify(after)}`);
    seen = after.storedResults;
    current = await start();
  }
  // Three interruptions use the import job's three tries: it ends failed, saying so, or done if it had tries left.
  const interrupted = await waitForEnd(current.base, center, importId);
  if (interrupted.status === 'running')
    failures.push('the interrupted import still runs 90 s after the last restart');
  if (interrupted.status === 'failed' && !interrupted.errors?.[0]?.reason)
    failures.push('the interrupted import ended failed without a reason');
  // Importing the same file again completes the wave: stored rows count as unchanged, nothing twice.
  const again = await expectJson(
    await call(current.base, center, `/api/screening/waves/${waveId}/imports?fileName=crash.csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    }),
    202,
    'import the same file again',
  );
  const final = await waitForEnd(current.base, center, again.id as string);
  const expectedTier1 = numbers.filter((_, i) => i % 10 === 0).length;
  if (final.status !== 'done')
    failures.push(`the import of the same file again ended ${final.status}, not done`);
  if (final.rowsAccepted + final.rowsUnchanged !== numbers.length || final.rowsRejected !== BAD_ROWS)
    failures.push(
      `the second import counted ${final.rowsAccepted} accepted + ${final.rowsUnchanged} unchanged / ${final.rowsRejected} rejected, not ${numbers.length} / ${BAD_ROWS}`,
    );
  return {
    server: current,
    importId: again.id as string,
    waveId,
    report: {
      kills,
      interrupted: { status: interrupted.status, reason: interrupted.errors?.[0]?.reason ?? null },
      final: {
        status: final.status,
        rowsAccepted: final.rowsAccepted,
        rowsUnchanged: final.rowsUnchanged,
        rowsRejected: final.rowsRejected,
        expectedTier1,
      },
      seconds: Math.round((performance.now() - started) / 100) / 10,
      failures,
    },
  };
}

interface ImportState {
  status: string;
  rowsAccepted: number;
  rowsUnchanged: number;
  rowsRejected: number;
  errors?: { reason?: string }[];
}

/** Polls an import until it is no longer running (at most 90 s). */
async function waitForEnd(base: string, center: Session, importId: string): Promise<ImportState> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const state = (await expectJson(
      await call(base, center, `/api/screening/imports/${importId}`),
      200,
      'progress',
    )) as ImportState;
    if (state.status !== 'running' || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

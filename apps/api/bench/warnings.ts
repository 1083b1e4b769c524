// pnpm bench:warnings — a 30,000-student school in PGlite: 1,000,000 campus-card transactions stored through the
// feed's own write path (multi-row statements of 20,000 rows, the student as an index into one array parameter),
// a term of grades and last-seen events, then every student's warnings across the four modules evaluated as the
// job does (signals in one SQL statement, the school's rules compiled to conditionHolds, warnings written in bulk),
// and every decision checked against json-rules-engine itself. Prints one JSON line.

import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkingDayCalendar } from '@xinqiao/calendar';
import { type Database, openDatabase, schools, students, type TenantScope, units } from '@xinqiao/db';
import {
  allowSchoolProvisioning,
  runInTransaction,
  scopeTransaction,
  withTenant,
} from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { createRandom } from '@xinqiao/demo-data';
import { evaluate, loadPluginDirectory } from '@xinqiao/policy';
import { tenantScope } from '../src/auth/scope.ts';
import { evaluateWarnings } from '../src/modules/warnings/evaluate.ts';
import type { Resolved } from '../src/modules/warnings/feeds/check.ts';
import { writeActivityRows, writeCardRows, writeGradeRows } from '../src/modules/warnings/feeds/write.ts';
import { decisionKey, WarningRules } from '../src/modules/warnings/rules.ts';
import { warningSettingsOf } from '../src/modules/warnings/settings.ts';
import { computeSignals } from '../src/modules/warnings/signals.ts';

const STUDENTS = Number(process.env.XINQIAO_BENCH_STUDENTS) || 30_000;
const TRANSACTIONS = Number(process.env.XINQIAO_BENCH_TRANSACTIONS) || 1_000_000;
const COLLEGES = 10;
const PER_CLASS = 50;
const STATEMENT_ROWS = 20_000;
const TODAY = '2025-12-01';
const DAY_MS = 86_400_000;
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const begun = performance.now();
/** XINQIAO_BENCH_VERBOSE=1 prints each phase's time to stderr. */
const phase = (name: string) => {
  if (process.env.XINQIAO_BENCH_VERBOSE)
    console.error(`${((performance.now() - begun) / 1000).toFixed(1)}s ${name}`);
};

async function seedSchool(db: Database): Promise<{ scope: TenantScope; ids: string[] }> {
  return runInTransaction(db, async (unscoped) => {
    await allowSchoolProvisioning(unscoped);
    const [school] = await unscoped
      .insert(schools)
      .values({
        code: 'hrbmu',
        name: '哈尔滨医科大学',
        nameEn: 'Harbin Medical University',
        networkLevels: [],
      })
      .returning({ id: schools.id });
    const schoolId = school!.id;
    const tx = await scopeTransaction(
      unscoped,
      tenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] }),
    );
    const unit = async (parentId: string | null, levelKey: string, name: string) =>
      (
        await tx
          .insert(units)
          .values({ schoolId, parentId, levelKey, name, depth: 0, path: '' })
          .returning({ id: units.id })
      )[0]!;
    const root = await unit(null, 'school', '学校');
    const center = await unit(root.id, 'center', '心理健康教育中心');
    const ids: string[] = [];
    const perCollege = STUDENTS / COLLEGES;
    for (let c = 0; c < COLLEGES; c++) {
      const college = await unit(center.id, 'college', `第${c + 1}学院`);
      for (let k = 0; k < perCollege / PER_CLASS; k++) {
        const klass = await unit(college.id, 'class', `第${c + 1}学院${k + 1}班`);
        const rows = Array.from({ length: PER_CLASS }, (_, i) => ({
          schoolId,
          studentNumber: String(2024000000 + c * perCollege + k * PER_CLASS + i),
          name: `学生${c}${k}${i}`,
          gender: i % 2 ? ('male' as const) : ('female' as const),
          enrolmentYear: 2024,
          collegeUnitId: college.id,
          classUnitId: klass.id,
        }));
        ids.push(...(await tx.insert(students).values(rows).returning({ id: students.id })).map((r) => r.id));
      }
    }
    const scope = tenantScope({
      schoolId,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: ['feeds.raw'],
    });
    return { scope, ids };
  });
}

const noon = Date.parse(`${TODAY}T12:00:00+08:00`);

/** Card transactions spread over 70 days; about 3% of students spend a fifth of their usual in the last 14. */
function* cardChunks(ids: readonly string[]): Generator<Resolved<'card'>[]> {
  const random = createRandom('bench-card');
  const perStudent = Math.ceil(TRANSACTIONS / ids.length);
  let chunk: Resolved<'card'>[] = [];
  let made = 0;
  for (const [s, studentId] of ids.entries()) {
    const dropped = random.chance(0.03);
    const usual = 20 + random.int(0, 15);
    for (let k = 0; k < perStudent && made < TRANSACTIONS; k++, made++) {
      const daysAgo = (k * 70) / perStudent;
      const amount = dropped && daysAgo < 14 ? usual / 5 : usual + random.int(-3, 3);
      chunk.push({
        studentId,
        studentNumber: '',
        occurredAt: new Date(noon - daysAgo * DAY_MS + random.int(-4, 4) * 3_600_000),
        ref: `${s}-${k}`,
        amount,
        place: k % 5 === 0 ? 'shop' : 'canteen',
      });
      if (chunk.length === STATEMENT_ROWS) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length) yield chunk;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'xinqiao-bench-warnings-'));
  const started = Date.now();
  try {
    const plugin = (await loadPluginDirectory(join(repoRoot, 'plugins'))).forSchool('hrbmu')!;
    const settings = await warningSettingsOf(plugin, 'hrbmu');
    const db = await openDatabase({ dataDir: join(dir, 'pglite') });
    phase('database open');
    const { scope, ids } = await seedSchool(db);
    phase('school seeded');
    sampleRss();

    // 1,000,000 transactions, 100,000 per transaction of the database.
    let stored = 0;
    const importStart = performance.now();
    const chunks = cardChunks(ids);
    let done = false;
    while (!done) {
      await withTenant(db, scope, async (tx) => {
        for (let n = 0; n < 5; n++) {
          const next = chunks.next();
          if (next.done) {
            done = true;
            return;
          }
          stored += await writeCardRows(tx, scope.schoolId, next.value);
          phase(`${stored} transactions`);
          sampleRss();
        }
      });
    }
    const importSeconds = (performance.now() - importStart) / 1000;

    // A term of grades (two terms, six courses) and the last-seen events: the other feeds the rules read.
    const random = createRandom('bench-grades');
    const otherStart = performance.now();
    await withTenant(db, scope, async (tx) => {
      for (let i = 0; i < ids.length; i += 2000) {
        const grades = ids.slice(i, i + 2000).flatMap((studentId) => {
          const weak = random.chance(0.06);
          return ['2024-2025-2', '2025-2026-1'].flatMap((term) =>
            Array.from({ length: 6 }, (_, c) => ({
              studentId,
              studentNumber: '',
              term,
              courseCode: `C${c}`,
              courseName: `课程${c}`,
              credit: 3,
              score: weak ? 45 + random.int(0, 25) : 65 + random.int(0, 33),
            })),
          );
        });
        await writeGradeRows(tx, scope.schoolId, grades, settings.gpaFormula);
        const events = ids.slice(i, i + 2000).map((studentId) => ({
          studentId,
          studentNumber: '',
          occurredAt: new Date(noon - (random.chance(0.01) ? random.int(2, 8) : 0) * DAY_MS),
          source: 'door' as const,
        }));
        await writeActivityRows(tx, scope.schoolId, events);
      }
    });
    const otherFeedsSeconds = (performance.now() - otherStart) / 1000;
    phase('grades and activity stored');
    sampleRss();

    // The whole school's evaluation, as the job runs it (minus the notices).
    const rules = new WarningRules(plugin);
    const evalStart = performance.now();
    const outcome = await withTenant(db, scope, (tx) =>
      evaluateWarnings(tx, {
        schoolId: scope.schoolId,
        rules,
        settings,
        calendar: WorkingDayCalendar.china(),
        today: TODAY,
        now: new Date(noon),
      }),
    );
    const evaluationSeconds = (performance.now() - evalStart) / 1000;
    phase('evaluated');
    sampleRss();

    // Every student's decision against json-rules-engine's own.
    const { students: signals } = await withTenant(db, scope, (tx) => computeSignals(tx, settings, TODAY));
    let mismatches = 0;
    const engineStart = performance.now();
    for (const student of signals) {
      const mine = decisionKey(rules.decide(student.facts));
      const engine = decisionKey((await evaluate(plugin, 'early-warning', student.facts)).warnings);
      if (mine !== engine) mismatches++;
    }
    const engineSeconds = (performance.now() - engineStart) / 1000;
    sampleRss();
    await db.close();
    const byModule: Record<string, number> = {};
    for (const w of outcome.opened) byModule[w.module] = (byModule[w.module] ?? 0) + 1;
    console.log(
      JSON.stringify({
        bench: 'warnings',
        students: outcome.students,
        transactions: stored,
        transactionsPerSecond: Math.round(stored / importSeconds),
        importSeconds: round(importSeconds),
        otherFeedsSeconds: round(otherFeedsSeconds),
        evaluationSeconds: round(evaluationSeconds),
        warnings: outcome.opened.length,
        warningsByModule: byModule,
        mismatches,
        checkedAgainstJsonRulesEngine: signals.length,
        jsonRulesEngineSeconds: round(engineSeconds),
        peakRssMB: Math.round(peakRss / 1024 / 1024),
        totalSeconds: round((Date.now() - started) / 1000),
        loadAverage: round(loadavg()[0] ?? 0),
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

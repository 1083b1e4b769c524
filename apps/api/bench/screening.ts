// pnpm bench:screening — generates 50,000 UPI and 50,000 PHQ-9 responses of 50,000 students, imports each file
// through the real import path (streamed CSV → checks → scoring → memoised plugin tiers → batched upserts and
// follow-up cases, one transaction per 2,000 rows) into PGlite, and prints one JSON line: rows/s end to end, peak
// RSS, and the rate of bare json-rules-engine on the same rules (one run per row) measured in the same process.

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile as readFileText, rm, stat, writeFile as writeFileText } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Database,
  openDatabase,
  people,
  roleAssignments,
  schools,
  screeningResults,
  screeningWaves,
  students,
  type TenantScope,
  type TenantTx,
  units,
} from '@xinqiao/db';
import {
  allowSchoolProvisioning,
  runInTransaction,
  scopeTransaction,
  withTenant,
} from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { type InstrumentId, scoreResponse } from '@xinqiao/instruments';
import { type CompiledPlugin, loadPluginDirectory, tierFacts } from '@xinqiao/policy';
import { eq, sql } from 'drizzle-orm';
import { Engine } from 'json-rules-engine';
import { tenantScope } from '../src/auth/scope.ts';
import type { Me } from '../src/auth/session-types.ts';
import { renderMessage } from '../src/http/problem.ts';
import { parsedRows } from '../src/modules/screening/import/parsed-rows.ts';
import {
  createImportRecord,
  IMPORT_BATCH_SIZE,
  type ImportActor,
  runImport,
} from '../src/modules/screening/import/run.ts';
import { mulberry32, syntheticPhq9, syntheticUpi } from '../src/modules/screening/synthetic.ts';
import { engineTierDecision } from '../src/modules/screening/tiering.ts';

const STUDENTS = Number(process.env.XINQIAO_BENCH_STUDENTS) || 50_000;
const COLLEGES = 10;
const PER_CLASS = 40;
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface World {
  scope: TenantScope;
  me: Me;
  numbers: string[];
}

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

/** A school of STUDENTS students in 10 colleges, a counsellor per college and one center staff account. */
export async function seed(db: Database): Promise<World> {
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
    const seedScope = tenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] });
    const tx = await scopeTransaction(unscoped, seedScope);
    const unit = async (parentId: string | null, levelKey: string, name: string) =>
      (
        await tx
          .insert(units)
          .values({ schoolId, parentId, levelKey, name, depth: 0, path: '' })
          .returning({ id: units.id, path: units.path })
      )[0]!;
    const root = await unit(null, 'school', '学校');
    const center = await unit(root.id, 'center', '心理健康教育中心');
    const [staff] = await tx
      .insert(people)
      .values({ schoolId, username: 'center', displayName: '中心老师', passwordHash: 'x' })
      .returning({ id: people.id });
    await tx
      .insert(roleAssignments)
      .values({ schoolId, personId: staff!.id, role: 'center_staff', unitId: center.id });
    const numbers: string[] = [];
    const perCollege = STUDENTS / COLLEGES;
    for (let c = 0; c < COLLEGES; c++) {
      const college = await unit(center.id, 'college', `第${c + 1}学院`);
      const [counsellor] = await tx
        .insert(people)
        .values({ schoolId, username: `counsellor${c}`, displayName: `辅导员${c}`, passwordHash: 'x' })
        .returning({ id: people.id });
      await tx
        .insert(roleAssignments)
        .values({ schoolId, personId: counsellor!.id, role: 'counsellor', unitId: college.id });
      for (let k = 0; k < perCollege / PER_CLASS; k++) {
        const klass = await unit(college.id, 'class', `第${c + 1}学院${k + 1}班`);
        const rows = Array.from({ length: PER_CLASS }, (_, i) => {
          const studentNumber = String(2024000000 + c * perCollege + k * PER_CLASS + i);
          numbers.push(studentNumber);
          return {
            schoolId,
            studentNumber,
            name: `学生${studentNumber.slice(-5)}`,
            gender: i % 2 ? ('male' as const) : ('female' as const),
            enrolmentYear: 2024,
            collegeUnitId: college.id,
            classUnitId: klass.id,
          };
        });
        await tx.insert(students).values(rows);
      }
    }
    const me: Me = {
      person: { id: staff!.id, username: 'center', displayName: '中心老师' },
      school: { id: schoolId, code: 'hrbmu', name: '哈尔滨医科大学', nameEn: 'Harbin Medical University' },
      roles: [
        {
          role: 'center_staff',
          unitId: center.id,
          unitName: '心理健康教育中心',
          levelKey: 'center',
          unitPath: center.path,
        },
      ],
      csrfToken: '',
    };
    const scope: TenantScope = tenantScope({
      schoolId,
      personId: staff!.id,
      fullScopePaths: [root.path],
      reducedScopePaths: [],
      capabilities: ['screening.answers', 'screening.manage'],
    });
    return { scope, me, numbers };
  });
}

/** Writes a wave file with one column per item (as questionnaire platforms export), answers as generated. */
async function writeFile(path: string, instrument: InstrumentId, numbers: string[]): Promise<void> {
  const random = mulberry32(instrument === 'upi' ? 1 : 2);
  const items = instrument === 'upi' ? 64 : 9;
  const out = createWriteStream(path);
  out.write(`学号,提交时间,${Array.from({ length: items }, (_, i) => `Q${i + 1}`).join(',')}\n`);
  for (const number of numbers) {
    const answers = instrument === 'upi' ? syntheticUpi(random) : syntheticPhq9(random);
    if (!out.write(`${number},2025-03-10 09:30,${answers.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function createWave(tx: TenantTx, world: World, instrument: string): Promise<string> {
  const [wave] = await tx
    .insert(screeningWaves)
    .values({
      schoolId: world.scope.schoolId,
      academicYear: 2024,
      name: `春季全校排查 ${instrument}`,
      instrument,
      cohort: 'all',
      opensOn: '2025-03-01',
      closesOn: '2025-03-31',
      status: 'open',
    })
    .returning({ id: screeningWaves.id });
  return wave!.id;
}

async function importFile(
  db: Database,
  world: World,
  plugin: CompiledPlugin,
  instrument: string,
  path: string,
) {
  const size = (await stat(path)).size;
  const { waveId, importId } = await withTenant(db, world.scope, async (tx) => {
    const waveId = await createWave(tx, world, instrument);
    const importId = await createImportRecord(tx, {
      schoolId: world.scope.schoolId,
      waveId,
      fileName: path,
      fileSha256: '',
      bytesTotal: size,
      createdBy: world.me.person.id,
    });
    return { waveId, importId };
  });
  const actor: ImportActor = {
    db,
    scope: world.scope,
    me: world.me,
    plugin,
    clock: () => new Date('2025-03-10T02:00:00Z'),
    purpose: 'bench',
  };
  const started = performance.now();
  const outcome = await runImport(
    actor,
    importId,
    waveId,
    { stream: createReadStream(path), filename: path },
    {
      onProgress: sampleRss,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'done' || outcome.rowsRejected > 0 || outcome.rowsAccepted !== STUDENTS) {
    throw new Error(
      `import of ${instrument} ended ${outcome.status}: ${JSON.stringify(outcome.errors.slice(0, 3))}`,
    );
  }
  return { waveId, seconds, followUpsOpened: outcome.followUpsOpened, evaluations: outcome.engineRuns };
}

/** Bare json-rules-engine: one Engine over the plugin's tier rules, one `run` per row, in sequence. */
async function bareEngineRate(plugin: CompiledPlugin, instrument: InstrumentId, sample: number[][]) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of plugin.ruleSet('tier-thresholds')!.rules) {
    engine.addRule({
      name: rule.name,
      priority: rule.priority,
      conditions: structuredClone(rule.conditions) as never,
      event: { type: rule.event.type, params: rule.event.params as Record<string, unknown> },
    });
  }
  const facts = sample.map((answers) => {
    const scored = scoreResponse(instrument, answers);
    if (!scored.ok) throw new Error('bad sample');
    return tierFacts(scored.value);
  });
  const started = performance.now();
  for (const fact of facts) await engine.run({ ...fact });
  return facts.length / ((performance.now() - started) / 1000);
}

/** Every stored tier of a sample equals a fresh json-rules-engine decision (no memo) on the stored scores. */
async function checkTiers(
  db: Database,
  world: World,
  plugin: CompiledPlugin,
  waveId: string,
  instrument: InstrumentId,
) {
  const rows = await withTenant(db, world.scope, (tx) =>
    tx
      .select({ tier: screeningResults.attentionTier, summary: screeningResults.summary })
      .from(screeningResults)
      .where(eq(screeningResults.waveId, waveId))
      .orderBy(sql`random()`)
      .limit(2000),
  );
  let mismatches = 0;
  for (const row of rows) {
    const decision = await engineTierDecision(plugin, { instrument, ...row.summary } as never);
    if (decision.tier !== row.tier) mismatches++;
  }
  return { checked: rows.length, mismatches };
}

/**
 * Phase 1, in a child process: create the PGlite data folder (initdb), seed the school and write the two files.
 * The server opens an existing data folder too, so the measured process never pays for initdb's memory.
 */
async function prepare(dir: string): Promise<void> {
  const db = await openDatabase({ dataDir: join(dir, 'pglite') });
  const world = await seed(db);
  await db.close();
  await writeFile(join(dir, 'upi.csv'), 'upi', world.numbers);
  await writeFile(join(dir, 'phq9.csv'), 'phq9', world.numbers);
  const { numbers: _numbers, ...rest } = world;
  await writeFileText(join(dir, 'world.json'), JSON.stringify(rest));
}

/** Reads, checks and scores a file without the database (the import's own parsing): the share the database does not take. */
async function parseOnlyRate(path: string, instrument: 'UPI' | 'PHQ-9'): Promise<number> {
  const started = performance.now();
  let rows = 0;
  for await (const parsed of parsedRows({ stream: createReadStream(path), filename: path, instrument })) {
    if ('reason' in parsed) throw new Error(renderMessage(parsed.reason, 'zh-CN'));
    rows++;
  }
  return rows / ((performance.now() - started) / 1000);
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'xinqiao-bench-screening-'));
  const timer = setInterval(sampleRss, 25);
  try {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--prepare', dir],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: process.env,
      },
    );
    if (child.status !== 0) throw new Error('preparing the bench database failed');
    const world = {
      ...JSON.parse(await readFileText(join(dir, 'world.json'), 'utf8')),
      numbers: [],
    } as World;
    const plugin = (await loadPluginDirectory(join(repoRoot, 'plugins'))).forSchool('hrbmu');
    if (!plugin) throw new Error('plugins/hrbmu did not load');
    const upiFile = join(dir, 'upi.csv');
    const phqFile = join(dir, 'phq9.csv');
    const db = await openDatabase({ dataDir: join(dir, 'pglite') });
    peakRss = process.memoryUsage().rss;
    const baselineRss = peakRss;
    const upi = await importFile(db, world, plugin, 'UPI', upiFile);
    const phq = await importFile(db, world, plugin, 'PHQ-9', phqFile);
    const importPeakRss = peakRss;
    clearInterval(timer);
    const random = mulberry32(3);
    const upiSample = Array.from({ length: 10_000 }, () => syntheticUpi(random));
    const phqSample = Array.from({ length: 10_000 }, () => syntheticPhq9(random));
    const bareUpi = await bareEngineRate(plugin, 'upi', upiSample);
    const barePhq = await bareEngineRate(plugin, 'phq9', phqSample);
    const parseUpi = await parseOnlyRate(upiFile, 'UPI');
    const parsePhq = await parseOnlyRate(phqFile, 'PHQ-9');
    const upiCheck = await checkTiers(db, world, plugin, upi.waveId, 'upi');
    const phqCheck = await checkTiers(db, world, plugin, phq.waveId, 'phq9');
    const tiers = await withTenant(db, world.scope, (tx) =>
      tx
        .select({
          instrument: screeningResults.instrument,
          tier: screeningResults.attentionTier,
          n: sql<number>`count(*)::int`,
        })
        .from(screeningResults)
        .groupBy(screeningResults.instrument, screeningResults.attentionTier),
    );
    await db.close();
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    const rows = STUDENTS * 2;
    const seconds = upi.seconds + phq.seconds;
    console.log(
      JSON.stringify({
        bench: 'screening-import',
        database: 'pglite',
        rows,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(rows / seconds),
        upiRowsPerSecond: Math.round(STUDENTS / upi.seconds),
        phq9RowsPerSecond: Math.round(STUDENTS / phq.seconds),
        peakRssMb: mb(importPeakRss),
        rssAtStartMb: mb(baselineRss),
        bareJsonRulesEngineRowsPerSecond: { upi: Math.round(bareUpi), phq9: Math.round(barePhq) },
        engineRunsDuringImport: upi.evaluations + phq.evaluations,
        readCheckScoreRowsPerSecond: { upi: Math.round(parseUpi), phq9: Math.round(parsePhq) },
        followUpsOpened: upi.followUpsOpened + phq.followUpsOpened,
        tiers: Object.fromEntries(tiers.map((t) => [`${t.instrument}:${t.tier}`, t.n])),
        tierCheck: {
          checked: upiCheck.checked + phqCheck.checked,
          mismatches: upiCheck.mismatches + phqCheck.mismatches,
        },
        batchSize: IMPORT_BATCH_SIZE,
        loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      }),
    );
  } finally {
    clearInterval(timer);
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const preparing = process.argv.indexOf('--prepare');
  (preparing > 0 ? prepare(process.argv[preparing + 1]!) : main()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

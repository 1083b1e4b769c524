// pnpm bench:api — requests/s and p50/p99 latency of the routes staff use all day (the student list, a name search,
// one student's file, the case list, the follow-up list, My work, the warning list when the route exists), each
// beside the bench's own minimal tenant route (bench/baseline.ts: transaction, SET LOCAL ROLE, set_config, a 50-row
// RLS-filtered select, one audit row) measured in the same run on the same database and data, at 4 and 50
// connections, against the real server (bench/api-server.ts) with the demo data and the measured school's working
// rows (a UPI wave imported for all its students, follow-ups opened, warnings evaluated). On PGlite and, when
// XINQIAO_BENCH_DATABASE_URL or DATABASE_URL names a PostgreSQL server (an ordinary role with CREATEDB, as the server
// refuses superusers), on a fresh database there. It also restarts the seeded server and times the restart to
// serving. Loopback only. Prints ONE JSON line on stdout (`ratios`: each route's req/s over the baseline's, by route,
// database and connections); progress on stderr. Knobs:
//   XINQIAO_BENCH_SECONDS      seconds per case (10), after a 2 s warm-up
//   XINQIAO_BENCH_CONNECTIONS  connection counts (4,50); the student list and the baseline also run at 10 on PostgreSQL
//   XINQIAO_BENCH_STUDENTS     students of the measured school (5000; e.g. 30000 — the other schools keep 5,000)
//   XINQIAO_BENCH_SCHOOL       the school whose counsellor signs in (hrbmu)
//   XINQIAO_BENCH_ROUTES       only these routes (comma-separated names, e.g. studentList,studentFile)
//   XINQIAO_BENCH_DATABASES    only these databases (pglite,postgres)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { ensureServerBundle } from '../bin/server-bundle.mjs';
import { BASELINE_PATH } from './baseline.ts';

const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()) : undefined);
const seconds = Number(process.env.XINQIAO_BENCH_SECONDS) || 10;
const connectionCounts = (list(process.env.XINQIAO_BENCH_CONNECTIONS) ?? ['4', '50']).map(Number);
const studentsPerSchool = Number(process.env.XINQIAO_BENCH_STUDENTS) || 5000;
const school = process.env.XINQIAO_BENCH_SCHOOL || 'hrbmu';
const onlyRoutes = list(process.env.XINQIAO_BENCH_ROUTES);
const onlyDatabases = list(process.env.XINQIAO_BENCH_DATABASES);
const progress = (line: string) => process.stderr.write(`${line}\n`);
const apiDir = fileURLToPath(new URL('..', import.meta.url));
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const load = () => round(loadavg()[0]!);

interface CaseFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The machine's 1-minute load average when the case ended (other work slows every figure). */
  loadAverage: number;
}

/** Figures of one route, by connection count ('4', '50'). */
type RouteFigures = Record<string, CaseFigures>;

/** The measured school's working rows, made after the first seed (bench/workload.ts). */
interface WorkloadFigures {
  results: number;
  followUpsOpened: number;
  seconds: number;
}

interface DatabaseFigures {
  seedSeconds: number;
  /** The wave's results and follow-ups imported and the warnings evaluated before measuring (in seedSeconds). */
  workload: WorkloadFigures | undefined;
  /** First start: migrations and the demo seed included. */
  startSeconds: number;
  /** A restart of the seeded bench server, process start to serving. */
  restartSeconds: number;
  /** A restart of the platform itself (`bin/start.mjs`, as `pnpm start` runs it) on the same data, to serving. */
  mainRestartSeconds: number;
  visibleStudents: number;
  /** The student list and the file at the first connection count (the fields this bench always printed). */
  studentList: CaseFigures;
  studentFile: CaseFigures;
  routes: Record<string, RouteFigures>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  seedSeconds: number;
  startSeconds: number;
  workload?: WorkloadFigures;
}

/** Start bench/api-server.ts and wait for its ready line. */
async function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts'], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) =>
      reject(new Error(`the server exited with code ${code} before it was ready`)),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const ready = JSON.parse(line) as Omit<Started, 'child'>;
      resolve({ child, ...ready });
    });
  });
}

/**
 * Starts the platform as `pnpm start` does (bin/start.mjs, its bundle built beforehand) on the bench's data
 * (frontends not built), times it to its "is running" line, stops it.
 */
async function timeMainRestart(env: Record<string, string>): Promise<number> {
  await ensureServerBundle();
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/start.mjs'], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: 'production', XINQIAO_SKIP_FRONTEND_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`bin/start.mjs exited with code ${code} before serving`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running at')) resolve();
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await stopServer(child);
  return seconds;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Sign in as the school's demo counsellor: the cookie header every benchmark request sends. */
async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ school, username: 'counsellor', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(`login as ${school}/counsellor answered ${res.status}: ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function getJson<T>(url: string, cookie: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: { cookie } });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as T };
}

/** The routes to measure, by name → path; the warning list only when the server has the route. */
async function routesOf(
  base: string,
  cookie: string,
): Promise<{ routes: Record<string, string>; total: number }> {
  const first = await getJson<{ items: { id: string; name: string }[]; total: number }>(
    `${base}/api/students?pageSize=20&withTotal=true`,
    cookie,
  );
  const student = first.body?.items[0];
  if (first.status !== 200 || !student)
    throw new Error(`the counsellor's student list answered ${first.status}`);
  // A name as staff type it: the full name of a student further down the first page.
  const name = (first.body.items[10] ?? student).name;
  const routes: Record<string, string> = {
    baseline: BASELINE_PATH,
    // As the college station asks: the first page of a filter with its count, the next page without (the count
    // is kept), a search as a new filter.
    studentList: '/api/students?withTotal=true',
    studentListNextPage: '/api/students?page=2',
    studentSearch: `/api/students?q=${encodeURIComponent(name)}&withTotal=true`,
    studentFile: `/api/students/${student.id}/file`,
    caseList: '/api/cases',
    followUpList: '/api/screening/follow-ups',
    myWork: '/api/me/work',
    warningList: '/api/warnings',
  };
  for (const [key, path] of Object.entries(routes)) {
    const probe = await fetch(`${base}${path}`, { headers: { cookie } });
    await probe.arrayBuffer();
    if (probe.status === 200 && (!onlyRoutes || onlyRoutes.includes(key) || key === 'baseline')) continue;
    if (probe.status !== 404) progress(`  ${key}: ${path} answered ${probe.status}; not measured`);
    delete routes[key];
  }
  return { routes, total: first.body.total };
}

async function measure(
  title: string,
  url: string,
  cookie: string,
  connections: number,
): Promise<CaseFigures> {
  progress(`  ${title}: ${seconds} s, ${connections} connections → ${url}`);
  // A slow answer is counted with its latency rather than dropped as a timeout.
  const options = { url, connections, headers: { cookie }, timeout: 60 };
  await autocannon({ ...options, duration: 2 }); // warm-up, not counted
  // The warm-up's last requests are still queued at the server when autocannon stops waiting for them; one more
  // request (of the same session, so queued behind them) returns once they are done, so the run starts on an idle
  // server instead of behind a backlog.
  await (await fetch(url, { headers: { cookie } })).arrayBuffer();
  const result = await autocannon({ ...options, duration: seconds });
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    requests: Object.values(result.statusCodeStats).reduce((n, s) => n + Number(s.count), 0),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAverage: load(),
  };
}

async function benchOne(
  label: string,
  env: Record<string, string>,
  mainEnv: Record<string, string>,
): Promise<DatabaseFigures> {
  const serverEnv = { ...env, BENCH_SCHOOL: school, BENCH_STUDENTS: String(studentsPerSchool) };
  progress(`${label}: starting the server with the demo data (seeding takes a while on first start)…`);
  const first = await startServer({ ...serverEnv, BENCH_PORT: String(await freePort()) });
  await stopServer(first.child);
  const mainRestartSeconds = await timeMainRestart({ ...mainEnv, PORT: String(await freePort()) });
  progress(`${label}: pnpm start's server restarted to serving in ${round(mainRestartSeconds, 2)} s`);
  const port = await freePort();
  const { child, startSeconds: restartSeconds } = await startServer({
    ...serverEnv,
    BENCH_PORT: String(port),
  });
  progress(`${label}: restarted to serving in ${round(restartSeconds, 2)} s`);
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base);
    const { routes, total } = await routesOf(base, cookie);
    progress(`${label}: ${school}/counsellor sees ${total} students`);
    const figures: Record<string, RouteFigures> = {};
    // The latency target at 10 connections is the student list's on PostgreSQL; the baseline runs there too, so the
    // target has its yardstick in the same run (what the minimal route itself answers at 10).
    const connectionsOf = (key: string) =>
      label === 'PostgreSQL' &&
      (key === 'studentList' || key === 'baseline') &&
      !connectionCounts.includes(10)
        ? [...connectionCounts, 10]
        : connectionCounts;
    for (const connections of [...new Set([...connectionCounts, 10])].sort((a, b) => a - b)) {
      for (const [key, path] of Object.entries(routes)) {
        if (!connectionsOf(key).includes(connections)) continue;
        figures[key] ??= {};
        figures[key][String(connections)] = await measure(key, `${base}${path}`, cookie, connections);
      }
    }
    const at = String(connectionCounts[0]);
    return {
      seedSeconds: round(first.seedSeconds),
      workload: first.workload && { ...first.workload, seconds: round(first.workload.seconds) },
      startSeconds: round(first.startSeconds, 2),
      restartSeconds: round(restartSeconds, 2),
      mainRestartSeconds: round(mainRestartSeconds, 2),
      visibleStudents: total,
      studentList: figures.studentList?.[at] as CaseFigures,
      studentFile: figures.studentFile?.[at] as CaseFigures,
      routes: figures,
    };
  } finally {
    await stopServer(child);
  }
}

async function benchPglite(): Promise<DatabaseFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'xinqiao-bench-'));
  try {
    // main.ts opens <XINQIAO_DATA_DIR>/pglite.
    const pglite = { DATABASE_URL: '' };
    return await benchOne(
      'PGlite',
      { ...pglite, BENCH_PGLITE_DIR: join(dir, 'pglite') },
      { ...pglite, XINQIAO_DATA_DIR: dir },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(adminUrl: string): Promise<DatabaseFigures> {
  const name = `xq_bench_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await benchOne('PostgreSQL', { DATABASE_URL: url.toString() }, { DATABASE_URL: url.toString() });
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Each route's req/s over the baseline's at the same connection count, by route, database and connections. */
function ratiosOf(results: Record<string, DatabaseFigures>) {
  const ratios: Record<string, Record<string, Record<string, number>>> = {};
  for (const [database, figures] of Object.entries(results)) {
    const baseline = figures.routes.baseline ?? {};
    for (const [route, byConnections] of Object.entries(figures.routes)) {
      if (route === 'baseline') continue;
      for (const [connections, f] of Object.entries(byConnections)) {
        const base = baseline[connections]?.requestsPerSecond;
        if (!base) continue;
        ratios[route] ??= {};
        ratios[route][database] ??= {};
        ratios[route][database][connections] = round(f.requestsPerSecond / base, 2);
      }
    }
  }
  return ratios;
}

/** p99 over p50 of each route at the most connections measured: the fairness target is at most 4 on PGlite. */
function fairnessOf(results: Record<string, DatabaseFigures>) {
  const most = String(Math.max(...connectionCounts));
  const fairness: Record<string, Record<string, number>> = {};
  for (const [database, figures] of Object.entries(results)) {
    for (const [route, byConnections] of Object.entries(figures.routes)) {
      const f = byConnections[most];
      if (!f || !f.p50Ms) continue;
      fairness[database] ??= {};
      fairness[database][route] = round(f.p99Ms / f.p50Ms, 2);
    }
  }
  return { connections: Number(most), p99OverP50: fairness };
}

const loadBefore = load();
const wants = (database: string) => !onlyDatabases || onlyDatabases.includes(database);
const postgresUrl = process.env.XINQIAO_BENCH_DATABASE_URL || process.env.DATABASE_URL;
const results: Record<string, DatabaseFigures> = {};
if (wants('pglite')) results.pglite = await benchPglite();
if (postgresUrl && wants('postgres')) results.postgres = await benchPostgres(postgresUrl);
else if (!postgresUrl)
  progress('PostgreSQL skipped: set XINQIAO_BENCH_DATABASE_URL (or DATABASE_URL) to measure it too');

console.log(
  JSON.stringify({
    bench: 'api',
    school,
    account: 'counsellor',
    seconds,
    connections: connectionCounts,
    studentsPerSchool,
    node: process.version,
    cpus: cpus().length,
    // Other work on the machine slows every figure: the 1-minute load average before and after the runs (and each
    // case carries its own).
    loadAverage: { before: loadBefore, after: load() },
    results,
    ratios: ratiosOf(results),
    fairness: fairnessOf(results),
  }),
);

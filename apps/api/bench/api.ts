// pnpm bench:api — requests/s and p50/p99 latency of a counsellor's student list and of one student's file, against
// the real server (bench/api-server.ts) with the demo data (4 schools x 5,000 students), on PGlite and, when
// XINQIAO_BENCH_DATABASE_URL or DATABASE_URL names a PostgreSQL server (an ordinary role with CREATEDB, as the
// server refuses superusers), on a fresh database there. Loopback only. Prints ONE JSON line on stdout; progress on
// stderr. Knobs: XINQIAO_BENCH_SECONDS (10 per case), XINQIAO_BENCH_CONNECTIONS (4: PGlite answers one query at a time, and the machine has few cores), XINQIAO_BENCH_SCHOOL (hrbmu).
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

const seconds = Number(process.env.XINQIAO_BENCH_SECONDS) || 10;
const connections = Number(process.env.XINQIAO_BENCH_CONNECTIONS) || 4;
const school = process.env.XINQIAO_BENCH_SCHOOL || 'hrbmu';
const progress = (line: string) => process.stderr.write(`${line}\n`);
const apiDir = fileURLToPath(new URL('..', import.meta.url));

interface CaseFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface DatabaseFigures {
  seedSeconds: number;
  studentList: CaseFigures;
  studentFile: CaseFigures;
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

/** Start bench/api-server.ts and wait for its ready line. */
async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; seedSeconds: number }> {
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
      if (line) resolve({ child, seedSeconds: (JSON.parse(line) as { seedSeconds: number }).seedSeconds });
    });
  });
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

async function firstStudentId(base: string, cookie: string): Promise<{ id: string; total: number }> {
  const res = await fetch(`${base}/api/students?pageSize=1`, { headers: { cookie } });
  const page = (await res.json()) as { items: { id: string }[]; total: number };
  if (res.status !== 200 || !page.items[0])
    throw new Error(`the counsellor's student list answered ${res.status}`);
  return { id: page.items[0].id, total: page.total };
}

async function measure(title: string, url: string, cookie: string): Promise<CaseFigures> {
  progress(`  ${title}: ${seconds} s, ${connections} connections → ${url}`);
  // A slow answer is counted with its latency rather than dropped as a timeout.
  const options = { url, connections, headers: { cookie }, timeout: 60 };
  await autocannon({ ...options, duration: 2 }); // warm-up, not counted
  const result = await autocannon({ ...options, duration: seconds });
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    requests: Object.values(result.statusCodeStats).reduce((n, s) => n + Number(s.count), 0),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function benchOne(label: string, env: Record<string, string>): Promise<DatabaseFigures> {
  const port = await freePort();
  progress(`${label}: starting the server with the demo data (seeding takes a while on first start)…`);
  const { child, seedSeconds } = await startServer({ ...env, BENCH_PORT: String(port) });
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base);
    const student = await firstStudentId(base, cookie);
    progress(`${label}: ${school}/counsellor sees ${student.total} students`);
    return {
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      studentList: await measure('student list', `${base}/api/students`, cookie),
      studentFile: await measure('student file', `${base}/api/students/${student.id}/file`, cookie),
    };
  } finally {
    await stopServer(child);
  }
}

async function benchPglite(): Promise<DatabaseFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'xinqiao-bench-'));
  try {
    return await benchOne('PGlite', { BENCH_PGLITE_DIR: dir, DATABASE_URL: '' });
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
    return await benchOne('PostgreSQL', { DATABASE_URL: url.toString() });
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const loadBefore = Math.round(loadavg()[0]! * 10) / 10;
const postgresUrl = process.env.XINQIAO_BENCH_DATABASE_URL || process.env.DATABASE_URL;
const results: Record<string, DatabaseFigures> = { pglite: await benchPglite() };
if (postgresUrl) results.postgres = await benchPostgres(postgresUrl);
else progress('PostgreSQL skipped: set XINQIAO_BENCH_DATABASE_URL (or DATABASE_URL) to measure it too');

console.log(
  JSON.stringify({
    bench: 'api',
    school,
    account: 'counsellor',
    seconds,
    connections,
    node: process.version,
    cpus: cpus().length,
    // Other work on the machine slows every figure: the 1-minute load average before and after the runs.
    loadAverage: { before: loadBefore, after: Math.round(loadavg()[0]! * 10) / 10 },
    results,
  }),
);

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { type Database, students } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { createTestDatabase } from '@xinqiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { defaultConfig } from '../context.ts';
import { jobKinds } from '../jobs/kinds.ts';
import { schoolJobScope } from '../jobs/runner-transaction.ts';
import { type JobWorker, startJobWorker } from '../jobs/worker.ts';
import { openWave, phq9Row } from '../modules/screening/testing.ts';
import {
  loginAs,
  seedTestWorld,
  type TestSession,
  type TestWorld,
  testPluginCatalog,
} from '../testing/index.ts';
import { FairQueue } from './fair-queue.ts';
import { queueTransactions } from './queued-database.ts';
import { httpServerSettings, serverOptionsOf, tuneHttpServer } from './server-options.ts';

// Issue 16.2: one school cannot stall another. A real HTTP server (sockets, Node's timeouts), the database behind
// the fair queue, a job worker: while school alpha trickles an upload and runs a large screening import, school
// beta's student list is answered promptly. Before: the upload's route read its body inside the request's
// transaction, and on PGlite (one connection) every school waited for the upload to end.

const IMPORT_ROWS = 6_000;
const BODY_DEADLINE_MS = 3_000;

let db: Database & { queue: FairQueue };
let raw: Database;
let world: TestWorld;
let server: Server;
let base: string;
let worker: JobWorker;
let center: TestSession;
let beta: TestSession;
let waveId: string;

beforeAll(async () => {
  raw = await createTestDatabase();
  world = await seedTestWorld(raw);
  await addStudents(raw, world);
  db = queueTransactions(
    raw,
    new FairQueue({ concurrency: raw.kind === 'pglite' ? 1 : 4, maxWaitMs: 10_000, maxWaiting: 1_000 }),
  );
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  const config = { ...defaultConfig, secureCookies: false, bodyDeadlineMs: BODY_DEADLINE_MS };
  const app = createApp({ db, plugins, config, log: (m, e) => console.error(m, e) });
  worker = startJobWorker({
    deps: { db, plugins, config, clock: () => new Date(), log: () => {} },
    kinds: jobKinds,
    pollMs: 20,
  });
  const settings = httpServerSettings(BODY_DEADLINE_MS);
  server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, serverOptions: serverOptionsOf(settings) }, () =>
      resolve(s as Server),
    ) as Server;
  });
  tuneHttpServer(server, settings);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One after the other, and once more after a throttled answer: in the full PostgreSQL run the first sign-in has
  // answered 429 (cause not found yet, docs: session note); the throttle is not what this file tests.
  const signIn = async (school: string, username: string) => {
    try {
      return await loginAs(app, school, username);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      return loginAs(app, school, username);
    }
  };
  center = await signIn('alpha', 'staff');
  beta = await signIn('beta', 'counsellor1');
  waveId = await openWave(center);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  server?.close();
  await raw?.close();
});

async function addStudents(database: Database, w: TestWorld): Promise<void> {
  const alpha = w.schools.alpha;
  const [college] = alpha.colleges;
  await withTenant(database, schoolJobScope(alpha.id, [], ['/']), (tx) =>
    tx.insert(students).values(
      Array.from({ length: IMPORT_ROWS }, (_, i) => ({
        schoolId: alpha.id,
        studentNumber: `slow-${String(i).padStart(5, '0')}`,
        name: `学生${i}`,
        gender: (i % 2 ? 'female' : 'male') as 'female' | 'male',
        enrolmentYear: 2024,
        collegeUnitId: college!.id,
        classUnitId: college!.classId,
      })),
    ),
  );
}

/** Sends the request line, headers and a few bytes of a 100 kB body, then one byte every 200 ms: never done. */
function slowUpload(session: TestSession, path: string): { answer: Promise<string>; stop(): void } {
  const url = new URL(base);
  const socket = connect(Number(url.port), url.hostname);
  const headers = session.headers({ 'content-type': 'text/csv', origin: base, host: url.host });
  const head = [
    `POST ${path} HTTP/1.1`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'content-length: 100000',
    '',
    '',
  ].join('\r\n');
  socket.write(`${head}学号,答案\n`);
  const trickle = setInterval(() => socket.writable && socket.write('1'), 200);
  let received = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (chunk) => {
      received += String(chunk);
    });
    socket.on('close', () => resolve(received));
    socket.on('error', () => resolve(received));
  });
  return {
    answer,
    stop: () => {
      clearInterval(trickle);
      socket.destroy();
    },
  };
}

describe('one school cannot stall another (issue 16.2)', () => {
  it('answers another school promptly while a slow upload and a large import run; the upload ends 408', async () => {
    const listTook = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/students?limit=20`, {
        headers: beta.headers(),
        signal: AbortSignal.timeout(8_000),
      });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    // The same request with nothing else running, on this machine at this moment: on a CI machine busy with other
    // suites a request's own work takes far longer than on an idle one.
    const alone: number[] = [];
    for (let i = 0; i < 9; i++) alone.push(await listTook());
    const aloneP50 = alone.sort((a, b) => a - b)[4]!;
    const csv = [
      '学号,答案',
      ...Array.from({ length: IMPORT_ROWS }, (_, i) =>
        phq9Row(`slow-${String(i).padStart(5, '0')}`, [1, 0, 0, 0, 0, 0, 0, 0, i % 10 === 0 ? 1 : 0]),
      ),
    ].join('\n');
    const started = await fetch(`${base}/api/screening/waves/${waveId}/imports?fileName=big.csv`, {
      method: 'POST',
      headers: center.headers({ 'content-type': 'text/csv', origin: base }),
      body: csv,
    });
    expect(started.status).toBe(202);
    const importId = ((await started.json()) as { id: string }).id;

    const upload = slowUpload(center, `/api/screening/waves/${waveId}/imports?fileName=slow.csv`);
    const latencies: number[] = [];
    const until = Date.now() + BODY_DEADLINE_MS + 1_000;
    while (Date.now() < until) {
      latencies.push(await listTook());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const answer = await Promise.race([
      upload.answer,
      new Promise<string>((resolve) => setTimeout(() => resolve('(no answer)'), 20_000)),
    ]);
    upload.stop();
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)]!;
    const max = latencies.at(-1)!;
    const progress = (await (
      await fetch(`${base}/api/screening/imports/${importId}`, { headers: center.headers() })
    ).json()) as { status: string; rowsAccepted: number };
    const longestTurn = db.queue.stats().maxHoldMs;
    console.log(
      `beta's student list during the slow upload and the ${IMPORT_ROWS}-row import: ${latencies.length} requests, p50 ${p50.toFixed(0)} ms (alone ${aloneP50.toFixed(0)} ms), max ${max.toFixed(0)} ms; the longest transaction ${longestTurn} ms; import ${progress.status} (${progress.rowsAccepted} rows)`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('application/problem+json');
    expect(answer).toContain('http.request-timeout');
    // Before: the first request waited for the upload (a minute or more; aborted at 8 s). Now a request waits at
    // most for a transaction in progress (the import's 5,000-row batch is the longest: ~0.2 s on an idle machine,
    // seconds on a loaded one) and its own turn; nothing waits for a client.
    expect(max).toBeLessThan(2 * longestTurn + 1_000);
    // Half the requests wait at most for one turn of the import and do their own work (as long as alone, twice).
    expect(p50).toBeLessThan(longestTurn + 500 + 2 * aloneP50);
    await worker.drained(60_000);
  }, 120_000);
});

// The API server the `bench:api` benchmark measures, started by bench/api.ts as a child process: what `pnpm start`
// runs (policy plugins, migrations, the demo seed of four schools, createApp, @hono/node-server), without the
// frontends, bound to 127.0.0.1 only, with the fair database queue, plus the bench's own minimal tenant route
// (bench/baseline.ts) on the same database. After a first seed it makes the measured school's working rows
// (bench/workload.ts). Progress goes to stderr; one JSON line on stdout says it serves, with how long the start took.
//   BENCH_PORT        port to listen on (127.0.0.1)
//   BENCH_PGLITE_DIR  PGlite data folder, unless DATABASE_URL names a PostgreSQL database
//   BENCH_SCHOOL      the school whose counsellor the baseline route reads as (hrbmu)
//   BENCH_STUDENTS    students of that school when seeding (the demo's 5,000 by default; the others keep 5,000)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDatabase, refreshStatistics } from '@xinqiao/db';
import { loadPluginDirectory } from '@xinqiao/policy';
import { createApp } from '../src/app.ts';
import { configFromEnv } from '../src/context.ts';
import { FairQueue } from '../src/http/fair-queue.ts';
import { queueOptionsFromEnv, queueTransactions } from '../src/http/queued-database.ts';
import { registryCatalog } from '../src/modules/plugins/catalog.ts';
import { seedDemoDataIfEmpty } from '../src/seed/demo.ts';
import { BASELINE_PATH, baselineApp, benchCaller } from './baseline.ts';
import { prepareWorkload } from './workload.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const progress = (line: string) => process.stderr.write(`  [server] ${line}\n`);

const port = Number(process.env.BENCH_PORT);
const school = process.env.BENCH_SCHOOL || 'hrbmu';
const benchStudents = Number(process.env.BENCH_STUDENTS) || undefined;
const plugins = registryCatalog(await loadPluginDirectory(join(repoRoot, 'plugins')));
const config = configFromEnv(process.env);
const db = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.BENCH_PGLITE_DIR,
});
const seedStarted = performance.now();
const seeded = await seedDemoDataIfEmpty(
  db,
  (code) => plugins.registry().forSchool(code)?.manifest.network,
  progress,
  (code) => (code === school ? benchStudents : undefined),
);
// The measured school's working rows (a wave's results and follow-ups, the evaluated warnings), once, after the seed.
const workload = seeded.length > 0 ? await prepareWorkload(db, plugins, config, school, progress) : undefined;
const seedSeconds = (performance.now() - seedStarted) / 1000;
await refreshStatistics(db, 'never-analysed'); // as main.ts does at every start
// As main.ts: requests take turns at the database through the fair queue (the baseline route goes straight to it).
const queued = queueTransactions(db, new FairQueue(queueOptionsFromEnv(process.env, db.kind)));
const app = createApp({ db: queued, plugins, config });
const baseline = baselineApp(db, await benchCaller(db, school, 'counsellor'));
const fetch = (request: Request, env?: unknown) =>
  new URL(request.url).pathname === BASELINE_PATH ? baseline.fetch(request) : app.fetch(request, env);
const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => {
  // performance.now() counts from the process's start: the whole start, module loading included.
  const startSeconds = performance.now() / 1000;
  process.stdout.write(
    `${JSON.stringify({ ready: true, database: db.kind, seeded, seedSeconds, startSeconds, workload })}\n`,
  );
});

const stop = () => {
  server.close();
  void db.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

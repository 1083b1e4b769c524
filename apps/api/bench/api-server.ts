// The API server the `bench:api` benchmark measures, started by bench/api.ts as a child process: what `pnpm start`
// runs (policy plugins, migrations, the demo seed of four schools x 5,000 students, createApp, @hono/node-server),
// without the frontends, bound to 127.0.0.1 only. Progress goes to stderr; one JSON line on stdout says it serves.
//   BENCH_PORT        port to listen on (127.0.0.1)
//   BENCH_PGLITE_DIR  PGlite data folder, unless DATABASE_URL names a PostgreSQL database
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDatabase } from '@xinqiao/db';
import { loadPluginDirectory } from '@xinqiao/policy';
import { createApp } from '../src/app.ts';
import { configFromEnv } from '../src/context.ts';
import { registryCatalog } from '../src/modules/plugins/catalog.ts';
import { seedDemoDataIfEmpty } from '../src/seed/demo.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const progress = (line: string) => process.stderr.write(`  [server] ${line}\n`);

const port = Number(process.env.BENCH_PORT);
const plugins = registryCatalog(await loadPluginDirectory(join(repoRoot, 'plugins')));
const db = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.BENCH_PGLITE_DIR,
});
const seedStarted = performance.now();
const seeded = await seedDemoDataIfEmpty(
  db,
  (code) => plugins.registry().forSchool(code)?.manifest.network,
  progress,
);
const seedSeconds = (performance.now() - seedStarted) / 1000;
const app = createApp({ db, plugins, config: configFromEnv(process.env) });
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  process.stdout.write(`${JSON.stringify({ ready: true, database: db.kind, seeded, seedSeconds })}\n`);
});

const stop = () => {
  server.close();
  void db.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

/**
 * `pnpm start`: load the policy plugins, open the database (PGlite in `.data/pglite` unless DATABASE_URL) and
 * migrate it, seed the demo schools into an empty database, build any frontend not built yet, then serve the API
 * and the frontends on PORT (3000).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import {
  type AuditAnchor,
  configureAuditAnchor,
  type Database,
  loadOrCreateAuditSecret,
  openDatabase,
  refreshStatistics,
  UnsafeDatabaseRoleError,
} from '@xinqiao/db';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { loadPluginDirectory, PluginRegistry, watchPluginDirectory } from '@xinqiao/policy';
import { createApp } from './app.ts';
import { listSchoolDirectory } from './auth/school-directory.ts';
import { clockFromEnv } from './clock.ts';
import { configFromEnv } from './context.ts';
import { answerClientErrors } from './http/client-errors.ts';
import { FairQueue } from './http/fair-queue.ts';
import { buildMissingFrontends } from './http/frontend-build.ts';
import { discoverFrontends } from './http/frontend-dist.ts';
import { queueOptionsFromEnv, queueTransactions } from './http/queued-database.ts';
import { httpServerSettings, serverOptionsOf, tuneHttpServer } from './http/server-options.ts';
import { jobKinds, jobSchedules } from './jobs/kinds.ts';
import { startJobWorker } from './jobs/worker.ts';
import { type ReloadableCatalog, registryCatalog } from './modules/plugins/catalog.ts';
import { seedDemoDataIfEmpty } from './seed/demo.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const log = (line: string) => console.log(line);

async function loadPlugins(): Promise<ReloadableCatalog> {
  const dir = join(repoRoot, 'plugins');
  const registry = existsSync(dir) ? await loadPluginDirectory(dir) : new PluginRegistry(dir, []);
  for (const plugin of registry.plugins) {
    if (plugin.status === 'active') {
      log(`  ✓ 策略插件 / plugin ${plugin.id} ${plugin.version}`);
    } else {
      log(`  ✗ 策略插件 / plugin ${plugin.id} 已拒绝 / refused:`);
      for (const error of plugin.errors) log(`      ${error.file}: ${error.path}: ${error.message}`);
    }
  }
  const catalog = registryCatalog(registry);
  if (process.env.NODE_ENV === 'development') {
    watchPluginDirectory(dir, (next) => {
      catalog.replace(next);
      log(
        `插件已重新加载 / plugins reloaded: ${next
          .list()
          .map((p) => `${p.id}=${p.status}`)
          .join(', ')}`,
      );
    });
  }
  return catalog;
}

const dataRoot = process.env.XINQIAO_DATA_DIR || join(repoRoot, '.data');

async function openPlatformDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const migrationUrl = process.env.DATABASE_MIGRATION_URL || undefined;
  const dataDir = join(dataRoot, 'pglite');
  log(
    url
      ? '打开 PostgreSQL / opening PostgreSQL (DATABASE_URL)…'
      : `打开内嵌数据库 / opening PGlite in ${dataDir}…`,
  );
  try {
    return await openDatabase({ url, migrationUrl, dataDir });
  } catch (error) {
    if (error instanceof UnsafeDatabaseRoleError) {
      console.error(`拒绝启动 / refusing to start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The audit chain's anchor outside the database (issue 16.4): the signing key (XINQIAO_AUDIT_KEY, or a key file
 * created on first start), the file of the newest committed head per school, and the checkpoint interval.
 */
function anchorAuditChain(db: Database): AuditAnchor {
  const env = process.env;
  const keyFile = env.XINQIAO_AUDIT_KEY_FILE || join(dataRoot, 'audit', 'signing.key');
  const anchor = configureAuditAnchor(db, {
    secret: loadOrCreateAuditSecret(env.XINQIAO_AUDIT_KEY, keyFile),
    anchorFile: env.XINQIAO_AUDIT_ANCHOR_FILE || join(dataRoot, 'audit', 'anchors.json'),
    checkpointIntervalMs: (Number(env.XINQIAO_AUDIT_CHECKPOINT_SECONDS) || 60) * 1000,
  });
  log(
    `  审计签名密钥 / audit signing key ${anchor.key.keyId}${env.XINQIAO_AUDIT_KEY ? '' : ` (${keyFile})`}`,
  );
  return anchor;
}

async function seedIfEmpty(db: Database, plugins: ReloadableCatalog): Promise<void> {
  const started = Date.now();
  // XINQIAO_DEMO_STUDENTS: students per demo school (default about 5,000; `pnpm test:security` seeds fewer).
  const students = Number(process.env.XINQIAO_DEMO_STUDENTS) || undefined;
  const seeded = await seedDemoDataIfEmpty(
    db,
    (code) => plugins.registry().forSchool(code)?.manifest.network,
    (message) => log(`  ${message}`),
    students,
  );
  if (seeded.length > 0)
    log(`  演示数据完成 / demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

async function printWhereToSignIn(db: Database, port: number): Promise<void> {
  const url = `http://localhost:${port}`;
  const known = await listSchoolDirectory(db);
  log('');
  log(`心桥 Xinqiao 已启动 / is running at ${url}`);
  log(`  登录 / sign in:  ${url}/  (学校 school · 用户名 username · 密码 password)`);
  if (known.length > 0) {
    log(`  学校代码 / school codes: ${known.map((s) => `${s.code} (${s.name})`).join(', ')}`);
    log(
      `  演示账号 / demo accounts: counsellor, director, admin… 密码 / password ${DEMO_PASSWORD} (README: 演示账号)`,
    );
  }
  log(`  API 文档 / API reference: ${url}/api/docs`);
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT) || 3000;
  log('心桥 Xinqiao 启动中 / starting…');
  // Together: PGlite compiles its WebAssembly and reads its files while the plugins' rules are compiled.
  const [plugins, opened] = await Promise.all([loadPlugins(), openPlatformDatabase()]);
  const auditAnchor = anchorAuditChain(opened);
  await seedIfEmpty(opened, plugins);
  // Statistics for tables never analysed (a migration's new tables, a database seeded before they were kept).
  await refreshStatistics(opened, 'never-analysed');
  // Requests and background batches take turns at the database, fairly, with a bounded wait (docs/security.md).
  const db = queueTransactions(opened, new FairQueue(queueOptionsFromEnv(process.env, opened.kind)));
  const frontends = discoverFrontends(repoRoot);
  if (process.env.XINQIAO_SKIP_FRONTEND_BUILD !== '1') await buildMissingFrontends(frontends, repoRoot, log);
  const config = configFromEnv(process.env);
  // The real time; a browser test's server may run ahead (clock.ts).
  const clock = clockFromEnv(process.env);
  const app = createApp({ db, plugins, config, frontends, clock });
  // Background jobs (screening imports, the daily clean-up): any number of API processes share the queue.
  const worker = startJobWorker({
    deps: {
      db,
      plugins,
      config,
      clock,
      log: (message, error) => console.error(message, error ?? ''),
    },
    kinds: jobKinds,
    schedules: jobSchedules,
    ...(Number(process.env.XINQIAO_JOB_LEASE_MS) > 0
      ? { leaseMs: Number(process.env.XINQIAO_JOB_LEASE_MS) }
      : {}),
  });
  const http = httpServerSettings(config.bodyDeadlineMs);
  const server = serve(
    { fetch: app.fetch, port, serverOptions: serverOptionsOf(http) },
    () => void printWhereToSignIn(db, port),
  );
  tuneHttpServer(server as Server, http);
  answerClientErrors(server);
  const stop = () => {
    server.close();
    // A running job goes back to the queue without using a try; the next process resumes it.
    void worker
      .stop()
      .then(() => auditAnchor.close())
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('启动失败 / failed to start:', error);
  process.exit(1);
});

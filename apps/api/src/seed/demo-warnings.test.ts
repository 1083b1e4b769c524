import { type Database, schools, warnings } from '@xinqiao/db';
import { runInTransaction, withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { createTestDatabase } from '@xinqiao/db/testing';
import { loadPluginDirectory } from '@xinqiao/policy';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../auth/scope.ts';
import { defaultConfig } from '../context.ts';
import { runAsJobRunner } from '../jobs/runner-transaction.ts';
import { registryCatalog } from '../modules/plugins/catalog.ts';
import { runSchoolEvaluation } from '../modules/warnings/job.ts';
import { REPO_PLUGINS_DIR } from '../testing/plugins.ts';
import { seedDemoDataIfEmpty } from './demo.ts';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  const registry = await loadPluginDirectory(REPO_PLUGINS_DIR);
  const levels = (code: string) =>
    code === 'hrbmu' ? registry.forSchool(code)?.manifest.network : undefined;
  await seedDemoDataIfEmpty(db, levels, undefined, 600);
  const plugins = registryCatalog(registry);
  const [school] = await runInTransaction(db, (tx) => tx.select({ id: schools.id }).from(schools));
  await runSchoolEvaluation(
    {
      job: { id: 'seed', kind: 'warnings.evaluate', schoolId: school!.id, attempt: 1, maxAttempts: 1 },
      signal: new AbortController().signal,
      inTenant: (scope, work) => withTenant(db, scope, work),
      asJobRunner: (work) => runAsJobRunner(db, work),
      deps: { db, plugins, config: defaultConfig, clock: () => new Date(), log: () => {} },
    },
    school!.id,
  );
}, 180_000);
afterAll(() => db?.close());

describe('seed/demo-warnings', () => {
  it('gives the demo counsellor’s college academic, spending and lost-contact warnings', async () => {
    const [school] = await runInTransaction(db, (tx) => tx.select({ id: schools.id }).from(schools));
    const open = await withTenant(
      db,
      tenantScope({ schoolId: school!.id, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] }),
      (tx) =>
        tx
          .select({ module: warnings.module, level: warnings.level })
          .from(warnings)
          .where(eq(warnings.status, 'open')),
    );
    const modules = new Set(open.map((w) => w.module));
    expect([...modules].sort()).toEqual(['academic', 'lost-contact', 'spending']);
    expect(open.some((w) => w.module === 'academic' && w.level === 'red')).toBe(true);
    expect(open.some((w) => w.module === 'academic' && w.level === 'yellow')).toBe(true);
  });
});

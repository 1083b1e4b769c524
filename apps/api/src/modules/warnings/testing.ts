import type { FeedKind } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { tenantScope } from '../../auth/scope.ts';
import { defaultConfig } from '../../context.ts';
import type { JobContext } from '../../jobs/kind.ts';
import { runAsJobRunner } from '../../jobs/runner-transaction.ts';
import type { TestApp } from '../../testing/index.ts';
import type { PluginCatalog } from '../plugins/catalog.ts';
import { parseFeedRows, storeFeedBatch } from './feeds/service.ts';
import { FEEDS_CAPABILITY } from './job.ts';

/** A job context over the test app's database, as the worker would give one (for running jobs in tests). */
export function testJobContext(
  t: TestApp,
  plugins: PluginCatalog,
  schoolId: string | null = null,
): JobContext {
  return {
    job: { id: 'test', kind: 'test', schoolId, attempt: 1, maxAttempts: 3 },
    signal: new AbortController().signal,
    inTenant: (scope, work) => withTenant(t.db, scope, work),
    asJobRunner: (work) => runAsJobRunner(t.db, work),
    deps: { db: t.db, plugins, config: defaultConfig, clock: t.clock, log: () => {} },
  };
}

/** Stores feed rows (JSON, as the integration API takes them) for a test school, as the import role. */
export function storeTestFeed(
  t: TestApp,
  plugins: PluginCatalog,
  code: 'alpha' | 'beta',
  feed: FeedKind,
  rows: readonly unknown[],
) {
  const schoolId = t.world.schools[code].id;
  const { valid, errors } = parseFeedRows(feed, rows);
  return withTenant(
    t.db,
    tenantScope({
      schoolId,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: [FEEDS_CAPABILITY],
    }),
    (tx) =>
      storeFeedBatch(tx, {
        schoolId,
        schoolCode: code,
        plugin: plugins.active(code)?.compiled,
        feed,
        rows: valid,
        errors,
        channel: { kind: 'api', tokenId: crypto.randomUUID(), tokenName: 'test' },
        now: t.clock(),
      }),
  );
}

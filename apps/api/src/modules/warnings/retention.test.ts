import { feedActivityEvents, feedCardTransactions } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import type { PluginCatalog } from '../plugins/catalog.ts';
import { dailyWarningsJob } from './job.ts';
import { storeTestFeed, testJobContext } from './testing.ts';

// The test clock: 2025-03-03. alpha has hrbmu's policy: raw card and activity rows are kept 180 days.
let t: TestApp;
let plugins: PluginCatalog;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } }));
  t = await createTestApp({ plugins });
});
afterAll(() => t?.close());

const asImportRole = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(
    t.db,
    tenantScope({
      schoolId: t.world.schools.alpha.id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: ['feeds.raw'],
    }),
    work,
  );

describe('retention of raw feed rows', () => {
  it('deletes card transactions and activity events older than the plugin’s retention, daily, and keeps the rest', async () => {
    const number = t.world.schools.alpha.colleges[0].studentNumbers[0]!;
    const at = (daysAgo: number) => new Date(t.clock().getTime() - daysAgo * DAY).toISOString();
    await storeTestFeed(t, plugins, 'alpha', 'card', [
      { studentNumber: number, occurredAt: at(200), ref: 'OLD', amount: 10, place: 'canteen' },
      { studentNumber: number, occurredAt: at(10), ref: 'NEW', amount: 10, place: 'canteen' },
    ]);
    await storeTestFeed(t, plugins, 'alpha', 'activity', [
      { studentNumber: number, occurredAt: at(181), source: 'door' },
      { studentNumber: number, occurredAt: at(1), source: 'door' },
    ]);
    await dailyWarningsJob.run({}, testJobContext(t, plugins));
    const left = await asImportRole(async (tx) => ({
      card: (await tx.select({ ref: feedCardTransactions.ref }).from(feedCardTransactions)).map((r) => r.ref),
      activity: (await tx.select().from(feedActivityEvents)).length,
    }));
    expect(left).toEqual({ card: ['NEW'], activity: 1 });
  });

  it('lets no one but the import role read raw rows', async () => {
    const rows = await withTenant(
      t.db,
      tenantScope({
        schoolId: t.world.schools.alpha.id,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
      }),
      (tx) => tx.select().from(feedCardTransactions),
    );
    expect(rows).toEqual([]);
  });
});

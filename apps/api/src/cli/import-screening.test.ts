import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, screeningResults, screeningWaves } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { testDatabaseKind } from '@xinqiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../auth/scope.ts';
import { seedTestWorld, type TestWorld, testPluginCatalog } from '../testing/index.ts';
import { CliError, importScreening } from './import-screening.ts';

// The CLI opens the server's PGlite folder itself; on the PostgreSQL project it would need DATABASE_URL instead.
describe.skipIf(testDatabaseKind() === 'postgres')('pnpm xinqiao import-screening', () => {
  const root = mkdtempSync(join(tmpdir(), 'xinqiao-cli-'));
  let world: TestWorld;
  let repoRoot: string;
  const scope = () =>
    tenantScope({
      schoolId: world.schools.alpha.id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: ['screening.answers'],
    });

  beforeAll(async () => {
    process.env.XINQIAO_DATA_DIR = root;
    const db = await openDatabase({ dataDir: join(root, 'pglite') });
    world = await seedTestWorld(db);
    await withTenant(db, scope(), (tx) =>
      tx.insert(screeningWaves).values({
        schoolId: world.schools.alpha.id,
        academicYear: 2024,
        name: '春季全校排查',
        instrument: 'PHQ-9',
        cohort: 'all',
        opensOn: '2025-03-01',
        closesOn: '2025-03-31',
        status: 'open',
      }),
    );
    await db.close();
    repoRoot = dirname((await testPluginCatalog({ copies: { alpha: 'hrbmu' } })).dir);
  }, 180_000); // a PGlite folder on disk runs initdb
  afterAll(() => {
    delete process.env.XINQIAO_DATA_DIR;
  });

  it('imports a file into the wave named, as a center account, reporting bad rows', async () => {
    const file = join(root, 'wave.csv');
    const [c1] = world.schools.alpha.colleges;
    writeFileSync(
      file,
      `学号,答案\n${c1.studentNumbers[0]},"0,0,0,0,0,0,0,0,1"\nnobody,"0,0,0,0,0,0,0,0,0"\n`,
    );
    const command = { wave: '春季全校排查', file, school: 'alpha', as: 'staff', repoRoot };
    expect(await importScreening(command)).toBe(0);
    await expect(importScreening({ ...command, as: 'counsellor1' })).rejects.toThrow(CliError);
    const db = await openDatabase({ dataDir: join(root, 'pglite') });
    const results = await withTenant(db, scope(), (tx) => tx.select().from(screeningResults));
    await db.close();
    expect(results.map((r) => [r.studentId, r.attentionTier])).toEqual([[c1.studentIds[0], 1]]);
  }, 120_000);
});

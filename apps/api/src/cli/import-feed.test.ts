import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { feedGrades, openDatabase } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { testDatabaseKind } from '@xinqiao/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tenantScope } from '../auth/scope.ts';
import { seedTestWorld, type TestWorld, testPluginCatalog } from '../testing/index.ts';
import { importFeed } from './import-feed.ts';
import { CliError } from './import-screening.ts';

// The CLI opens the server's PGlite folder itself; on the PostgreSQL project it would need DATABASE_URL instead.
describe.skipIf(testDatabaseKind() === 'postgres')('pnpm xinqiao import-feed', () => {
  const root = mkdtempSync(join(tmpdir(), 'xinqiao-cli-feed-'));
  let world: TestWorld;
  let repoRoot: string;
  const scope = () =>
    tenantScope({
      schoolId: world.schools.alpha.id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: ['feeds.raw'],
    });
  const storedGrades = async () => {
    const db = await openDatabase({ dataDir: join(root, 'pglite') });
    try {
      return await withTenant(db, scope(), (tx) => tx.select().from(feedGrades));
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    process.env.XINQIAO_DATA_DIR = root;
    const db = await openDatabase({ dataDir: join(root, 'pglite') });
    world = await seedTestWorld(db);
    await db.close();
    // alpha runs hrbmu's policy: its early-warning area holds the GPA formula the grades feed needs.
    repoRoot = dirname((await testPluginCatalog({ copies: { alpha: 'hrbmu' } })).dir);
  }, 180_000); // a PGlite folder on disk runs initdb
  afterAll(() => {
    delete process.env.XINQIAO_DATA_DIR;
  });

  it('stores a grades file as the school admin, once; a bad row is printed with its row and column and stores nothing', async () => {
    const [c1] = world.schools.alpha.colleges;
    const good = join(root, 'grades.csv');
    writeFileSync(
      good,
      `学号,学期,课程代码,课程名称,学分,成绩\n${c1.studentNumbers[0]},2024-2025-1,M101,高等数学,4,58\n` +
        `${c1.studentNumbers[1]},2024-2025-1,M101,高等数学,4,92\n`,
    );
    const command = { feed: 'grades', file: good, school: 'alpha', as: 'admin', repoRoot };
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await importFeed(command)).toBe(0);
      expect(log.mock.calls.at(-1)?.[0]).toContain('新写入 written 2');
      expect(await importFeed(command)).toBe(0);
      expect(log.mock.calls.at(-1)?.[0]).toContain('新写入 written 0, 已存在 unchanged 2');

      const bad = join(root, 'bad.csv');
      writeFileSync(
        bad,
        `学号,学期,课程代码,课程名称,学分,成绩\n${c1.studentNumbers[2]},2024秋,P101,大学物理,4,70\n`,
      );
      log.mockClear();
      expect(await importFeed({ ...command, file: bad })).toBe(1);
      const printed = log.mock.calls.map((call) => String(call[0])).join('\n');
      expect(printed).toContain('第 2 行 / row 2 [学期]');
      expect(printed).toContain('未导入 / not imported');
    } finally {
      log.mockRestore();
    }
    await expect(importFeed({ ...command, as: 'counsellor1' })).rejects.toThrow(CliError);
    await expect(importFeed({ ...command, feed: 'library' })).rejects.toThrow(CliError);
    expect((await storedGrades()).map((g) => [g.studentId, g.courseCode]).sort()).toEqual(
      [
        [c1.studentIds[0], 'M101'],
        [c1.studentIds[1], 'M101'],
      ].sort(),
    );
  }, 120_000);
});

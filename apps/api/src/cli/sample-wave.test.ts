import { dirname } from 'node:path';
import { generateDemoSchool } from '@xinqiao/demo-data';
import { loadPluginDirectory } from '@xinqiao/policy';
import { describe, expect, it } from 'vitest';
import { parsedRows } from '../modules/screening/import/parsed-rows.ts';
import { testPluginCatalog } from '../testing/index.ts';
import { sampleWave } from './sample-wave.ts';

describe('pnpm xinqiao sample-wave', () => {
  it('writes demo students of every college with scored answers, then three rows the import refuses', async () => {
    const { dir } = await testPluginCatalog({ copies: { hrbmu: 'hrbmu' } });
    const repoRoot = dirname(dir);
    const csv = await sampleWave({ school: 'hrbmu', instrument: 'PHQ-9', rows: 60, repoRoot });
    const parsed = [];
    const stream = (async function* () {
      yield new TextEncoder().encode(csv);
    })();
    for await (const row of parsedRows({ stream, filename: 'wave.csv', instrument: 'PHQ-9' }))
      parsed.push(row);
    const good = parsed.filter((row) => !('reason' in row));
    const bad = parsed.filter((row) => 'reason' in row);
    // 60 demo students and one number no student has, which parses and is refused by the import's lookup.
    expect(good).toHaveLength(61);
    expect(bad.map((row) => ('reason' in row ? row.row : 0))).toEqual([63, 64]);

    const plugin = (await loadPluginDirectory(dir)).forSchool('hrbmu')!;
    const school = generateDemoSchool({ schoolCode: 'hrbmu', levels: plugin.manifest.network });
    const byNumber = new Map(school.students.map((s) => [s.studentNumber, s]));
    const colleges = new Set(
      good
        .slice(0, 60)
        .map((row) => ('studentNumber' in row ? byNumber.get(row.studentNumber)?.collegeRef : undefined)),
    );
    expect(colleges.has(undefined)).toBe(false);
    expect(colleges.size).toBe(new Set(school.students.map((s) => s.collegeRef)).size);
    expect(good.at(-1)).toMatchObject({ rowNumber: 62, studentNumber: '2099000001' });
    expect(byNumber.has('2099000001')).toBe(false);
  });
});

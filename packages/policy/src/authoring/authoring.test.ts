import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main';
import { AREA_CONTRACTS } from '../contracts';
import type { AreaContract } from '../contracts/contract';
import { compilePlugin, type PluginBundle } from '../engine/plugin';
import { REPO_PLUGINS, seedPlugins } from '../testing/repo';
import { findConflicts } from './conflicts';
import { describeTransition, diffArea } from './diff';
import { publishedSchemas, schemaText } from './json-schema';
import { defaultSeedsDir, repoRoot } from './paths';
import { generatePopulation } from './population';
import { checkQuotes } from './quotes';

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'policy-authoring-'));
  temps.push(dir);
  return dir;
}

/** Runs a CLI command and returns its exit code and stdout lines. */
async function cli(argv: string[]): Promise<{ code: number; lines: string[] }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, lines: out.trimEnd().split('\n') };
  } finally {
    spy.mockRestore();
  }
}

/** The hut plugin reduced to one area, with an edit applied to its rules. */
async function hutArea(area: 'penalty-points', edit: (rules: { overrides?: string[] }[]) => void = () => {}) {
  const hut = (await seedPlugins()).forSchool('hut')!;
  const bundle = structuredClone(hut.bundle) as {
    manifest: { areas: Record<string, string> };
    rules: Record<string, { rules: { overrides?: string[] }[] }>;
  };
  bundle.manifest.areas = { [area]: hut.manifest.areas[area]! };
  edit(bundle.rules[area]!.rules);
  const compiled = compilePlugin(bundle as PluginBundle);
  if (!compiled.ok) throw new Error('the edited plugin must compile');
  return compiled.plugin;
}

describe('authoring/conflicts', () => {
  it('finds where articles 5 and 7 of seed 002 both price a meeting, and shows hut resolves each pair', async () => {
    const conflicts = await findConflicts(await hutArea('penalty-points'));
    expect(conflicts.filter((conflict) => conflict.status === 'unresolved')).toEqual([]);
    const absent = conflicts.find(
      (conflict) =>
        conflict.a === 'art5-department-routine-absent' && conflict.b === 'art7-absent-below-three-stars',
    );
    expect(absent).toMatchObject({
      status: 'override',
      resolution: 'art5-department-routine-absent overrides art7-absent-below-three-stars',
      why: 'both price the same record: -3 and -5 would be added',
      facts: { recordKind: 'meeting-attendance', meetingType: 'department-routine', attendance: 'absent' },
    });
    expect(conflicts.filter((conflict) => conflict.status === 'override')).toHaveLength(12);
  });

  it('reports them unresolved when the overrides are taken out', async () => {
    const plugin = await hutArea('penalty-points', (rules) => {
      for (const rule of rules) delete rule.overrides;
    });
    const open = (await findConflicts(plugin)).filter((conflict) => conflict.status === 'unresolved');
    expect(open.map((conflict) => `${conflict.a} ${conflict.b}`)).toContain(
      'art5-plenary-absent art7-absent-three-stars-or-more',
    );
    expect(open).toHaveLength(12);
  });
});

describe('authoring/diff', () => {
  it('counts the students who move when a threshold changes, and nobody when nothing does', async () => {
    const hrbmu = (await seedPlugins()).forSchool('hrbmu')!;
    const bundle = structuredClone(hrbmu.bundle) as PluginBundle & {
      rules: Record<string, { rules: { conditions: { all: { fact: string; value: unknown }[] } }[] }>;
    };
    for (const rule of bundle.rules['tier-thresholds']!.rules) {
      for (const condition of rule.conditions.all)
        if (condition.fact === 'upiTotal' && condition.value === 25) condition.value = 22;
    }
    const changed = compilePlugin(bundle);
    if (!changed.ok) throw new Error('must compile');
    const contract = AREA_CONTRACTS['tier-thresholds'] as AreaContract;
    const population = generatePopulation(contract, [hrbmu.ruleSet('tier-thresholds')], 600, 5);
    const diff = await diffArea(hrbmu, changed.plugin, 'tier-thresholds', population);
    const upiAt22to24 = population.filter(
      (facts) =>
        facts.instrument === 'UPI' && (facts.upiTotal as number) >= 22 && (facts.upiTotal as number) <= 24,
    );
    const alreadyTier1 = upiAt22to24.filter(
      (facts) => facts.upiItem25 || (facts.upiExtraItemsYes as number) >= 2 || facts.upiAsksForCounselling,
    );
    expect(diff.changed).toBe(upiAt22to24.length - alreadyTier1.length);
    expect(diff.changed).toBeGreaterThan(0);
    expect(diff.transitions.map((transition) => describeTransition(transition, diff.subjects))).toEqual([
      `${diff.changed} students move from tier 2 to tier 1`,
    ]);
    expect(diff.rulesUnchanged).toBe(false);
    // The same rules at both revisions: nothing is evaluated, nothing moves; evaluated anyway, nothing moves either.
    expect(await diffArea(hrbmu, hrbmu, 'tier-thresholds', population)).toMatchObject({
      changed: 0,
      total: 600,
      rulesUnchanged: true,
    });
    expect(
      await diffArea(hrbmu, hrbmu, 'tier-thresholds', population, { evaluateUnchanged: true }),
    ).toMatchObject({ changed: 0, total: 600, rulesUnchanged: false, transitions: [] });
  });

  it('reads the base from git and reports the moved subjects (pnpm policy diff)', async () => {
    const repo = await tempDir();
    await cp(path.join(REPO_PLUGINS, 'hrbmu'), path.join(repo, 'plugins', 'hrbmu'), { recursive: true });
    const git = (...args: string[]) =>
      spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args]);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const file = path.join(repo, 'plugins', 'hrbmu', 'rules', 'tier-thresholds.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"value": 25', '"value": 22'));
    const diffAgainstHead = (...more: string[]) =>
      cli(['diff', '--base', 'HEAD', 'hrbmu', '--dir', path.join(repo, 'plugins'), '--size', '400', ...more]);
    const { code, lines } = await diffAgainstHead('--area', 'tier-thresholds');
    expect(code).toBe(0);
    const { version } = JSON.parse(
      await readFile(path.join(repo, 'plugins', 'hrbmu', 'plugin.json'), 'utf8'),
    );
    expect(lines[0]).toBe(`hrbmu: HEAD (${version}) → work tree (${version})`);
    expect(lines[1]).toMatch(
      /^ {2}tier-thresholds: \d+ of 400 students change outcome \(a generated population\)$/,
    );
    expect(lines[2]).toMatch(/^ {4}\d+ students move from tier 2 to tier 1$/);
    // Every area: only the changed one is evaluated, the others say why they cannot move.
    const all = await diffAgainstHead();
    expect(all.code).toBe(0);
    expect(all.lines).toContain('  staffing-ratio: rules unchanged; no subject can change outcome');
    expect(all.lines.filter((line) => line.includes('change outcome (a generated population)'))).toEqual([
      expect.stringMatching(/^ {2}tier-thresholds: [1-9]\d* of 400 students change outcome/),
    ]);
    await expect(
      cli(['diff', '--base', '--upload-pack=x', '--dir', path.join(repo, 'plugins')]),
    ).resolves.toMatchObject({ code: 2 });
  });
});

describe('authoring/cli', () => {
  it('runs the cases and ends with "N passed, N failed"; a failure shows expected, actual and the conditions', async () => {
    const dir = await tempDir();
    await cp(
      path.join(import.meta.dirname, '..', 'loader', 'fixtures', 'plugins', 'good-school'),
      path.join(dir, 'good-school'),
      { recursive: true },
    );
    expect((await cli(['test', '--dir', dir])).lines.at(-1)).toBe('2 passed, 0 failed');
    expect((await cli(['coverage', '--dir', dir])).lines.at(-1)).toBe(
      'coverage 100.0% of 1 rules (threshold 100%): ok',
    );
    const file = path.join(dir, 'good-school', 'rules', 'staffing.json');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('"studentsPerStaff": 1000', '"studentsPerStaff": 2000'),
    );
    const { code, lines } = await cli(['test', '--dir', dir]);
    expect(code).toBe(1);
    expect(lines).toContain('  ✗ 2,500 students need 3');
    expect(lines).toContain('      result differs at $.requiredFullTimeStaff');
    expect(lines).toContain('        ✓ one-per-1000 (fired)');
    expect(lines).toContain('            ✓ enrolment greaterThan 0 (fact: 2500)');
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
  });

  it('fails coverage and names the rule that never stays silent', async () => {
    const dir = await tempDir();
    await cp(
      path.join(import.meta.dirname, '..', 'loader', 'fixtures', 'plugins', 'good-school'),
      path.join(dir, 'good-school'),
      { recursive: true },
    );
    const tests = path.join(dir, 'good-school', 'tests', 'staffing.json');
    const suite = JSON.parse(await readFile(tests, 'utf8'));
    suite.cases = suite.cases.slice(0, 1);
    await writeFile(tests, JSON.stringify(suite));
    const { code, lines } = await cli(['coverage', '--dir', dir]);
    expect(code).toBe(1);
    expect(lines).toContain('    never silent: one-per-1000');
  });
});

describe('authoring/quotes', () => {
  const seeds = defaultSeedsDir();
  it.skipIf(!seeds)(
    'finds every quoted sentence in the seed it names, and flags one that is not there',
    async () => {
      const registry = await seedPlugins();
      for (const plugin of registry.active())
        expect(await checkQuotes(plugin, seeds!, `plugins/${plugin.id}`)).toEqual([]);
      const hut = registry.forSchool('hut')!;
      const bundle = structuredClone(hut.bundle) as {
        rules: Record<string, { rules: { source: { quote?: string }[] }[] }>;
      };
      bundle.rules['penalty-points']!.rules[0]!.source[0]!.quote = '部門日常例會遲到者-2分';
      const tampered = compilePlugin(bundle as PluginBundle);
      if (!tampered.ok) throw new Error('must compile');
      expect(await checkQuotes(tampered.plugin, seeds!, 'plugins/hut')).toEqual([
        {
          file: 'plugins/hut/rules/penalty-points.json',
          path: '$.rules[0].source[0].quote',
          message: 'quote not found in 002_665b4880934e24c4.txt',
        },
      ]);
    },
  );
});

describe('authoring/json-schema', () => {
  it('publishes the JSON Schemas in docs/ exactly as the loader’s schemas generate them', async () => {
    for (const [name, schema] of Object.entries(publishedSchemas())) {
      expect(
        await readFile(path.join(repoRoot(), 'docs', name), 'utf8'),
        `docs/${name}: run pnpm policy schema`,
      ).toBe(schemaText(schema));
    }
  });
});

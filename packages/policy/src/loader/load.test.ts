import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../engine/plugin';
import { loadPluginDirectory } from './load';
import { watchPluginDirectory } from './watch';

const fixtureSource = path.join(import.meta.dirname, 'fixtures', 'plugins');
let fixtures = '';
// The fixtures plus a plugin.json that is not JSON (kept out of the repo so the linter can parse every file).
beforeAll(async () => {
  fixtures = path.join(await mkdtemp(path.join(tmpdir(), 'policy-fixtures-')), 'plugins');
  await cp(fixtureSource, fixtures, { recursive: true });
  await mkdir(path.join(fixtures, 'broken-json'));
  await writeFile(
    path.join(fixtures, 'broken-json', 'plugin.json'),
    '{\n  "id": "broken-json",\n  "version": "1.0.0",\n  "engine": "^1.0.0",\n}\n',
  );
});
afterAll(async () => {
  await rm(path.dirname(fixtures), { recursive: true, force: true });
});
const repoPlugins = path.join(import.meta.dirname, '..', '..', '..', '..', 'plugins');

describe('loader/loadPluginDirectory', () => {
  it('loads the four seed schools as active plugins, each under its school code', async () => {
    const registry = await loadPluginDirectory(repoPlugins);
    expect(registry.list().map(({ id, status, errors }) => ({ id, status, errors }))).toEqual([
      { id: 'hrbmu', status: 'active', errors: [] },
      { id: 'hut', status: 'active', errors: [] },
      { id: 'nuc-shuozhou', status: 'active', errors: [] },
      { id: 'wuhan-polytechnic', status: 'active', errors: [] },
    ]);
    expect(registry.forSchool('hut')?.manifest.school.name).toBe('湖南工业大学');
    expect(registry.forSchool('nobody')).toBeUndefined();
  });

  it('refuses a broken plugin with errors naming file and JSON path, and keeps serving the others', async () => {
    const registry = await loadPluginDirectory(fixtures);
    const good = registry.forSchool('good-school');
    expect(good).toBeDefined();
    expect((await evaluate(good!, 'staffing-ratio', { enrolment: 2500 })).requiredFullTimeStaff).toBe(3);
    const errorsOf = (id: string) => registry.list().find((plugin) => plugin.id === id)?.errors;
    expect(registry.get('typo-school')?.status).toBe('refused');
    expect(registry.forSchool('typo-school')).toBeUndefined();
    expect(errorsOf('typo-school')).toEqual([
      'plugins/typo-school/rules/penalty-points.json: $.rules[3].conditions.all[0].fact: unknown fact "minutesLat" (did you mean "minutesLate"?)',
    ]);
    expect(errorsOf('broken-json')).toEqual([
      'plugins/broken-json/plugin.json: $: invalid JSON: Expected double-quoted property name (line 5, column 1)',
    ]);
  });

  it('reports every manifest problem of a plugin in one pass', async () => {
    const registry = await loadPluginDirectory(fixtures);
    const errors = registry.list().find((plugin) => plugin.id === 'bad-manifest')?.errors ?? [];
    const file = 'plugins/bad-manifest/plugin.json';
    expect(errors).toEqual(
      expect.arrayContaining([
        `${file}: $.areas["tier-threshold"]: unknown area "tier-threshold" (did you mean "tier-thresholds"?); known: screening-cadence, tier-thresholds, staffing-ratio, funding-formula, training-hours, penalty-points, term-sanctions, support-targets, early-warning, case-templates, concern-signs, key-students, crisis-protocol, student-services, tree-hole`,
        `${file}: $.version: expected a semantic version, e.g. "1.2.0"`,
        `${file}: $.areas["staffing-ratio"]: expected a .json path inside the plugin folder (no "..", no leading "/")`,
        `${file}: $.ui.manifestUrl: expected a URL relative to the plugin folder`,
        `${file}: $.id: id "other-id" must equal the folder name "bad-manifest"`,
        `${file}: $.engine: requires engine "^2.0.0" but this is 1.0.0`,
        `${file}: $.network[1].key: level "class" must come after college (root first)`,
        `${file}: $.network: the network must have a level with key "dorm" (students are placed on college, class and dorm)`,
      ]),
    );
  });

  it('names a missing rule file once, against plugin.json', async () => {
    const registry = await loadPluginDirectory(fixtures);
    const errors = registry.list().find((plugin) => plugin.id === 'bad-rules')?.errors ?? [];
    expect(errors.filter((error) => error.includes('missing.json'))).toEqual([
      'plugins/bad-rules/plugin.json: $.areas["staffing-ratio"]: rule file "rules/missing.json" not found',
    ]);
  });
});

describe('loader/watchPluginDirectory', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reloads after an edit: a plugin broken on disk comes back refused, the others stay active', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'policy-watch-'));
    await cp(path.join(fixtures, 'good-school'), path.join(dir, 'good-school'), { recursive: true });
    await cp(path.join(fixtures, 'typo-school'), path.join(dir, 'typo-school'), { recursive: true });
    const rulesFile = path.join(dir, 'good-school', 'rules', 'staffing.json');
    const changed = new Promise<Awaited<ReturnType<typeof loadPluginDirectory>>>((resolve) => {
      const watcher = watchPluginDirectory(
        dir!,
        (registry) => {
          watcher.close();
          resolve(registry);
        },
        { debounceMs: 50 },
      );
    });
    const text = await readFile(rulesFile, 'utf8');
    await writeFile(rulesFile, text.replace('"studentsPerStaff": 1000', '"studentsPerStaff": 0'));
    const registry = await changed;
    expect(registry.list().find((plugin) => plugin.id === 'good-school')).toMatchObject({
      status: 'refused',
      errors: [
        `${path.basename(dir)}/good-school/rules/staffing.json: $.rules[0].event.params.studentsPerStaff: Too small: expected number to be >=1`,
      ],
    });
  });
});

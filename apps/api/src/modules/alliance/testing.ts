import { join } from 'node:path';
import { compilePlugin, readPluginBundle } from '@xinqiao/policy';
import { json, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { REPO_PLUGINS_DIR } from '../../testing/plugins.ts';
import type { ActivePlugin, PluginCatalog } from '../plugins/catalog.ts';

/** A rule file edit for a test plugin: change the rule set of an area in place. */
export type RuleEdit = (rules: {
  rules: { name: string; event: { params: Record<string, unknown> } }[];
}) => void;

/**
 * Seed 002's plugin (`plugins/hut`) re-issued for a test school, optionally at a version of the test's own (tests pin
 * one, so the repository's plugin may move on) and with edited rules
 * (to re-price a term under a changed plugin).
 *
 * @example
 * const changed = await hutPluginFor('alpha', { version: '1.1.0', edit: { 'penalty-points': (f) => ... } });
 */
export async function hutPluginFor(
  school: string,
  options: { version?: string; edit?: Partial<Record<'penalty-points' | 'term-sanctions', RuleEdit>> } = {},
): Promise<ActivePlugin> {
  const read = await readPluginBundle(join(REPO_PLUGINS_DIR, 'hut'), 'plugins/hut');
  if (!read.bundle) throw new Error(`cannot read plugins/hut: ${JSON.stringify(read.errors)}`);
  const original = read.bundle.manifest as Record<string, unknown> & { school: Record<string, unknown> };
  const manifest = {
    ...original,
    id: school,
    version: options.version ?? (original.version as string),
    school: { ...original.school, code: school },
  };
  delete (manifest as { ui?: unknown }).ui;
  const rules = structuredClone(read.bundle.rules) as Record<string, unknown>;
  for (const [area, edit] of Object.entries(options.edit ?? {}))
    edit?.(rules[area] as Parameters<RuleEdit>[0]);
  const compiled = compilePlugin({ manifest, rules }, { displayDir: 'plugins/hut' });
  if (!compiled.ok) throw new Error(`plugins/hut as ${school}: ${JSON.stringify(compiled.errors)}`);
  return { id: school, version: compiled.plugin.version, manifest, rules, compiled: compiled.plugin };
}

/** A catalog whose one school's plugin a test can swap, as a reload would. */
export interface SwappableCatalog extends PluginCatalog {
  swap(next: ActivePlugin): void;
}

/** A catalog holding one active plugin that `swap` replaces. */
export function swappableCatalog(initial: ActivePlugin): SwappableCatalog {
  let current = initial;
  return {
    list: () => [{ id: current.id, version: current.version, status: 'active' as const, errors: [] }],
    active: (code) => (code === current.id ? current : undefined),
    swap: (next) => {
      current = next;
    },
  };
}

/** The small alliance every alliance test starts from (made through the API, as an administrator would). */
export interface TestAlliance {
  admin: TestSession;
  officer: TestSession;
  termId: string;
  departments: { office: string; publicity: string };
  /** Member ids: the officer (office cadre), a publicity cadre, four staff. */
  members: { officer: string; cadre: string; b: string; c: string; d: string; e: string };
}

/** POST as a session and read the JSON answer. */
export async function post(session: TestSession, path: string, body: unknown = {}) {
  const res = await session.request(path, { method: 'POST', body });
  return { status: res.status, body: await json(res), type: res.headers.get('content-type') };
}

/** GET as a session and read the JSON answer. */
export async function get(session: TestSession, path: string) {
  const res = await session.request(path);
  return { status: res.status, body: await json(res) };
}

async function created(session: TestSession, path: string, body: unknown): Promise<string> {
  const res = await post(session, path, body);
  if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * Sets up seed 002's alliance for the test school `alpha`: the office and publicity departments, one term, an office
 * cadre linked to the `alliance` account as the officer who scores, a publicity cadre and four staff.
 */
export async function setUpAlliance(t: TestApp): Promise<TestAlliance> {
  const admin = await loginAs(t.app, 'alpha', 'admin');
  const officer = await loginAs(t.app, 'alpha', 'alliance');
  const office = await created(admin, '/api/alliance/departments', { name: '办公室', kind: 'office' });
  const publicity = await created(admin, '/api/alliance/departments', { name: '宣传部', kind: 'publicity' });
  const termId = await created(admin, '/api/alliance/terms', {
    name: '2024—2025学年第二学期',
    startsOn: '2025-02-24',
    endsOn: '2025-07-06',
  });
  const member = (name: string, departmentId: string, memberRole: 'cadre' | 'staff', extra = {}) =>
    created(admin, `/api/alliance/terms/${termId}/members`, { name, departmentId, memberRole, ...extra });
  const alpha = t.world.schools.alpha;
  const members = {
    officer: await member('富绍鑫', office, 'cadre', {
      isOfficer: true,
      personId: alpha.people.alliance,
      studentId: alpha.colleges[0].studentIds[0],
    }),
    cadre: await member('郭建明', publicity, 'cadre'),
    b: await member('韦欣丽', publicity, 'staff'),
    c: await member('王玉凤', publicity, 'staff'),
    d: await member('魏畅', office, 'staff'),
    e: await member('陈盈', publicity, 'staff'),
  };
  return { admin, officer, termId, departments: { office, publicity }, members };
}

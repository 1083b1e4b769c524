import { join } from 'node:path';
import { compilePlugin, readPluginBundle } from '@xinqiao/policy';
import { type ActivePlugin, fixedCatalog, type PluginCatalog } from '../plugins/catalog.ts';

/** The repository's plugins folder. */
export const PLUGINS_DIR = join(import.meta.dirname, '..', '..', '..', '..', '..', 'plugins');

/** A seed school's plugin to re-issue for a test school, with manifest fields to add or replace. */
export interface SeedPluginUse {
  seed: string;
  school: string;
  manifest?: Record<string, unknown>;
}

async function reissue({ seed, school, manifest: extra = {} }: SeedPluginUse): Promise<ActivePlugin> {
  const dir = join(PLUGINS_DIR, seed);
  const read = await readPluginBundle(dir, `plugins/${seed}`);
  if (!read.bundle || read.errors.length > 0)
    throw new Error(`cannot read plugins/${seed}: ${JSON.stringify(read.errors)}`);
  const original = read.bundle.manifest as Record<string, unknown> & { school: Record<string, unknown> };
  const manifest = { ...original, ...extra, id: school, school: { ...original.school, code: school } };
  const compiled = compilePlugin({ manifest, rules: read.bundle.rules }, { displayDir: `plugins/${seed}` });
  if (!compiled.ok) throw new Error(`plugins/${seed} as ${school}: ${JSON.stringify(compiled.errors)}`);
  const { plugin } = compiled;
  return { id: school, version: plugin.version, manifest, rules: { ...read.bundle.rules }, compiled: plugin };
}

/**
 * A catalog of seed schools' real plugins (their manifests and rule files, compiled as the API loads them)
 * re-issued for the test schools, so tests run a school's real rules on the small test world.
 *
 * @example
 * createTestApp({ plugins: await seedPluginCatalog([{ seed: 'hrbmu', school: 'alpha' }]) })
 */
export async function seedPluginCatalog(uses: SeedPluginUse[]): Promise<PluginCatalog> {
  return fixedCatalog(await Promise.all(uses.map(reissue)));
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledPlugin } from '../engine/plugin';
import { jsonPath, type PolicyError } from '../errors';

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Checks that every `source.quote` of a plugin's rules appears word for word (whitespace ignored) in the seed file
 * it names, so each rule stays traceable to the sentence it encodes.
 * @example await checkQuotes(plugin, '../shared/seeds', 'plugins/hut') // [] when every quote is found
 */
export async function checkQuotes(
  plugin: CompiledPlugin,
  seedsDir: string,
  displayDir: string,
): Promise<PolicyError[]> {
  const seeds = new Map<string, string | undefined>();
  const seedText = async (name: string) => {
    if (!seeds.has(name))
      seeds.set(name, await readFile(path.join(seedsDir, name), 'utf8').then(squeeze, () => undefined));
    return seeds.get(name);
  };
  const errors: PolicyError[] = [];
  for (const area of plugin.areas) {
    const file = `${displayDir}/${plugin.manifest.areas[area]}`;
    for (const rule of plugin.ruleSet(area)?.rules ?? []) {
      for (const [index, source] of rule.source.entries()) {
        if (!source.seed || !source.quote) continue;
        const text = await seedText(source.seed);
        const at = jsonPath(['rules', rule.index, 'source', index, text === undefined ? 'seed' : 'quote']);
        if (text === undefined)
          errors.push({ file, path: at, message: `seed file "${source.seed}" not found in ${seedsDir}` });
        else if (!text.includes(squeeze(source.quote)))
          errors.push({ file, path: at, message: `quote not found in ${source.seed}` });
      }
    }
  }
  return errors;
}

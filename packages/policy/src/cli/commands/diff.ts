import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeTransition, diffArea, sameRules } from '../../authoring/diff';
import { gitTopLevel, listFolders, readBundleAtRef, refExists } from '../../authoring/git';
import { userPath } from '../../authoring/paths';
import { generatePopulation, readPopulationCsv } from '../../authoring/population';
import { selectPlugins } from '../../authoring/suite';
import { AREA_CONTRACTS, type AreaId, isAreaId } from '../../contracts';
import type { AreaContract } from '../../contracts/contract';
import { compilePlugin } from '../../engine/plugin';
import { formatPolicyError } from '../../errors';
import { loadPluginDirectory } from '../../loader/load';
import { parseCommand, say } from '../args';

/**
 * `diff --base <ref> [plugin] [--population file.csv --area <area>] [--size N] [--seed N]`: evaluates each plugin at
 * the base revision and in the work tree over the same population and reports the subjects whose outcome changes.
 */
export async function diffCommand(argv: string[]): Promise<number> {
  const { positionals, dir, values } = parseCommand(argv, {
    base: { type: 'string' },
    population: { type: 'string' },
    area: { type: 'string' },
    size: { type: 'string' },
    seed: { type: 'string' },
    examples: { type: 'string' },
  });
  const base = values.base;
  if (typeof base !== 'string') throw new Error('diff needs --base <git-ref>, e.g. --base origin/main');
  const onlyArea = values.area;
  if (onlyArea !== undefined && (typeof onlyArea !== 'string' || !isAreaId(onlyArea)))
    throw new Error(`unknown area ${JSON.stringify(onlyArea)}`);
  if (values.population !== undefined && onlyArea === undefined)
    throw new Error("--population needs --area <area> (the CSV holds that area's facts)");
  const size = values.size === undefined ? undefined : Number(values.size);
  const seed = Number(values.seed ?? 1);
  const examples = Number(values.examples ?? 3);
  const csv =
    typeof values.population === 'string' ? await readFile(userPath(values.population), 'utf8') : undefined;
  // Read the population file before any output, so a bad column fails the command up front.
  const given =
    csv && onlyArea ? readPopulationCsv(csv, AREA_CONTRACTS[onlyArea as AreaId] as AreaContract) : undefined;

  const registry = await loadPluginDirectory(dir);
  const top = gitTopLevel(registry.dir);
  if (!refExists(top, base)) throw new Error(`unknown git revision "${base}"`);
  const repoDir = path.relative(top, registry.dir).split(path.sep).join('/');
  const atBase = new Set(listFolders(top, base, repoDir));
  let failed = 0;
  for (const loaded of selectPlugins(registry, positionals[0])) {
    const head = loaded.plugin;
    if (!head) {
      say(`✗ ${loaded.id}: refused in the work tree (run validate)`);
      failed++;
      continue;
    }
    if (!atBase.has(loaded.id)) {
      say(`${loaded.id}: new plugin (not at ${base})`);
      continue;
    }
    const displayDir = `${repoDir}/${loaded.id}@${base}`;
    const read = readBundleAtRef(top, base, `${repoDir}/${loaded.id}`, displayDir);
    const compiled = read.bundle ? compilePlugin(read.bundle, { displayDir, folder: loaded.id }) : undefined;
    if (!compiled?.ok || read.errors.length) {
      say(`${loaded.id}: the base revision is refused; nothing to compare:`);
      for (const error of [...read.errors, ...(compiled?.errors ?? [])]) say(`  ${formatPolicyError(error)}`);
      continue;
    }
    const basePlugin = compiled.plugin;
    say(`${loaded.id}: ${base} (${basePlugin.version}) → work tree (${head.version})`);
    const areas = onlyArea ? [onlyArea as AreaId] : [...new Set([...basePlugin.areas, ...head.areas])];
    for (const area of areas) {
      if (!head.provides(area) || !basePlugin.provides(area)) {
        if (onlyArea || head.provides(area) || basePlugin.provides(area)) {
          say(
            `  ${area}: ${head.provides(area) ? 'added' : basePlugin.provides(area) ? 'removed' : 'not provided'}`,
          );
        }
        continue;
      }
      if (sameRules(basePlugin, head, area)) {
        say(`  ${area}: rules unchanged; no subject can change outcome`);
        continue;
      }
      const contract = AREA_CONTRACTS[area] as AreaContract;
      const population = given
        ? given
        : generatePopulation(
            contract,
            [basePlugin.ruleSet(area), head.ruleSet(area)],
            size ?? contract.populationSize ?? 5000,
            seed,
          );
      const diff = await diffArea(basePlugin, head, area, population);
      const source = given ? 'the population file' : 'a generated population';
      say(`  ${area}: ${diff.changed} of ${diff.total} ${diff.subjects.many} change outcome (${source})`);
      for (const transition of diff.transitions) {
        say(`    ${describeTransition(transition, diff.subjects)}`);
        if (examples > 0) say(`      e.g. ${JSON.stringify(transition.example)}`);
      }
    }
  }
  return failed ? 1 : 0;
}

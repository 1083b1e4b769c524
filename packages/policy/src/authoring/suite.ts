import type { PolicyError } from '../errors';
import type { LoadedPlugin, PluginRegistry } from '../loader/load';
import { type CaseOutcome, readTestFiles, runCase, type TestFile } from './cases';

/** A plugin with its test files and the outcome of every case. */
export interface PluginSuite {
  readonly loaded: LoadedPlugin;
  readonly displayDir: string;
  readonly files: readonly TestFile[];
  readonly fileErrors: readonly PolicyError[];
  readonly outcomes: readonly CaseOutcome[];
}

/** The plugins of a registry to work on: all, or the one named (an unknown name is an error). */
export function selectPlugins(registry: PluginRegistry, only: string | undefined): LoadedPlugin[] {
  if (only === undefined) return [...registry.plugins];
  const found = registry.get(only);
  if (!found)
    throw new Error(
      `no plugin "${only}" in ${registry.dir} (found: ${registry.plugins.map((plugin) => plugin.id).join(', ') || 'none'})`,
    );
  return [found];
}

/**
 * Runs the test cases of each selected plugin. A refused plugin runs no case: each of its cases counts as failed.
 * @example const suites = await runSuites(await loadPluginDirectory('plugins'), 'hut');
 */
export async function runSuites(registry: PluginRegistry, only?: string): Promise<PluginSuite[]> {
  const suites: PluginSuite[] = [];
  for (const loaded of selectPlugins(registry, only)) {
    const displayDir = `${registry.dir.split(/[\\/]/).at(-1)}/${loaded.dir.split(/[\\/]/).at(-1)}`;
    const { files, errors } = await readTestFiles(loaded.dir, displayDir);
    const outcomes: CaseOutcome[] = [];
    for (const file of files) {
      for (const testCase of file.cases) {
        if (!loaded.plugin) {
          outcomes.push({
            file: file.file,
            area: file.area,
            testCase,
            passed: false,
            problems: ['the plugin is refused (run validate)'],
          });
        } else outcomes.push(await runCase(loaded.plugin, file.file, file.area, testCase));
      }
    }
    suites.push({ loaded, displayDir, files, fileErrors: errors, outcomes });
  }
  return suites;
}

/** How often each rule fired and stayed silent over a plugin's cases. */
export interface RuleCoverage {
  readonly pluginId: string;
  readonly area: string;
  readonly rule: string;
  readonly firedIn: number;
  readonly silentIn: number;
}

/** Coverage of every rule of every area of an active plugin (rules of areas without cases have zero counts). */
export function coverageOf(suite: PluginSuite): RuleCoverage[] {
  const plugin = suite.loaded.plugin;
  if (!plugin) return [];
  return plugin.areas.flatMap((area) =>
    (plugin.ruleSet(area)?.rules ?? []).map((rule) => {
      let firedIn = 0;
      let silentIn = 0;
      for (const outcome of suite.outcomes) {
        if (outcome.area !== area || !outcome.run) continue;
        const trace = outcome.run.trace.find((item) => item.name === rule.name);
        if (trace?.fired) firedIn++;
        else silentIn++;
      }
      return { pluginId: plugin.id, area, rule: rule.name, firedIn, silentIn };
    }),
  );
}

import { loadavg } from 'node:os';
import { Engine } from 'json-rules-engine';
import { type DiffEngine, diffArea } from '../../authoring/diff';
import { generatePopulation } from '../../authoring/population';
import { AREA_CONTRACTS, type AreaId } from '../../contracts';
import type { AreaContract } from '../../contracts/contract';
import { type CompiledPlugin, evaluate } from '../../engine/plugin';
import { loadPluginDirectory, type PluginRegistry } from '../../loader/load';
import { parseCommand, say } from '../args';

async function perSecond(count: number, run: (index: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(2000, count); i++) await run(i); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return Math.round(count / ((performance.now() - start) / 1000));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Seconds of what `policy diff` does for every area of a plugin: generate the population, evaluate it twice. */
async function diffSeconds(plugin: CompiledPlugin, size: number, engine: DiffEngine) {
  const areas: Record<string, number> = {};
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const area of plugin.areas) {
    const begun = performance.now();
    const population = generatePopulation(
      AREA_CONTRACTS[area] as AreaContract,
      [plugin.ruleSet(area)],
      size,
      1,
    );
    // The same plugin at both revisions: evaluated anyway, to measure what a diff of a changed area costs.
    await diffArea(plugin, plugin, area, population, { engine, evaluateUnchanged: true });
    areas[area] = Math.round(performance.now() - begun);
  }
  const used = process.cpuUsage(cpu);
  return {
    seconds: round1((performance.now() - start) / 1000) || 0,
    // Steadier than the wall time on a machine shared with other work.
    cpuSeconds: round1((used.user + used.system) / 1e6) || 0,
    areas,
  };
}

/**
 * `bench --diff`: what `policy diff` spends per plugin over a generated population of `--size` subjects (50,000 by
 * default) in every area, through the compiled conditions; and json-rules-engine on the same work for one plugin at a
 * tenth of the size, for comparison. The base and the head are the same plugin: the work does not depend on changes.
 */
async function benchDiff(registry: PluginRegistry, size: number): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: 'policy-diff', size, loadAverage: loadavg()[0] };
  const plugins: Record<string, unknown> = {};
  for (const loaded of registry.plugins)
    if (loaded.plugin) plugins[loaded.id] = await diffSeconds(loaded.plugin, size, 'compiled');
  figures.plugins = plugins;
  const reference = registry.forSchool('hut') ?? registry.plugins.find((loaded) => loaded.plugin)?.plugin;
  if (reference) {
    const small = Math.max(1, Math.round(size / 10));
    const compiled = await diffSeconds(reference, small, 'compiled');
    const engine = await diffSeconds(reference, small, 'json-rules-engine');
    figures.jsonRulesEngine = {
      plugin: reference.id,
      size: small,
      seconds: engine.seconds,
      compiledSeconds: compiled.seconds,
    };
  }
  figures.loadAverageAfter = loadavg()[0];
  figures.rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  return figures;
}

/**
 * `bench [--size N]`: one JSON line with sequential evaluations per second through `evaluate` and through a bare
 * json-rules-engine Engine holding the same rules (one engine, all rules of the area), for the hot areas.
 * `bench --diff [--size N]`: one JSON line of policy diff's time per plugin (see benchDiff).
 */
export async function benchCommand(argv: string[]): Promise<number> {
  const { dir, values } = parseCommand(argv, { size: { type: 'string' }, diff: { type: 'boolean' } });
  const registry = await loadPluginDirectory(dir);
  if (values.diff) {
    say(JSON.stringify(await benchDiff(registry, Number(values.size ?? 50_000))));
    return 0;
  }
  const size = Number(values.size ?? 20_000);
  const figures: Record<string, unknown> = { size };
  const targets: [string, AreaId][] = [
    ['hrbmu', 'tier-thresholds'],
    ['hut', 'penalty-points'],
    ['hut', 'term-sanctions'],
  ];
  for (const [id, area] of targets) {
    const plugin = registry.forSchool(id);
    const ruleSet = plugin?.ruleSet(area);
    if (!plugin || !ruleSet) continue;
    const contract = AREA_CONTRACTS[area] as AreaContract;
    const population = generatePopulation(contract, [ruleSet], size, 7);
    const bare = new Engine(
      ruleSet.rules.map((rule) => ({
        name: rule.name,
        priority: rule.priority,
        conditions: structuredClone(rule.conditions) as never,
        event: rule.event,
      })),
      { allowUndefinedFacts: true },
    );
    const derive = contract.derived;
    figures[`${id}/${area}`] = {
      rules: ruleSet.rules.length,
      evaluatePerSecond: await perSecond(size, (i) => evaluate(plugin, area, population[i]! as never)),
      bareEnginePerSecond: await perSecond(size, (i) =>
        bare.run(derive ? { ...population[i], ...derive.derive(population[i]!, []) } : { ...population[i] }),
      ),
    };
  }
  figures.rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  say(JSON.stringify(figures));
  return 0;
}

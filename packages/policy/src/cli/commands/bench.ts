import { Engine } from 'json-rules-engine';
import { generatePopulation } from '../../authoring/population';
import { AREA_CONTRACTS, type AreaId } from '../../contracts';
import type { AreaContract } from '../../contracts/contract';
import { evaluate } from '../../engine/plugin';
import { loadPluginDirectory } from '../../loader/load';
import { parseCommand, say } from '../args';

async function perSecond(count: number, run: (index: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(2000, count); i++) await run(i); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return Math.round(count / ((performance.now() - start) / 1000));
}

/**
 * `bench [--size N]`: one JSON line with sequential evaluations per second through `evaluate` and through a bare
 * json-rules-engine Engine holding the same rules (one engine, all rules of the area), for the hot areas.
 */
export async function benchCommand(argv: string[]): Promise<number> {
  const { dir, values } = parseCommand(argv, { size: { type: 'string' } });
  const size = Number(values.size ?? 20_000);
  const registry = await loadPluginDirectory(dir);
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

import { AREA_CONTRACTS, type AreaId } from '../contracts';
import type { AreaContract } from '../contracts/contract';
import { type CompiledPlugin, explain } from '../engine/plugin';
import { PolicyFactsError } from '../errors';

/** How many subjects of one transition moved, with an example subject. */
export interface Transition {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly example: Readonly<Record<string, unknown>>;
}

/** The change of one area's outcomes between two revisions of a plugin over a population. */
export interface AreaDiff {
  readonly pluginId: string;
  readonly area: AreaId;
  readonly subjects: AreaContract['subject'];
  readonly total: number;
  readonly changed: number;
  /** Largest first. */
  readonly transitions: readonly Transition[];
}

/** The outcome label of one subject, or a label for why there is none. */
async function outcomeOf(
  plugin: CompiledPlugin,
  area: AreaId,
  facts: Record<string, unknown>,
): Promise<string> {
  try {
    const run = await explain(plugin, area, facts);
    if (run.error) return `no decision (${run.error.message.replace(`${plugin.id} ${area}: `, '')})`;
    return (AREA_CONTRACTS[area] as AreaContract).outcome(run.result);
  } catch (error) {
    if (error instanceof PolicyFactsError) return 'invalid facts';
    throw error;
  }
}

/**
 * Evaluates an area at two revisions over the same population and counts the subjects whose outcome changes.
 * @example const diff = await diffArea(basePlugin, headPlugin, 'tier-thresholds', population); diff.changed // 312
 */
export async function diffArea(
  base: CompiledPlugin,
  head: CompiledPlugin,
  area: AreaId,
  population: readonly Record<string, unknown>[],
): Promise<AreaDiff> {
  const transitions = new Map<
    string,
    { from: string; to: string; count: number; example: Record<string, unknown> }
  >();
  let changed = 0;
  for (const facts of population) {
    const from = await outcomeOf(base, area, facts);
    const to = await outcomeOf(head, area, facts);
    if (from === to) continue;
    changed++;
    const key = `${from}\u0000${to}`;
    const entry = transitions.get(key);
    if (entry) entry.count++;
    else transitions.set(key, { from, to, count: 1, example: facts });
  }
  return {
    pluginId: head.id,
    area,
    subjects: (AREA_CONTRACTS[area] as AreaContract).subject,
    total: population.length,
    changed,
    transitions: [...transitions.values()].sort((a, b) => b.count - a.count),
  };
}

/**
 * One line per transition, e.g. `312 students move from tier 2 to tier 1`.
 * @example describeTransition({ from: 'tier 2', to: 'tier 1', count: 312, example: {} }, { one: 'student', many: 'students' })
 */
export function describeTransition(transition: Transition, subjects: AreaContract['subject']): string {
  const noun = transition.count === 1 ? subjects.one : subjects.many;
  return `${transition.count} ${noun} ${transition.count === 1 ? 'moves' : 'move'} from ${transition.from} to ${transition.to}`;
}

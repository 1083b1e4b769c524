import { AREA_CONTRACTS, type AreaId } from '../contracts';
import { canonicalJson } from '../contracts/common';
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
  /** The area's rules are the same at both revisions: no subject was evaluated, none can change outcome. */
  readonly rulesUnchanged: boolean;
  /** Largest first. */
  readonly transitions: readonly Transition[];
}

/**
 * How diffArea evaluates: `compiled` (the default) through CompiledArea.decision, ~50× faster; `json-rules-engine`
 * through the engine itself, which gives the same outcomes (fast-rules.test.ts) and is kept for comparison.
 */
export type DiffEngine = 'compiled' | 'json-rules-engine';

/** The outcome label of a decision, or a label for why there is none. */
function label(
  plugin: CompiledPlugin,
  area: AreaId,
  decided: { readonly result?: unknown; readonly error?: Error },
): string {
  if (decided.error) return `no decision (${decided.error.message.replace(`${plugin.id} ${area}: `, '')})`;
  return (AREA_CONTRACTS[area] as AreaContract).outcome(decided.result);
}

/** The outcome label of one subject, or a label for why there is none. */
async function outcomeOf(
  plugin: CompiledPlugin,
  area: AreaId,
  facts: Record<string, unknown>,
  engine: DiffEngine,
): Promise<string> {
  try {
    if (engine === 'compiled') return label(plugin, area, plugin.compiledArea(area)!.decision(facts));
    return label(plugin, area, await explain(plugin, area, facts));
  } catch (error) {
    if (error instanceof PolicyFactsError) return 'invalid facts';
    throw error;
  }
}

/** A subject's outcome at the base and at the head, when they differ. */
interface Change {
  readonly from: string;
  readonly to: string;
  readonly key: string;
}

/** How many subjects diffArea looks at before it decides whether remembering outcomes pays. */
const PROBE_SUBJECTS = 5_000;

/** Distinct subjects remembered by one diffArea call, at most (a large population file stays within memory). */
const MAX_KNOWN_SUBJECTS = 200_000;

/**
 * A key equal for two subjects exactly when they have the same facts with the same values (an absent fact and an
 * undefined one differ, as they do to the fact check; -0 and 0 differ); undefined when a value is not a scalar.
 */
export function subjectKey(facts: Readonly<Record<string, unknown>>): string | undefined {
  let key = '';
  for (const name in facts) {
    if (!Object.hasOwn(facts, name)) continue;
    const value = facts[name];
    let text: string;
    if (typeof value === 'string') text = JSON.stringify(value);
    else if (typeof value === 'number') text = Object.is(value, -0) ? '-0' : `n${value}`;
    else if (typeof value === 'boolean' || value === null || value === undefined) text = String(value);
    else return undefined;
    key += `${JSON.stringify(name)}:${text},`;
  }
  return key;
}

/**
 * Whether an area's rule set (conditions, events, priorities, overrides, the decision strategy, and the
 * descriptions and quotes, which change nothing but are compared too) is the same at both revisions. An area's outcome depends only on them and on its contract (the same code at both revisions), so then
 * no subject can change outcome.
 */
export function sameRules(base: CompiledPlugin, head: CompiledPlugin, area: AreaId): boolean {
  const before = base.ruleSet(area);
  return before !== undefined && canonicalJson(before) === canonicalJson(head.ruleSet(area));
}

/** How diffArea runs: the engine, and whether to evaluate an area whose rules are unchanged (the benchmark does). */
export interface DiffOptions {
  readonly engine?: DiffEngine;
  readonly evaluateUnchanged?: boolean;
}

/**
 * Evaluates an area at two revisions over the same population and counts the subjects whose outcome changes. An
 * area whose rules are the same at both ({@link sameRules}) is not evaluated: a policy change usually touches one
 * area, and the diff then costs that area's time only.
 * @example const diff = await diffArea(basePlugin, headPlugin, 'tier-thresholds', population); diff.changed // 312
 */
export async function diffArea(
  base: CompiledPlugin,
  head: CompiledPlugin,
  area: AreaId,
  population: readonly Record<string, unknown>[],
  { engine = 'compiled', evaluateUnchanged = false }: DiffOptions = {},
): Promise<AreaDiff> {
  if (!base.provides(area) || !head.provides(area))
    throw new Error(`both revisions must provide the area "${area}"`);
  const subjects = (AREA_CONTRACTS[area] as AreaContract).subject;
  if (!evaluateUnchanged && sameRules(base, head, area)) {
    const total = population.length;
    return { pluginId: head.id, area, subjects, total, changed: 0, rulesUnchanged: true, transitions: [] };
  }
  const transitions = new Map<
    string,
    { from: string; to: string; count: number; example: Record<string, unknown> }
  >();
  // Outcomes depend on the facts alone, and populations repeat subjects (a generated one of 50,000 has 2 to 49,000
  // distinct ones): each distinct subject is evaluated once.
  const known = new Map<string, Change | null>();
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0; // a subject without a decision throws twice inside decide; only the message is kept
  let changed = 0;
  try {
    let remembering = true;
    let repeats = 0;
    for (const [index, facts] of population.entries()) {
      // Few repeats among the first subjects (a population of distinct students): keying each one costs more than
      // it saves, so stop remembering.
      if (index === PROBE_SUBJECTS && repeats < PROBE_SUBJECTS / 10) remembering = false;
      const key = remembering ? subjectKey(facts) : undefined;
      let change = key === undefined ? undefined : known.get(key);
      if (change !== undefined) repeats++;
      if (change === undefined) {
        const from = await outcomeOf(base, area, facts, engine);
        const to = await outcomeOf(head, area, facts, engine);
        change = from === to ? null : { from, to, key: `${from}\u0000${to}` };
        if (key !== undefined && known.size < MAX_KNOWN_SUBJECTS) known.set(key, change);
      }
      if (change === null) continue;
      changed++;
      const entry = transitions.get(change.key);
      if (entry) entry.count++;
      else transitions.set(change.key, { from: change.from, to: change.to, count: 1, example: facts });
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return {
    pluginId: head.id,
    area,
    subjects,
    total: population.length,
    changed,
    rulesUnchanged: false,
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

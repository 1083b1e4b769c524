import type { AreaId } from '../contracts';
import { canonicalJson } from '../contracts/common';
import type { AreaContract, FiredRule } from '../contracts/contract';
import { type FactSpec, validateFacts } from '../contracts/facts';
import { type CompiledPlugin, explain } from '../engine/plugin';
import { conditionHolds } from '../rules/conditions';
import type { PolicyRule } from '../rules/schema';

/** Two rules that fire on the same facts with contradicting outcomes. */
export interface Conflict {
  readonly pluginId: string;
  readonly area: AreaId;
  readonly a: string;
  readonly b: string;
  /** Facts on which json-rules-engine fires both rules. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly why: string;
  /** `override`: one rule overrides the other; `strategy`: the decision strategy settles it; else unresolved. */
  readonly status: 'unresolved' | 'override' | 'strategy';
  readonly resolution: string;
  /** The two rules test exactly the same conditions (a likely copy or a contradiction in the source). */
  readonly identicalConditions: boolean;
}

type Tests = Map<string, unknown[]>;

/** Collects, per fact, the values a condition compares it with. */
function collectTests(node: unknown, into: Tests): void {
  const condition = node as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    if (Array.isArray(condition[key]))
      for (const child of condition[key] as unknown[]) collectTests(child, into);
  }
  if (condition.not) collectTests(condition.not, into);
  if (typeof condition.fact === 'string') {
    const values = into.get(condition.fact) ?? [];
    values.push(...(Array.isArray(condition.value) ? condition.value : [condition.value]));
    into.set(condition.fact, values);
  }
}

/** Values of an enum fact the rule's top-level `all` restricts it to. */
function required(rule: PolicyRule, fact: string): unknown[] | undefined {
  const all = (rule.conditions as { all?: { fact?: string; operator?: string; value?: unknown }[] }).all;
  for (const node of all ?? []) {
    if (node.fact !== fact) continue;
    if (node.operator === 'equal') return [node.value];
    if (node.operator === 'in' && Array.isArray(node.value)) return node.value;
  }
  return undefined;
}

function numericCandidates(spec: FactSpec, thresholds: unknown[]): number[] {
  const { min, max, kind } = spec.type as { min: number; max: number; kind: string };
  const step = kind === 'integer' ? 1 : 0.5;
  const values = new Set<number>([min]);
  for (const threshold of thresholds) {
    if (typeof threshold !== 'number') continue;
    for (const value of [threshold - step, threshold, threshold + step]) {
      if (value >= min && value <= max && (kind !== 'integer' || Number.isInteger(value))) values.add(value);
    }
  }
  return [...values];
}

function defaultValue(spec: FactSpec): unknown {
  if (spec.type.kind === 'enum') return spec.type.values[0];
  if (spec.type.kind === 'boolean') return false;
  return spec.type.min;
}

/** Every combination of the candidate values, lazily, at most `limit` of them. */
function* combinations(candidates: [string, unknown[]][], limit: number): Generator<Record<string, unknown>> {
  let produced = 0;
  const indexes = candidates.map(() => 0);
  while (produced < limit) {
    yield Object.fromEntries(candidates.map(([fact, values], i) => [fact, values[indexes[i]!]]));
    produced++;
    let position = candidates.length - 1;
    while (position >= 0) {
      indexes[position]!++;
      if (indexes[position]! < candidates[position]![1].length) break;
      indexes[position] = 0;
      position--;
    }
    if (position < 0) return;
  }
}

/** Completes a combination into facts the contract accepts (required facts in scope get a default), or undefined. */
function completeFacts(
  contract: AreaContract,
  combo: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const facts: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(contract.facts)) {
    const inScope = !spec.scope || spec.scope.values.includes(combo[spec.scope.fact] as string);
    if (name in combo && inScope) facts[name] = combo[name];
    else if (!spec.optional && inScope && !(name in combo)) facts[name] = defaultValue(spec);
  }
  for (const name of Object.keys(contract.facts)) {
    const scope = contract.facts[name]!.scope;
    if (
      scope &&
      !(name in facts) &&
      !contract.facts[name]!.optional &&
      scope.values.includes(facts[scope.fact] as string)
    ) {
      facts[name] = defaultValue(contract.facts[name]!);
    }
  }
  if (validateFacts(contract.facts, facts).length || contract.checkFacts?.(facts).length) return undefined;
  return facts;
}

/** Facts with derived facts added, computed like the wrapper does (first-stage rules checked synchronously). */
function withDerived(
  contract: AreaContract,
  rules: readonly PolicyRule[],
  facts: Record<string, unknown>,
): Record<string, unknown> {
  if (!contract.derived) return facts;
  const firstStage: FiredRule[] = rules
    .filter((rule) => rule.stage === 1 && conditionHolds(rule.conditions, facts))
    .map((rule) => ({ name: rule.name, priority: rule.priority, event: rule.event }));
  try {
    return { ...facts, ...contract.derived.derive(facts, firstStage) };
  } catch {
    return facts;
  }
}

function overrideChain(rules: readonly PolicyRule[], from: string, to: string): boolean {
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const name = stack.pop()!;
    if (name === to) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(byName.get(name)?.overrides ?? []));
  }
  return false;
}

/**
 * Finds pairs of rules of each area that fire on the same facts with contradicting outcomes. The search tries the
 * boundary values of every threshold the two rules test (and every value of enum facts); each pair found is
 * confirmed by running json-rules-engine on the witness facts.
 * @example const conflicts = await findConflicts(plugin); conflicts.filter((c) => c.status === 'unresolved')
 */
export async function findConflicts(
  plugin: CompiledPlugin,
  options: { readonly limitPerPair?: number } = {},
): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  for (const area of plugin.areas) {
    const compiled = plugin.compiledArea(area)!;
    const { contract, ruleSet } = compiled;
    const specs = { ...contract.facts, ...(contract.derived?.facts ?? {}) };
    for (const [i, a] of ruleSet.rules.entries()) {
      for (const b of ruleSet.rules.slice(i + 1)) {
        if (a.stage !== b.stage) continue;
        const contradiction = contract.contradiction(a.event, b.event, ruleSet.decision);
        if (!contradiction) continue;
        const witness = await findWitness(
          plugin,
          area,
          contract,
          ruleSet.rules,
          a,
          b,
          specs,
          options.limitPerPair ?? 20_000,
        );
        if (!witness) continue;
        const aOverridesB = overrideChain(ruleSet.rules, a.name, b.name);
        const bOverridesA = overrideChain(ruleSet.rules, b.name, a.name);
        const status =
          aOverridesB || bOverridesA
            ? 'override'
            : contradiction.settledBy === 'strategy'
              ? 'strategy'
              : 'unresolved';
        conflicts.push({
          pluginId: plugin.id,
          area,
          a: a.name,
          b: b.name,
          facts: witness,
          why: contradiction.why,
          status,
          resolution:
            status === 'override'
              ? aOverridesB
                ? `${a.name} overrides ${b.name}`
                : `${b.name} overrides ${a.name}`
              : status === 'strategy'
                ? `decision "${ruleSet.decision}"`
                : 'none: add "overrides" to one rule, or make their conditions exclusive',
          identicalConditions: canonicalJson(a.conditions) === canonicalJson(b.conditions),
        });
      }
    }
  }
  return conflicts;
}

async function findWitness(
  plugin: CompiledPlugin,
  area: AreaId,
  contract: AreaContract,
  rules: readonly PolicyRule[],
  a: PolicyRule,
  b: PolicyRule,
  specs: Record<string, FactSpec>,
  limit: number,
): Promise<Record<string, unknown> | undefined> {
  const tests: Tests = new Map();
  collectTests(a.conditions, tests);
  collectTests(b.conditions, tests);
  // Derived facts are varied through the given facts they are computed from.
  for (const [derived, inputs] of Object.entries(contract.derived?.inputs ?? {})) {
    const thresholds = tests.get(derived);
    if (!thresholds) continue;
    tests.delete(derived);
    for (const input of inputs)
      tests.set(input, [...(tests.get(input) ?? []), ...thresholds, ...thresholds.map((t) => Number(t) * 3)]);
  }
  const candidates: [string, unknown[]][] = [];
  for (const [fact, thresholds] of tests) {
    const spec = specs[fact];
    if (!spec) continue;
    let values: unknown[];
    if (spec.type.kind === 'enum') values = [...spec.type.values];
    else if (spec.type.kind === 'boolean') values = [true, false];
    else values = numericCandidates(spec, thresholds);
    for (const rule of [a, b]) {
      const allowed = required(rule, fact);
      if (allowed) values = values.filter((value) => allowed.includes(value));
    }
    if (values.length === 0) return undefined; // the rules require different values of the same fact
    candidates.push([fact, values]);
  }
  // Scope facts first, so required facts in scope get defaults that fit.
  for (const [fact, spec] of Object.entries(contract.facts)) {
    if (spec.scope && tests.has(fact) && !tests.has(spec.scope.fact))
      candidates.unshift([spec.scope.fact, [...spec.scope.values]]);
  }
  let confirmTries = 0;
  for (const combo of combinations(candidates, limit)) {
    const facts = completeFacts(contract, combo);
    if (!facts) continue;
    const seen = withDerived(contract, rules, facts);
    if (!conditionHolds(a.conditions, seen) || !conditionHolds(b.conditions, seen)) continue;
    const run = await explain(plugin, area, facts);
    const fired = new Set(run.trace.filter((item) => item.fired).map((item) => item.name));
    if (fired.has(a.name) && fired.has(b.name)) return facts;
    if (++confirmTries > 20) return undefined;
  }
  return undefined;
}

import { Engine, type RuleResult } from 'json-rules-engine';
import type { AreaId } from '../contracts';
import type { AreaContract, FiredRule } from '../contracts/contract';
import { validateFacts } from '../contracts/facts';
import { PolicyEvaluationError, PolicyFactsError } from '../errors';
import type { PolicyRule, RuleSet } from '../rules/schema';
import { compileCondition, type Predicate, throwingTests } from './fast-rules';

/** How one rule fared in one evaluation, with json-rules-engine's evaluated condition tree. */
export interface RuleTrace {
  readonly name: string;
  /** The rule's conditions held. */
  readonly fired: boolean;
  /** Fired but replaced by a rule that overrides it. */
  readonly overridden: boolean;
  /** Conditions as json-rules-engine evaluated them: each leaf has `result` and `factResult` when it was reached. */
  readonly conditions: unknown;
}

/** The outcome of evaluating one area: the decided result or the error, and the trace of every rule. */
export interface AreaRun<Result> {
  readonly result?: Result;
  readonly error?: PolicyEvaluationError;
  readonly firedRules: readonly string[];
  readonly overriddenRules: readonly string[];
  readonly trace: readonly RuleTrace[];
  /** The facts the second stage saw (given facts plus derived facts). */
  readonly facts: Readonly<Record<string, unknown>>;
}

type Decided<Result> = { readonly result?: Result; readonly error?: PolicyEvaluationError };

/** What {@link CompiledArea.decision} gives: run's result, error and fired rules, without the trace. */
export type AreaDecision<Result> = Pick<AreaRun<Result>, 'result' | 'error' | 'firedRules'>;

function engineOf(rules: readonly PolicyRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of rules) {
    engine.addRule({
      name: rule.name,
      priority: rule.priority,
      conditions: structuredClone(rule.conditions) as never,
      event: { type: rule.event.type, params: rule.event.params as Record<string, unknown> },
    });
  }
  return engine;
}

/**
 * One area of one plugin, ready to evaluate: the json-rules-engine Engine(s) are built once here and reused for every
 * call (an Engine keeps no per-run state, so concurrent runs are safe).
 */
export class CompiledArea<Result = unknown> {
  /** Stage 1 holds the rules whose events feed derived facts (only areas with derived facts have it). */
  private readonly stages: readonly (Stage | undefined)[];
  private readonly overriders: ReadonlyMap<string, readonly string[]>;
  private readonly order: ReadonlyMap<string, number>;

  constructor(
    readonly pluginId: string,
    readonly area: AreaId,
    readonly contract: AreaContract<Result>,
    readonly ruleSet: RuleSet,
  ) {
    this.stages = ([1, 2] as const).map((stage) => {
      const rules = ruleSet.rules.filter((rule) => rule.stage === stage);
      return rules.length ? stageOf(rules, contract) : undefined;
    });
    const overriders = new Map<string, string[]>();
    for (const rule of ruleSet.rules) {
      for (const target of rule.overrides)
        overriders.set(target, [...(overriders.get(target) ?? []), rule.name]);
    }
    this.overriders = overriders;
    this.order = new Map(ruleSet.rules.map((rule) => [rule.name, rule.index]));
  }

  /** Checks the facts, runs the rules, applies overrides and lets the contract decide. */
  async run(facts: Readonly<Record<string, unknown>>): Promise<AreaRun<Result>> {
    this.checkFacts(facts);
    let seen: Record<string, unknown> = withoutUndefined(facts);
    const fired: string[] = [];
    const results: RuleResult[] = [];
    const survivors: FiredRule[] = [];
    let error: PolicyEvaluationError | undefined;
    const runStage = async (stage: Stage | undefined) => {
      if (!stage) return [];
      const engine = stage.partitioned?.get(seen[this.contract.partitionBy!]) ?? stage.engine;
      const outcome = await engine.run({ ...seen });
      const names = outcome.results.map((result) => result.name as string);
      fired.push(...names);
      results.push(...outcome.results, ...outcome.failureResults);
      const standing = this.survivors(names, stage.rules);
      survivors.push(...standing);
      return standing;
    };
    const firstStage = await runStage(this.stages[0]);
    const derived = this.derive(seen, firstStage);
    seen = derived.seen;
    error = derived.error;
    if (!error) await runStage(this.stages[1]);
    this.sortByFile(survivors);
    const decided: Decided<Result> = error ? { error } : this.decide(seen, survivors);
    const result = decided.result;
    error = decided.error;
    const firedSet = new Set(fired);
    const standing = new Set(survivors.map((rule) => rule.name));
    const byName = new Map(results.map((item) => [item.name as string, item]));
    const trace = this.ruleSet.rules.map(
      (rule): RuleTrace => ({
        name: rule.name,
        fired: firedSet.has(rule.name),
        overridden: firedSet.has(rule.name) && !standing.has(rule.name),
        conditions: byName.get(rule.name)?.conditions,
      }),
    );
    return {
      ...(result !== undefined ? { result } : {}),
      ...(error ? { error } : {}),
      firedRules: survivors.map((rule) => rule.name),
      overriddenRules: trace.filter((item) => item.overridden).map((item) => item.name),
      trace,
      facts: seen,
    };
  }

  /**
   * The same result, error and fired rules as {@link run} (without the trace), through the compiled conditions of
   * fast-rules.ts instead of json-rules-engine: for evaluating many subjects (policy diff). Throws PolicyFactsError
   * like run, and the TypeError json-rules-engine would throw for an `in` against an absent fact.
   */
  decision(facts: Readonly<Record<string, unknown>>): AreaDecision<Result> {
    this.checkFacts(facts);
    let seen: Record<string, unknown> = withoutUndefined(facts);
    const firstStage = this.stages[0] ? this.fastStage(this.stages[0], seen) : [];
    const derived = this.derive(seen, firstStage);
    if (derived.error) return { error: derived.error, firedRules: firstStage.map(nameOf) };
    seen = derived.seen;
    const secondStage = this.stages[1] ? this.fastStage(this.stages[1], seen) : [];
    const survivors = firstStage.length ? this.sortByFile([...firstStage, ...secondStage]) : secondStage;
    return { ...this.decide(seen, survivors), firedRules: survivors.map(nameOf) };
  }

  /** One stage through the compiled conditions: the surviving fired rules, in file order. */
  private fastStage(stage: Stage, seen: Readonly<Record<string, unknown>>): FiredRule[] {
    const group =
      (this.contract.partitionBy && stage.fastPartitioned?.get(seen[this.contract.partitionBy])) ||
      stage.fast;
    for (const test of group.throwing) test(seen);
    const fired: FiredRule[] = [];
    for (const rule of group.rules) if (rule.holds(seen)) fired.push(rule.fired);
    if (this.overriders.size === 0 || fired.length < 2) return fired;
    return this.survivors(fired.map(nameOf), stage.rules);
  }

  private checkFacts(facts: Readonly<Record<string, unknown>>): void {
    const issues = validateFacts(this.contract.facts, facts);
    if (issues.length === 0 && this.contract.checkFacts) issues.push(...this.contract.checkFacts(facts));
    if (issues.length) throw new PolicyFactsError(this.area, issues);
  }

  /** Adds the derived facts; the first stage's rules are handed over in file order, whatever order they fired in. */
  private derive(
    seen: Record<string, unknown>,
    firstStage: FiredRule[],
  ): { seen: Record<string, unknown>; error?: PolicyEvaluationError } {
    if (!this.contract.derived) return { seen };
    try {
      return { seen: { ...seen, ...this.contract.derived.derive(seen, this.sortByFile([...firstStage])) } };
    } catch (cause) {
      return { seen, error: this.failure(cause) };
    }
  }

  private decide(seen: Record<string, unknown>, survivors: FiredRule[]): Decided<Result> {
    try {
      return {
        result: this.contract.decide({ facts: seen, fired: survivors, decision: this.ruleSet.decision }),
      };
    } catch (cause) {
      return { error: this.failure(cause) };
    }
  }

  private sortByFile(rules: FiredRule[]): FiredRule[] {
    return rules.sort((a, b) => this.order.get(a.name)! - this.order.get(b.name)!);
  }

  private failure(cause: unknown): PolicyEvaluationError {
    return new PolicyEvaluationError(
      this.pluginId,
      this.area,
      cause instanceof Error ? cause.message : String(cause),
    );
  }

  /** Fired rules that no surviving fired rule overrides (overrides form no cycles: the validator refuses them). */
  private survivors(fired: readonly string[], rules: ReadonlyMap<string, PolicyRule>): FiredRule[] {
    const firedSet = new Set(fired);
    const memo = new Map<string, boolean>();
    const survives = (name: string): boolean => {
      const known = memo.get(name);
      if (known !== undefined) return known;
      const beaten = (this.overriders.get(name) ?? []).some(
        (other) => firedSet.has(other) && survives(other),
      );
      memo.set(name, !beaten);
      return !beaten;
    };
    return fired
      .filter(survives)
      .map((name) => rules.get(name)!)
      .map((rule) => ({ name: rule.name, priority: rule.priority, event: rule.event }));
  }
}

const nameOf = (rule: FiredRule) => rule.name;

/** Rules compiled for {@link CompiledArea.decision}, in the order an Engine holds them. */
interface FastGroup {
  /** In file order, each with what decide gets when it fires (one object, shared by every decision). */
  readonly rules: readonly { readonly holds: Predicate; readonly fired: FiredRule }[];
  /** Tests that throw where json-rules-engine's run would fail (see throwingTests). */
  readonly throwing: readonly Predicate[];
}

function fastGroupOf(rules: readonly PolicyRule[]): FastGroup {
  return {
    rules: rules.map((rule) => ({
      holds: compileCondition(rule.conditions),
      fired: { name: rule.name, priority: rule.priority, event: rule.event },
    })),
    throwing: rules.flatMap((rule) => throwingTests(rule.conditions)),
  };
}

interface Stage {
  /** All rules of the stage. */
  readonly engine: Engine;
  /** One engine per value of the partition fact, holding only the rules that can fire for that value. */
  readonly partitioned?: ReadonlyMap<unknown, Engine>;
  /** The same two, compiled. */
  readonly fast: FastGroup;
  readonly fastPartitioned?: ReadonlyMap<unknown, FastGroup>;
  readonly rules: ReadonlyMap<string, PolicyRule>;
}

/** The values of `fact` a rule's top-level `all` restricts it to, or undefined when it does not. */
function requiredValues(rule: PolicyRule, fact: string): readonly unknown[] | undefined {
  const all = (rule.conditions as { all?: unknown }).all;
  if (!Array.isArray(all)) return undefined;
  for (const node of all as { fact?: unknown; operator?: unknown; value?: unknown }[]) {
    if (node?.fact !== fact) continue;
    if (node.operator === 'equal') return [node.value];
    if (node.operator === 'in' && Array.isArray(node.value)) return node.value;
  }
  return undefined;
}

function stageOf(rules: readonly PolicyRule[], contract: AreaContract): Stage {
  const stage = {
    engine: engineOf(rules),
    fast: fastGroupOf(rules),
    rules: new Map(rules.map((rule) => [rule.name, rule])),
  };
  const fact = contract.partitionBy;
  const spec = fact ? contract.facts[fact] : undefined;
  if (!fact || spec?.type.kind !== 'enum') return stage;
  const partitioned = new Map<unknown, Engine>();
  const fastPartitioned = new Map<unknown, FastGroup>();
  for (const value of spec.type.values) {
    const some = rules.filter((rule) => requiredValues(rule, fact)?.includes(value) ?? true);
    partitioned.set(value, engineOf(some));
    fastPartitioned.set(value, fastGroupOf(some));
  }
  return { ...stage, partitioned, fastPartitioned };
}

function withoutUndefined(facts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts))
    if (value !== undefined && value !== null) out[key] = value;
  return out;
}

import {
  type CompiledPlugin,
  conditionHolds,
  decideWarnings,
  evaluate,
  type FiredRule,
  type Warning,
  type WarningFacts,
} from '@xinqiao/policy';

/** A student's warnings as decided, and the facts each reason's rule tested (the values that tripped it). */
export interface DecidedWarnings {
  warnings: readonly Warning[];
  testedFacts: ReadonlyMap<string, readonly string[]>;
}

interface CompiledRule {
  rule: FiredRule;
  conditions: Readonly<Record<string, unknown>>;
  overrides: readonly string[];
}

/** The facts a condition tree tests, each once. */
function factsTested(node: unknown, into = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object') return into;
  const record = node as Record<string, unknown>;
  for (const key of ['all', 'any'])
    if (Array.isArray(record[key])) for (const c of record[key]) factsTested(c, into);
  if (record.not) factsTested(record.not, into);
  if (typeof record.fact === 'string' && record.fact !== 'part') into.add(record.fact);
  return into;
}

/**
 * The school's `warning` rules ready for a whole school: each rule's conditions evaluated synchronously with
 * json-rules-engine's semantics (`conditionHolds`), overrides applied, and the contract's own `decideWarnings`.
 * `warnings.rules.test.ts` and the bench check it gives what `evaluate` (json-rules-engine itself) gives.
 */
export class WarningRules {
  private readonly rules: CompiledRule[];
  readonly testedFacts: ReadonlyMap<string, readonly string[]>;

  constructor(readonly plugin: CompiledPlugin) {
    const ruleSet = plugin.ruleSet('early-warning');
    const rules = (ruleSet?.rules ?? []).filter((rule) => rule.event.type === 'warning');
    this.rules = rules.map((rule) => ({
      rule: { name: rule.name, priority: rule.priority, event: rule.event },
      conditions: rule.conditions,
      overrides: rule.overrides,
    }));
    this.testedFacts = new Map(rules.map((rule) => [rule.name, [...factsTested(rule.conditions)]]));
  }

  /** The student's warnings, one per module (the same as `evaluate(plugin, 'early-warning', facts)`). */
  decide(facts: WarningFacts): readonly Warning[] {
    const fired = this.rules.filter((entry) =>
      conditionHolds(entry.conditions, facts as Record<string, unknown>),
    );
    const names = new Set(fired.map((entry) => entry.rule.name));
    const standing = fired.filter(
      (entry) =>
        !this.rules.some((other) => names.has(other.rule.name) && other.overrides.includes(entry.rule.name)),
    );
    return decideWarnings(standing.map((entry) => entry.rule));
  }
}

/** What json-rules-engine decides for one student (the reference the fast path is checked against). */
export async function decideByEngine(
  plugin: CompiledPlugin,
  facts: WarningFacts,
): Promise<readonly Warning[]> {
  return (await evaluate(plugin, 'early-warning', facts)).warnings;
}

/** The same decision, for comparing: module, level, deadline, actions and the rules behind the reasons. */
export function decisionKey(warnings: readonly Warning[]): string {
  return JSON.stringify(
    warnings.map((w) => [
      w.module,
      w.level,
      w.deadlineWorkingDays,
      w.actions,
      w.reasons.map((r) => r.ruleName),
    ]),
  );
}

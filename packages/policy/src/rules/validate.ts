import type { AreaId } from '../contracts';
import type { AreaContract } from '../contracts/contract';
import type { FactSpecs } from '../contracts/facts';
import { didYouMean, jsonPath, type PathSegment, type PolicyError } from '../errors';
import { zodErrors } from '../zod-issues';
import { checkConditions, type FactTest } from './conditions';
import { type PolicyRule, type RuleSet, ruleFileParseSchema } from './schema';

/**
 * Validates a parsed rule file against the area's contract and returns the rule set the engine wrapper runs.
 * Every error names the file and the JSON path, e.g.
 * `plugins/hut/rules/penalty-points.json: $.rules[3].conditions.all[0].fact: unknown fact "minutesLat"`.
 * @example validateRuleFile(json, { file: 'plugins/hrbmu/rules/tier-thresholds.json', area: 'tier-thresholds', contract })
 */
export function validateRuleFile(
  json: unknown,
  options: { readonly file: string; readonly area: AreaId; readonly contract: AreaContract },
): { ruleSet?: RuleSet; errors: PolicyError[] } {
  const { file, area, contract } = options;
  const parsed = ruleFileParseSchema.safeParse(json);
  if (!parsed.success) return { errors: zodErrors(parsed.error, file) };
  const errors: PolicyError[] = [];
  const at = (path: readonly PathSegment[], message: string) =>
    errors.push({ file, path: jsonPath(path), message });
  const data = parsed.data;
  if (data.area !== area)
    at(['area'], `plugin.json lists this file for "${area}" but it says "${data.area}"`);
  const decision = data.decision ?? contract.decisions[0];
  if (!contract.decisions.includes(decision)) {
    at(['decision'], `unknown decision "${decision}" for ${area}; known: ${contract.decisions.join(', ')}`);
  }
  const derived = contract.derived;
  const allFacts: FactSpecs = { ...contract.facts, ...(derived?.facts ?? {}) };
  const firstIndex = new Map<string, number>();
  const rules: PolicyRule[] = [];

  data.rules.forEach((rule, index) => {
    const rulePath = ['rules', index] as const;
    const earlier = firstIndex.get(rule.name);
    if (earlier !== undefined)
      at([...rulePath, 'name'], `duplicate rule name "${rule.name}" (also $.rules[${earlier}])`);
    else firstIndex.set(rule.name, index);

    const eventSchema = contract.events[rule.event.type];
    let params: Record<string, unknown> = rule.event.params ?? {};
    if (!eventSchema) {
      at(
        [...rulePath, 'event', 'type'],
        `unknown event "${rule.event.type}"${didYouMean(rule.event.type, Object.keys(contract.events))} for ${area}; known: ${Object.keys(contract.events).join(', ')}`,
      );
    } else {
      const checked = eventSchema.safeParse(params);
      if (checked.success) params = checked.data as Record<string, unknown>;
      else errors.push(...zodErrors(checked.error, file, [...rulePath, 'event', 'params']));
    }
    const stage = derived?.firstStageEvents.includes(rule.event.type) ? 1 : 2;
    const facts = stage === 1 ? contract.facts : allFacts;
    const { problems, tests } = checkConditions(rule.conditions, [...rulePath, 'conditions'], facts);
    for (const problem of problems) {
      const derivedName = problem.message.match(/^unknown fact "(.+?)"/)?.[1];
      if (stage === 1 && derivedName && derived?.facts[derivedName]) {
        at(
          problem.path,
          `derived fact "${derivedName}" is computed after the first stage; a "${rule.event.type}" rule cannot test it`,
        );
      } else at(problem.path, problem.message);
    }
    for (const message of scopeProblems(rule.conditions, tests, allFacts)) at(message.path, message.message);
    rules.push({
      name: rule.name,
      ...(rule.description ? { description: rule.description } : {}),
      source: rule.source,
      priority: rule.priority ?? 1,
      overrides: rule.overrides ?? [],
      conditions: rule.conditions as Record<string, unknown>,
      event: { type: rule.event.type, params },
      stage,
      index,
    });
  });

  checkOverrides(rules, at);
  return errors.length ? { errors } : { ruleSet: { area, decision, rules }, errors };
}

/** A rule that tests a scoped fact must require the scope in its top-level `all`. */
function scopeProblems(conditions: unknown, tests: readonly FactTest[], facts: FactSpecs) {
  const problems: { path: readonly PathSegment[]; message: string }[] = [];
  const topAll = (conditions as { all?: unknown }).all;
  const required = (scopeFact: string, allowed: readonly string[]) =>
    Array.isArray(topAll) &&
    topAll.some((node: { fact?: unknown; operator?: unknown; value?: unknown }) => {
      if (node?.fact !== scopeFact) return false;
      if (node.operator === 'equal') return allowed.includes(node.value as string);
      if (node.operator === 'in')
        return Array.isArray(node.value) && node.value.every((value) => allowed.includes(value as string));
      return false;
    });
  const reported = new Set<string>();
  for (const test of tests) {
    const scope = facts[test.fact]?.scope;
    if (!scope || reported.has(test.fact) || required(scope.fact, scope.values)) continue;
    reported.add(test.fact);
    const values = scope.values.map((value) => JSON.stringify(value)).join(' or ');
    problems.push({
      path: [...test.path, 'fact'],
      message: `fact "${test.fact}" is only given when ${scope.fact} is ${values}: add {"fact": "${scope.fact}", "operator": "${scope.values.length > 1 ? 'in' : 'equal'}", "value": ${JSON.stringify(scope.values.length > 1 ? scope.values : scope.values[0])}} to the rule's top-level "all"`,
    });
  }
  return problems;
}

function checkOverrides(
  rules: readonly PolicyRule[],
  at: (path: readonly PathSegment[], message: string) => void,
): void {
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  for (const rule of rules) {
    rule.overrides.forEach((name, index) => {
      const path = ['rules', rule.index, 'overrides', index] as const;
      const target = byName.get(name);
      if (name === rule.name) at(path, 'a rule cannot override itself');
      else if (!target) at(path, `unknown rule "${name}"${didYouMean(name, byName.keys())}`);
      else if (target.stage !== rule.stage)
        at(path, `"${name}" runs in another stage and cannot be overridden by this rule`);
    });
  }
  // A cycle (a overrides b overrides a) would leave neither rule standing.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (rule: PolicyRule, trail: string[]): void => {
    if (state.get(rule.name) === 'done') return;
    if (state.get(rule.name) === 'visiting') {
      at(['rules', rule.index, 'overrides'], `override cycle: ${[...trail, rule.name].join(' → ')}`);
      return;
    }
    state.set(rule.name, 'visiting');
    for (const name of rule.overrides) {
      const target = byName.get(name);
      if (target && target !== rule) visit(target, [...trail, rule.name]);
    }
    state.set(rule.name, 'done');
  };
  for (const rule of rules) visit(rule, []);
}

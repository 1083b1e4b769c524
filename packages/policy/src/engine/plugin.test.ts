import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../authoring/population';
import { AREA_CONTRACTS } from '../contracts';
import type { AreaContract } from '../contracts/contract';
import { PolicyEvaluationError, PolicyFactsError } from '../errors';
import { conditionHolds } from '../rules/conditions';
import { seedPlugins } from '../testing/repo';
import { compilePlugin, evaluate, explain, type PluginBundle } from './plugin';

const network = [
  { key: 'college', name: '学院', nameEn: 'College' },
  { key: 'class', name: '班级', nameEn: 'Class' },
  { key: 'dorm', name: '宿舍', nameEn: 'Dorm' },
];
const source = [{ reference: 'test' }];
const upi = { fact: 'instrument', operator: 'equal', value: 'UPI' };

function tierBundle(rules: unknown[], decision?: string): PluginBundle {
  return {
    manifest: {
      id: 't',
      version: '2.3.4',
      engine: '^1.0.0',
      school: { code: 't', name: '测试', nameEn: 'Test' },
      network,
      areas: { 'tier-thresholds': 'rules/tiers.json' },
    },
    rules: { 'tier-thresholds': { area: 'tier-thresholds', ...(decision ? { decision } : {}), rules } },
  };
}
const tierRule = (name: string, tier: number, total: number, more: Record<string, unknown> = {}) => ({
  name,
  source,
  conditions: { all: [upi, { fact: 'upiTotal', operator: 'greaterThanInclusive', value: total }] },
  event: { type: 'tier', params: { tier, zh: name, en: name } },
  ...more,
});
const upiFacts = (total: number) =>
  ({
    instrument: 'UPI',
    upiTotal: total,
    upiItem25: false,
    upiKeyItemsYes: 0,
    upiExtraItemsYes: 0,
    upiAsksForCounselling: false,
  }) as const;

function compiled(bundle: PluginBundle) {
  const result = compilePlugin(bundle);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.plugin;
}

describe('engine/evaluate', () => {
  it('returns the typed result with the plugin id and version that decided it', async () => {
    const hrbmu = (await seedPlugins()).forSchool('hrbmu')!;
    const decision = await evaluate(hrbmu, 'tier-thresholds', {
      instrument: 'PHQ-9',
      phq9Total: 8,
      phq9Item9: 1,
    });
    expect(decision).toMatchObject({
      tier: 1,
      followUpWorkingDays: 3,
      reasons: [{ ruleName: 'phq9-item-9-above-0', zh: 'PHQ-9 第9题（自伤念头）得分 > 0', selfHarm: true }],
      selfHarm: true,
      pluginId: 'hrbmu',
      pluginVersion: hrbmu.version,
      area: 'tier-thresholds',
      firedRules: ['phq9-item-9-above-0', 'phq9-otherwise'],
    });
  });

  it('computes what rules cannot: required staff and yearly funding for a what-if enrolment', async () => {
    const hrbmu = (await seedPlugins()).forSchool('hrbmu')!;
    expect((await evaluate(hrbmu, 'staffing-ratio', { enrolment: 30_000 })).requiredFullTimeStaff).toBe(8);
    expect((await evaluate(hrbmu, 'funding-formula', { enrolment: 30_000 })).yearlyYuan).toBe(450_000);
  });

  it('fires exactly the rules a single json-rules-engine Engine with all the rules fires (partitioning and conditionHolds agree)', async () => {
    const registry = await seedPlugins();
    for (const [id, area] of [
      ['hrbmu', 'tier-thresholds'],
      ['hut', 'penalty-points'],
    ] as const) {
      const plugin = registry.forSchool(id)!;
      const ruleSet = plugin.ruleSet(area)!;
      const bare = new Engine(
        ruleSet.rules.map((rule) => ({
          name: rule.name,
          priority: rule.priority,
          conditions: structuredClone(rule.conditions) as never,
          event: rule.event,
        })),
        { allowUndefinedFacts: true },
      );
      const population = generatePopulation(AREA_CONTRACTS[area] as AreaContract, [ruleSet], 120, 11);
      for (const facts of population) {
        const run = await explain(plugin, area, facts);
        const expected = (await bare.run(facts)).results.map((result) => result.name).sort();
        expect(
          run.trace
            .filter((trace) => trace.fired)
            .map((trace) => trace.name)
            .sort(),
        ).toEqual(expected);
        // The synchronous evaluator offered for bulk fast paths agrees too.
        const holding = ruleSet.rules
          .filter((rule) => conditionHolds(rule.conditions, facts))
          .map((rule) => rule.name);
        expect(holding.sort()).toEqual(expected);
      }
    }
  });

  it('gives the same decisions when calls run concurrently', async () => {
    const hrbmu = (await seedPlugins()).forSchool('hrbmu')!;
    const population = Array.from({ length: 57 }, (_, total) => upiFacts(total));
    const sequential = [];
    for (const facts of population) sequential.push((await evaluate(hrbmu, 'tier-thresholds', facts)).tier);
    const concurrent = (
      await Promise.all(population.map((facts) => evaluate(hrbmu, 'tier-thresholds', facts)))
    ).map((d) => d.tier);
    expect(concurrent).toEqual(sequential);
  });

  it('lets the rule set say which rule wins: the most serious tier, or the highest priority', async () => {
    const rules = [tierRule('high-total', 1, 30), tierRule('screened', 3, 0, { priority: 5 })];
    expect((await evaluate(compiled(tierBundle(rules)), 'tier-thresholds', upiFacts(40))).tier).toBe(1);
    const byPriority = await evaluate(
      compiled(tierBundle(rules, 'highest-priority')),
      'tier-thresholds',
      upiFacts(40),
    );
    expect(byPriority).toMatchObject({
      tier: 3,
      reasons: [{ ruleName: 'screened' }],
      pluginVersion: '2.3.4',
    });
  });

  it('drops an overridden rule only while the overriding rule stands', async () => {
    const rules = [
      tierRule('a', 1, 30, { overrides: ['b'] }),
      tierRule('b', 2, 20, { overrides: ['c'] }),
      tierRule('c', 3, 10),
    ];
    const plugin = compiled(tierBundle(rules, 'highest-priority'));
    // a beats b; b, beaten, no longer overrides c.
    expect(await evaluate(plugin, 'tier-thresholds', upiFacts(35))).toMatchObject({
      firedRules: ['a', 'c'],
      overriddenRules: ['b'],
    });
    expect(await evaluate(plugin, 'tier-thresholds', upiFacts(25))).toMatchObject({
      firedRules: ['b'],
      overriddenRules: ['c'],
    });
  });

  it('refuses facts that break the contract, and says when the rules give no decision', async () => {
    const plugin = compiled(tierBundle([tierRule('high', 1, 30)]));
    await expect(
      evaluate(plugin, 'tier-thresholds', { instrument: 'UPI', upiTotal: 3 } as never),
    ).rejects.toThrow(PolicyFactsError);
    await expect(
      evaluate(plugin, 'tier-thresholds', { instrument: 'UPI', upiTotal: 3 } as never),
    ).rejects.toThrow('facts.upiItem25: is required when instrument is "UPI"');
    await expect(evaluate(plugin, 'tier-thresholds', upiFacts(3))).rejects.toThrow(
      new PolicyEvaluationError('t', 'tier-thresholds', 'no tier rule fired for instrument "UPI"'),
    );
    await expect(evaluate(plugin, 'staffing-ratio', { enrolment: 1 })).rejects.toThrow(
      'plugin "t" does not provide the area "staffing-ratio"',
    );
  });

  it('exposes the validated rule set for a bulk fast path', async () => {
    const ruleSet = (await seedPlugins()).forSchool('hrbmu')!.ruleSet('tier-thresholds')!;
    expect(ruleSet.decision).toBe('most-serious-tier');
    expect(ruleSet.rules.find((rule) => rule.name === 'upi-total-25-or-more')).toMatchObject({
      priority: 1,
      conditions: { all: [upi, { fact: 'upiTotal', operator: 'greaterThanInclusive', value: 25 }] },
      event: { type: 'tier', params: { tier: 1, followUpWorkingDays: 3 } },
    });
  });
});

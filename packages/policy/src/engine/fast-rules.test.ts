import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { diffArea } from '../authoring/diff';
import { generatePopulation, seededRandom } from '../authoring/population';
import { AREA_CONTRACTS, type AreaId } from '../contracts';
import type { AreaContract, Random } from '../contracts/contract';
import { PolicyFactsError } from '../errors';
import { seedPlugins } from '../testing/repo';
import type { AreaRun } from './compiled-area';
import { compileCondition, throwingTests } from './fast-rules';
import { type CompiledPlugin, compilePlugin } from './plugin';

type Facts = Record<string, unknown>;

/** Values that break a contract in every way a fact can: wrong type, out of range, unknown enum value, absent. */
const ODD_VALUES = [undefined, null, -1, 0, 1.5, 1e9, 'x', '', true, false, 'PHQ-9', 'member'];

/** Generated subjects, a quarter of them with one fact changed to an odd value, dropped, or added unknown. */
function subjects(contract: AreaContract, plugin: CompiledPlugin, area: AreaId, size: number, seed: number) {
  const random = seededRandom(seed);
  return generatePopulation(contract, [plugin.ruleSet(area)], size, seed).map((facts) => {
    if (!random.chance(0.25)) return facts;
    const names = [...Object.keys(contract.facts), 'unknownFact'];
    return { ...facts, [random.pick(names)]: random.pick(ODD_VALUES) };
  });
}

/** What both evaluations must agree on: the result, the error's message or the facts problem, the fired rules. */
async function viaEngine(run: () => Promise<AreaRun<unknown>>): Promise<unknown> {
  try {
    const { result, error, firedRules } = await run();
    return { result, error: error?.message, firedRules };
  } catch (error) {
    return { threw: error instanceof PolicyFactsError ? error.message : String(error) };
  }
}
function viaCompiled(run: () => { result?: unknown; error?: Error; firedRules: readonly string[] }): unknown {
  try {
    const { result, error, firedRules } = run();
    return { result, error: error?.message, firedRules };
  } catch (error) {
    return { threw: error instanceof PolicyFactsError ? error.message : String(error) };
  }
}

describe('CompiledArea.decision (compiled conditions)', () => {
  it('decides every area of every seed plugin exactly as json-rules-engine does, on generated and broken subjects', async () => {
    const registry = await seedPlugins();
    let compared = 0;
    for (const id of ['hrbmu', 'hut', 'nuc-shuozhou', 'wuhan-polytechnic']) {
      const plugin = registry.forSchool(id)!;
      for (const area of plugin.areas) {
        const compiledArea = plugin.compiledArea(area)!;
        const contract = AREA_CONTRACTS[area] as AreaContract;
        for (const facts of subjects(contract, plugin, area, 300, 17)) {
          const expected = await viaEngine(() => compiledArea.run(facts));
          expect(
            viaCompiled(() => compiledArea.decision(facts)),
            `${id} ${area} ${JSON.stringify(facts)}`,
          ).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('gives policy diff the same transitions, counts and examples as json-rules-engine', async () => {
    const registry = await seedPlugins();
    const head = registry.forSchool('hrbmu')!;
    // The base revision: PHQ-9's moderate threshold moved, so some students change tier.
    const rules = structuredClone(head.bundle.rules['tier-thresholds']) as {
      rules: { conditions: { all?: { fact?: string; value?: unknown }[] } }[];
    };
    for (const rule of rules.rules)
      for (const leaf of rule.conditions.all ?? [])
        if (leaf.fact === 'phq9Total' && typeof leaf.value === 'number') leaf.value += 2;
    const compiled = compilePlugin(
      { manifest: head.bundle.manifest, rules: { ...head.bundle.rules, 'tier-thresholds': rules } },
      { folder: 'hrbmu' },
    );
    if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
    const contract = AREA_CONTRACTS['tier-thresholds'] as AreaContract;
    const population = subjects(contract, head, 'tier-thresholds', 1500, 5);
    const fast = await diffArea(compiled.plugin, head, 'tier-thresholds', population);
    const engine = await diffArea(compiled.plugin, head, 'tier-thresholds', population, {
      engine: 'json-rules-engine',
    });
    expect(fast.changed).toBeGreaterThan(0);
    expect(fast).toEqual(engine);
  });
});

/** Facts of a made-up area: two numbers, an enum, a boolean, and a list-valued fact for `in` against a fact. */
function randomFacts(random: Random): Facts {
  const facts: Facts = {};
  const maybe = (name: string, value: () => unknown) => {
    if (random.chance(0.85)) facts[name] = value();
  };
  maybe('a', () => random.pick([random.int(-3, 12), '7', 'x', true, null]));
  maybe('b', () => random.int(0, 10));
  maybe('level', () => random.pick(['low', 'high', 'none', '']));
  maybe('flag', () => random.pick([true, false, 'true']));
  maybe('levels', () => random.pick([['low', 'high'], ['none'], 'lowhigh', 3]));
  return facts;
}

const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

function randomCondition(random: Random, depth: number): unknown {
  if (depth > 0 && random.chance(0.45)) {
    const kind = random.pick(['all', 'any', 'not']);
    if (kind === 'not') return { not: randomCondition(random, depth - 1) };
    return { [kind]: Array.from({ length: random.int(1, 3) }, () => randomCondition(random, depth - 1)) };
  }
  if (random.chance(0.25)) {
    const value = random.chance(0.3) ? { fact: 'levels' } : random.pick([['low', 'high'], ['none'], [1, 7]]);
    return { fact: random.pick(['level', 'a']), operator: random.pick(['in', 'notIn']), value };
  }
  const fact = random.pick(['a', 'b', 'level', 'flag']);
  const value = random.chance(0.2)
    ? { fact: random.pick(['a', 'b']) }
    : random.pick([0, 5, 7, 'low', true, '7']);
  return { fact, operator: random.pick(OPERATORS), value };
}

describe('compileCondition', () => {
  it('holds exactly when json-rules-engine fires the rule, and throws exactly when its run fails', async () => {
    const random = seededRandom(2024);
    let fired = 0;
    let threw = 0;
    for (let round = 0; round < 300; round++) {
      const conditions = Array.from({ length: 3 }, () => ({ all: [randomCondition(random, 3)] }));
      const engine = new Engine(
        conditions.map((c, index) => ({
          name: `r${index}`,
          conditions: structuredClone(c) as never,
          event: { type: 'x' },
        })),
        { allowUndefinedFacts: true },
      );
      const compiled = conditions.map(compileCondition);
      const throwing = conditions.flatMap(throwingTests);
      for (let i = 0; i < 20; i++) {
        const facts = randomFacts(random);
        const expected = await engine.run({ ...facts }).then(
          (outcome) => outcome.results.map((result) => result.name).sort(),
          () => 'threw',
        );
        let actual: string[] | 'threw';
        try {
          for (const test of throwing) test(facts);
          actual = compiled.flatMap((holds, index) => (holds(facts) ? [`r${index}`] : []));
        } catch {
          actual = 'threw';
        }
        expect(actual, `${JSON.stringify(conditions)} on ${JSON.stringify(facts)}`).toEqual(expected);
        if (expected === 'threw') threw++;
        else fired += expected.length;
      }
    }
    // The random rules reach both outcomes often.
    expect(fired).toBeGreaterThan(1000);
    expect(threw).toBeGreaterThan(50);
  });
});

import { describe, expect, it } from 'vitest';
import { AREA_CONTRACTS, type AreaId } from '../contracts';
import type { AreaContract } from '../contracts/contract';
import { formatPolicyError } from '../errors';
import { validateRuleFile } from './validate';

const source = [{ reference: 'test' }];
const file = 'plugins/x/rules/r.json';

function errorsOf(area: AreaId, rules: unknown[], extra: Record<string, unknown> = {}): string[] {
  const contract = AREA_CONTRACTS[area] as AreaContract;
  return validateRuleFile({ area, rules, ...extra }, { file, area, contract }).errors.map(formatPolicyError);
}

const tier = (
  conditions: unknown,
  params: Record<string, unknown> = { tier: 2, zh: '中', en: 'Medium' },
  more = {},
) => ({
  name: 'r',
  source,
  conditions,
  event: { type: 'tier', params },
  ...more,
});
const upi = { fact: 'instrument', operator: 'equal', value: 'UPI' };

describe('rules/validateRuleFile', () => {
  it('accepts a rule that fits the contract and fills in defaults', () => {
    const contract = AREA_CONTRACTS['tier-thresholds'] as AreaContract;
    const result = validateRuleFile(
      {
        area: 'tier-thresholds',
        rules: [tier({ all: [upi, { fact: 'upiTotal', operator: 'greaterThanInclusive', value: 25 }] })],
      },
      { file, area: 'tier-thresholds', contract },
    );
    expect(result.errors).toEqual([]);
    expect(result.ruleSet).toMatchObject({
      decision: 'most-serious-tier',
      rules: [{ name: 'r', priority: 1, overrides: [], stage: 2 }],
    });
  });

  it('names an unknown fact with a suggestion', () => {
    const rules = [
      {
        name: 'late',
        source,
        conditions: { all: [{ fact: 'minutesLat', operator: 'greaterThan', value: 10 }] },
        event: { type: 'points', params: { points: -3, zh: '迟到', en: 'Late' } },
      },
    ];
    expect(errorsOf('penalty-points', rules)).toEqual([
      `${file}: $.rules[0].conditions.all[0].fact: unknown fact "minutesLat" (did you mean "minutesLate"?)`,
    ]);
  });

  it('names an unknown operator and an operator that does not fit the fact type', () => {
    expect(
      errorsOf('tier-thresholds', [
        tier({ all: [upi, { fact: 'upiTotal', operator: 'atLeast', value: 3 }] }),
      ]),
    ).toEqual([
      `${file}: $.rules[0].conditions.all[1].operator: unknown operator "atLeast"; known: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn`,
    ]);
    expect(
      errorsOf('tier-thresholds', [
        tier({ all: [upi, { fact: 'upiItem25', operator: 'greaterThan', value: 0 }] }),
      ]),
    ).toEqual([
      `${file}: $.rules[0].conditions.all[1].operator: operator "greaterThan" does not apply to fact "upiItem25" (true or false)`,
    ]);
  });

  it('checks values against the fact type: enum values, ranges that can never match, arrays for in', () => {
    expect(
      errorsOf('tier-thresholds', [
        tier({ all: [{ fact: 'instrument', operator: 'equal', value: 'PHQ9' }] }),
      ]),
    ).toEqual([
      `${file}: $.rules[0].conditions.all[0].value: expected one of "UPI", "PHQ-9", "GAD-7", "SCL-90" for instrument`,
    ]);
    expect(
      errorsOf('tier-thresholds', [
        tier({ all: [upi, { fact: 'upiTotal', operator: 'greaterThan', value: 56 }] }),
      ]),
    ).toEqual([
      `${file}: $.rules[0].conditions.all[1].value: can never be true: upiTotal is an integer 0–56`,
    ]);
    expect(
      errorsOf('tier-thresholds', [tier({ all: [{ fact: 'instrument', operator: 'in', value: 'UPI' }] })]),
    ).toEqual([`${file}: $.rules[0].conditions.all[0].value: "in" needs a non-empty array of values`]);
  });

  it('refuses malformed conditions', () => {
    expect(
      errorsOf('tier-thresholds', [tier({ fact: 'instrument', operator: 'equal', value: 'UPI' })]),
    ).toEqual([
      `${file}: $.rules[0].conditions: malformed condition: the top level must be "all", "any" or "not"`,
    ]);
    expect(errorsOf('tier-thresholds', [tier({ all: [] })])).toEqual([
      `${file}: $.rules[0].conditions.all: malformed condition: "all" is empty`,
    ]);
    expect(errorsOf('tier-thresholds', [tier({ all: [upi, { fact: 'upiTotal', value: 3 }] })])).toEqual([
      `${file}: $.rules[0].conditions.all[1]: malformed condition: missing "operator"`,
      `${file}: $.rules[0].conditions.all[1].operator: unknown operator undefined; known: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn`,
    ]);
    expect(
      errorsOf('tier-thresholds', [
        tier({ all: [upi, { fact: 'upiTotal', operator: 'equal', value: 3, path: '$.x' }] }),
      ]),
    ).toEqual([`${file}: $.rules[0].conditions.all[1].path: "path" is not supported: facts are flat values`]);
  });

  it('requires a rule that tests a scoped fact to require its scope', () => {
    expect(
      errorsOf('tier-thresholds', [
        tier({ any: [{ fact: 'phq9Total', operator: 'greaterThan', value: 9 }] }),
      ]),
    ).toEqual([
      `${file}: $.rules[0].conditions.any[0].fact: fact "phq9Total" is only given when instrument is "PHQ-9": add {"fact": "instrument", "operator": "equal", "value": "PHQ-9"} to the rule's top-level "all"`,
    ]);
  });

  it('checks events against the contract', () => {
    expect(errorsOf('tier-thresholds', [tier({ all: [upi] }, { tier: 4, zh: '高', en: 'High' })])).toEqual([
      `${file}: $.rules[0].event.params.tier: Invalid option: expected one of 1|2|3`,
    ]);
    expect(
      errorsOf('tier-thresholds', [{ ...tier({ all: [upi] }), event: { type: 'level', params: {} } }]),
    ).toEqual([`${file}: $.rules[0].event.type: unknown event "level" for tier-thresholds; known: tier`]);
    expect(errorsOf('tier-thresholds', [tier({ all: [upi] }, { tier: 1, zh: '高' })])).toEqual([
      `${file}: $.rules[0].event.params.en: is required (string)`,
    ]);
  });

  it('checks names, overrides, decisions and sources', () => {
    const a = tier({ all: [upi] }, undefined, { overrides: ['b'] });
    const b = { ...tier({ all: [upi] }, undefined, { overrides: ['r'] }), name: 'b' };
    expect(errorsOf('tier-thresholds', [a, b])).toEqual([
      `${file}: $.rules[0].overrides: override cycle: r → b → r`,
    ]);
    expect(errorsOf('tier-thresholds', [a, { ...a }])).toEqual([
      `${file}: $.rules[1].name: duplicate rule name "r" (also $.rules[0])`,
      `${file}: $.rules[0].overrides[0]: unknown rule "b"`,
      `${file}: $.rules[1].overrides[0]: unknown rule "b"`,
    ]);
    expect(errorsOf('tier-thresholds', [tier({ all: [upi] })], { decision: 'loudest' })).toEqual([
      `${file}: $.decision: unknown decision "loudest" for tier-thresholds; known: most-serious-tier, highest-priority`,
    ]);
    expect(
      errorsOf('tier-thresholds', [
        { ...tier({ all: [upi] }), source: [{ seed: '000_817973e016b25a42.txt' }] },
      ]),
    ).toEqual([`${file}: $.rules[0].source[0].quote: a seed source needs the "quote" it encodes`]);
  });

  it('keeps derived facts out of first-stage rules', () => {
    const rule = {
      name: 'convert',
      source,
      conditions: {
        all: [
          { fact: 'subject', operator: 'equal', value: 'member' },
          { fact: 'effectiveAbsenceCount', operator: 'greaterThan', value: 1 },
        ],
      },
      event: { type: 'late-conversion', params: { latesPerAbsence: 2 } },
    };
    expect(errorsOf('term-sanctions', [rule])).toEqual([
      `${file}: $.rules[0].conditions.all[1].fact: derived fact "effectiveAbsenceCount" is computed after the first stage; a "late-conversion" rule cannot test it`,
    ]);
  });
});

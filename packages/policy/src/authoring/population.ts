import { parse } from 'csv-parse/sync';
import type { AreaContract, Random } from '../contracts/contract';
import type { FactType } from '../contracts/facts';
import type { RuleSet } from '../rules/schema';

/**
 * A deterministic random source (mulberry32), so a generated population is the same on every run.
 * @example seededRandom(42).int(1, 6)
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (values) => values[Math.floor(next() * values.length)]!,
    chance: (p) => next() < p,
  };
}

/** Enum and boolean values that rules test, per fact (generators use it to stay within what a plugin covers). */
export function testedValues(ruleSets: readonly (RuleSet | undefined)[]): Map<string, Set<unknown>> {
  const tested = new Map<string, Set<unknown>>();
  const visit = (node: unknown) => {
    const condition = node as Record<string, unknown>;
    for (const key of ['all', 'any'] as const)
      if (Array.isArray(condition[key])) (condition[key] as unknown[]).forEach(visit);
    if (condition.not) visit(condition.not);
    if (typeof condition.fact === 'string' && typeof condition.value !== 'number') {
      const values = tested.get(condition.fact) ?? new Set();
      for (const value of Array.isArray(condition.value) ? condition.value : [condition.value])
        values.add(value);
      tested.set(condition.fact, values);
    }
  };
  for (const ruleSet of ruleSets) for (const rule of ruleSet?.rules ?? []) visit(rule.conditions);
  return tested;
}

/** A generated population of `size` subjects for an area. */
export function generatePopulation(
  contract: AreaContract,
  ruleSets: readonly (RuleSet | undefined)[],
  size: number,
  seed: number,
): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const tested = testedValues(ruleSets);
  return Array.from({ length: size }, () => contract.generate(random, tested));
}

function convert(type: FactType, text: string): unknown {
  if (type.kind === 'integer' || type.kind === 'number') return Number(text);
  if (type.kind === 'boolean') {
    const lower = text.toLowerCase();
    if (['true', '1', 'yes', 'y', '是'].includes(lower)) return true;
    if (['false', '0', 'no', 'n', '否'].includes(lower)) return false;
    return text;
  }
  return text;
}

/**
 * Reads a population from CSV: a header row of fact names, one subject per row; empty cells are absent facts.
 * Unknown columns are an error naming the column; values are typed by the area's facts (booleans accept
 * true/false, 1/0, yes/no, 是/否).
 * @example readPopulationCsv('instrument,phq9Total,phq9Item9\nPHQ-9,12,0\n', contract)
 */
export function readPopulationCsv(text: string, contract: AreaContract): Record<string, unknown>[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  const first = rows[0];
  if (!first) throw new Error('the population file has no rows');
  for (const column of Object.keys(first)) {
    if (!contract.facts[column]) throw new Error(`column "${column}" is not a fact of ${contract.id}`);
  }
  return rows.map((row) => {
    const facts: Record<string, unknown> = {};
    for (const [column, text] of Object.entries(row)) {
      if (text !== '') facts[column] = convert(contract.facts[column]!.type, text);
    }
    return facts;
  });
}

import type { FactSpec, FactSpecs } from '../contracts/facts';
import { checkFactValue, describeFactType } from '../contracts/facts';
import { didYouMean, type PathSegment } from '../errors';
import { OPERATORS, type Operator } from './schema';

const NUMERIC: readonly Operator[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const LEAF_KEYS = new Set(['fact', 'operator', 'value']);

/** A fact test found in a rule's conditions, with where it is. */
export interface FactTest {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: unknown;
  readonly path: readonly PathSegment[];
}

/** A problem found in conditions (path relative to the rule file). */
export interface ConditionProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Walks a rule's top-level condition and checks every node against the area's facts: shape, known facts and
 * operators, operators that fit the fact's type, values of the right type and range.
 * @example checkConditions({ all: [{ fact: 'upiTotal', operator: 'greaterThanInclusive', value: 25 }] }, ['rules', 0, 'conditions'], facts)
 */
export function checkConditions(
  conditions: unknown,
  path: readonly PathSegment[],
  facts: FactSpecs,
): { problems: ConditionProblem[]; tests: FactTest[] } {
  const problems: ConditionProblem[] = [];
  const tests: FactTest[] = [];
  /** Records a problem; returns false so checks can `return problem(…)`. */
  const problem = (at: readonly PathSegment[], message: string): false => {
    problems.push({ path: at, message });
    return false;
  };

  const walk = (node: unknown, at: readonly PathSegment[], topLevel: boolean): boolean => {
    if (!isObject(node)) return problem(at, 'malformed condition: expected an object');
    const booleanKeys = ['all', 'any', 'not'].filter((key) => key in node);
    if ('condition' in node)
      return problem([...at, 'condition'], 'named conditions are not supported: write the condition out');
    if (booleanKeys.length > 1)
      return problem(at, `malformed condition: use one of ${booleanKeys.join(', ')} per object`);
    const [booleanKey] = booleanKeys;
    if (booleanKey) {
      for (const key of Object.keys(node))
        if (key !== booleanKey) problem([...at, key], `unexpected key "${key}" beside "${booleanKey}"`);
      const inner = node[booleanKey];
      if (booleanKey === 'not') return walk(inner, [...at, 'not'], false);
      if (!Array.isArray(inner))
        return problem([...at, booleanKey], `malformed condition: "${booleanKey}" must be an array`);
      if (inner.length === 0)
        return problem([...at, booleanKey], `malformed condition: "${booleanKey}" is empty`);
      for (const [index, child] of inner.entries()) walk(child, [...at, booleanKey, index], false);
      return true;
    }
    if (topLevel) return problem(at, 'malformed condition: the top level must be "all", "any" or "not"');
    return checkLeaf(node, at);
  };

  const checkLeaf = (node: Record<string, unknown>, at: readonly PathSegment[]): boolean => {
    for (const key of Object.keys(node)) {
      if (key === 'path' || key === 'params')
        problem([...at, key], `"${key}" is not supported: facts are flat values`);
      else if (!LEAF_KEYS.has(key)) problem([...at, key], `unexpected key "${key}"`);
    }
    for (const key of LEAF_KEYS) if (!(key in node)) problem(at, `malformed condition: missing "${key}"`);
    const { fact, operator, value } = node;
    if (typeof fact !== 'string') return problem([...at, 'fact'], 'fact must be a string');
    const spec = facts[fact];
    if (!spec)
      return problem([...at, 'fact'], `unknown fact "${fact}"${didYouMean(fact, Object.keys(facts))}`);
    if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
      return problem(
        [...at, 'operator'],
        `unknown operator ${JSON.stringify(operator)}${typeof operator === 'string' ? didYouMean(operator, OPERATORS) : ''}; known: ${OPERATORS.join(', ')}`,
      );
    }
    const op = operator as Operator;
    const numeric = spec.type.kind === 'integer' || spec.type.kind === 'number';
    if (NUMERIC.includes(op) && !numeric) {
      return problem(
        [...at, 'operator'],
        `operator "${op}" does not apply to fact "${fact}" (${describeFactType(spec.type)})`,
      );
    }
    if (!('value' in node)) return false;
    const valueProblem = checkValue(spec, op, value, facts);
    if (valueProblem) return problem([...at, 'value'], valueProblem.replace('%fact', fact));
    tests.push({ fact, operator: op, value, path: at });
    return true;
  };

  walk(conditions, path, true);
  return { problems, tests };
}

function checkValue(
  spec: FactSpec,
  operator: Operator,
  value: unknown,
  facts: FactSpecs,
): string | undefined {
  if (isObject(value)) {
    const other = typeof value.fact === 'string' ? facts[value.fact] : undefined;
    if (!other || Object.keys(value).length !== 1) return 'a value object must be {"fact": "<known fact>"}';
    return other.type.kind === spec.type.kind
      ? undefined
      : `cannot compare %fact with "${String(value.fact)}" of another type`;
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value) || value.length === 0) return `"${operator}" needs a non-empty array of values`;
    for (const item of value) {
      const problem = checkFactValue(spec.type, item);
      if (problem) return `${JSON.stringify(item)}: ${problem} for %fact`;
    }
    return undefined;
  }
  if (Array.isArray(value)) return `"${operator}" compares with one value, not an array`;
  if (NUMERIC.includes(operator)) {
    if (typeof value !== 'number') return `expected a number for "${operator}"`;
    const { min, max } = spec.type as { min: number; max: number };
    const never =
      (operator === 'lessThan' && value <= min) ||
      (operator === 'lessThanInclusive' && value < min) ||
      (operator === 'greaterThan' && value >= max) ||
      (operator === 'greaterThanInclusive' && value > max);
    return never ? `can never be true: %fact is ${describeFactType(spec.type)}` : undefined;
  }
  const problem = checkFactValue(spec.type, value);
  return problem ? `${problem} for %fact` : undefined;
}

/**
 * Evaluates a validated condition synchronously with json-rules-engine's semantics for the allowed operators
 * (undefined facts fail every numeric test; `notEqual`/`notIn` hold for them). Used by the conflict finder to search
 * many fact combinations quickly; every conflict it finds is confirmed by json-rules-engine itself.
 */
export function conditionHolds(condition: unknown, facts: Readonly<Record<string, unknown>>): boolean {
  const node = condition as Record<string, unknown>;
  if ('all' in node) return (node.all as unknown[]).every((child) => conditionHolds(child, facts));
  if ('any' in node) return (node.any as unknown[]).some((child) => conditionHolds(child, facts));
  if ('not' in node) return !conditionHolds(node.not, facts);
  const left = facts[node.fact as string];
  const raw = node.value;
  const right = isObject(raw) ? facts[raw.fact as string] : raw;
  switch (node.operator as Operator) {
    case 'equal':
      return left === right;
    case 'notEqual':
      return left !== right;
    case 'in':
      return (right as unknown[]).indexOf(left) > -1;
    case 'notIn':
      return (right as unknown[]).indexOf(left) === -1;
    default: {
      if (Number.isNaN(Number.parseFloat(left as string))) return false;
      const a = left as number;
      const b = right as number;
      if (node.operator === 'lessThan') return a < b;
      if (node.operator === 'lessThanInclusive') return a <= b;
      if (node.operator === 'greaterThan') return a > b;
      return a >= b;
    }
  }
}

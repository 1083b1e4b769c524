import type { Operator } from '../rules/schema';

/**
 * Rule conditions compiled to plain synchronous functions with json-rules-engine 7's semantics for the operators
 * and facts rule files may use (flat facts, `allowUndefinedFacts`), for bulk evaluation such as `policy diff`:
 * json-rules-engine clones a result object per rule and runs every condition through promises, ~50 µs per subject,
 * where these take well under 1 µs. fast-rules.test.ts checks them equal to json-rules-engine on generated and
 * random subjects; CompiledArea.decision uses them.
 */

type Facts = Readonly<Record<string, unknown>>;
/** Whether a compiled condition holds for a run's facts. */
export type Predicate = (facts: Facts) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;

/** What the almanac gives for a fact: the run's own value, undefined for an absent one (never a prototype's). */
const factValue = (facts: Facts, name: string): unknown =>
  hasOwn.call(facts, name) ? facts[name] : undefined;

/** json-rules-engine's validator of the numeric operators' fact value. */
const numeric = (value: unknown): boolean => Number.parseFloat(value as string).toString() !== 'NaN';

/** The operators as json-rules-engine defines them (engine-default-operators.js). */
const OPERATOR_TESTS: Record<Operator, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
};

interface Leaf {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: unknown;
}

const referencedFact = (value: unknown): string | undefined =>
  value !== null && typeof value === 'object' && hasOwn.call(value, 'fact')
    ? ((value as { fact: string }).fact as string)
    : undefined;

function compileLeaf(leaf: Leaf): Predicate {
  const test = OPERATOR_TESTS[leaf.operator];
  if (!test) throw new Error(`unknown operator ${JSON.stringify(leaf.operator)}`);
  const { fact, value } = leaf;
  const other = referencedFact(value);
  if (other !== undefined) return (facts) => test(factValue(facts, fact), factValue(facts, other));
  return (facts) => test(factValue(facts, fact), value);
}

/**
 * Compiles a validated condition (all/any/not of fact tests). `all` and `any` stop at the first child that settles
 * them; json-rules-engine evaluates every child, which gives the same answer because only the tests in
 * {@link throwingTests} can throw, and those are run on their own before the rules.
 */
export function compileCondition(node: unknown): Predicate {
  const condition = node as Record<string, unknown>;
  if (hasOwn.call(condition, 'any')) {
    const children = (condition.any as unknown[]).map(compileCondition);
    if (children.length === 0) return () => true; // json-rules-engine's empty list holds for any and all alike
    return (facts) => {
      for (const child of children) if (child(facts)) return true;
      return false;
    };
  }
  if (hasOwn.call(condition, 'all')) {
    const children = (condition.all as unknown[]).map(compileCondition);
    return (facts) => {
      for (const child of children) if (!child(facts)) return false;
      return true;
    };
  }
  if (hasOwn.call(condition, 'not')) {
    const child = compileCondition(condition.not);
    return (facts) => !child(facts);
  }
  return compileLeaf(condition as unknown as Leaf);
}

/**
 * The tests of a condition that can throw: `in`/`notIn` against another fact, whose value may be absent (or not a
 * list). json-rules-engine evaluates every test of every rule it holds and fails the whole run when one throws; each
 * returned function runs one such test and throws the same TypeError.
 */
export function throwingTests(node: unknown): Predicate[] {
  const condition = node as Record<string, unknown>;
  for (const key of ['any', 'all'] as const)
    if (hasOwn.call(condition, key)) return (condition[key] as unknown[]).flatMap(throwingTests);
  if (hasOwn.call(condition, 'not')) return throwingTests(condition.not);
  const leaf = condition as unknown as Leaf;
  const throws =
    (leaf.operator === 'in' || leaf.operator === 'notIn') && referencedFact(leaf.value) !== undefined;
  return throws ? [compileLeaf(leaf)] : [];
}

import type { RuleTrace } from '../engine/compiled-area';

interface EvaluatedNode {
  all?: EvaluatedNode[];
  any?: EvaluatedNode[];
  not?: EvaluatedNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  result?: boolean;
  factResult?: unknown;
}

const mark = (result: boolean | undefined) => (result === undefined ? '·' : result ? '✓' : '✗');

/**
 * Renders json-rules-engine's evaluated condition tree: each fact test with ✓/✗ and the value the fact had
 * (`·` when the engine did not reach it).
 * @example formatConditions(trace.conditions, '    ') // ['    ✓ upiTotal greaterThanInclusive 25 (fact: 27)']
 */
export function formatConditions(node: unknown, indent: string): string[] {
  const condition = node as EvaluatedNode | undefined;
  if (!condition) return [`${indent}· (not evaluated: the rule cannot fire for these facts)`];
  for (const key of ['all', 'any'] as const) {
    const children = condition[key];
    if (children) {
      return [
        `${indent}${mark(condition.result)} ${key}:`,
        ...children.flatMap((child) => formatConditions(child, `${indent}  `)),
      ];
    }
  }
  if (condition.not)
    return [`${indent}${mark(condition.result)} not:`, ...formatConditions(condition.not, `${indent}  `)];
  const fact = condition.factResult === undefined ? 'absent' : JSON.stringify(condition.factResult);
  return [
    `${indent}${mark(condition.result)} ${condition.fact} ${condition.operator} ${JSON.stringify(condition.value)} (fact: ${fact})`,
  ];
}

/** Renders one rule's trace: fired or not, overridden, and its conditions. */
export function formatRuleTrace(trace: RuleTrace, indent: string): string[] {
  const state = trace.overridden ? 'fired, overridden' : trace.fired ? 'fired' : 'silent';
  const inner =
    (trace.conditions as EvaluatedNode | undefined)?.all ??
    (trace.conditions as EvaluatedNode | undefined)?.any;
  const body = inner
    ? inner.flatMap((child) => formatConditions(child, `${indent}    `))
    : formatConditions(trace.conditions, `${indent}    `);
  return [`${indent}${trace.fired ? '✓' : '✗'} ${trace.name} (${state})`, ...body];
}

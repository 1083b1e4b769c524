/** One problem found in a plugin: the file, the JSON path inside it, and what is wrong. */
export interface PolicyError {
  /** Path of the file as shown to authors, e.g. `plugins/hut/rules/penalty-points.json`. */
  readonly file: string;
  /** JSONPath of the offending value, e.g. `$.rules[3].conditions.all[0].fact`; `$` for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** A path segment: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats path segments as JSONPath, quoting keys that are not identifiers.
 * @example jsonPath(['rules', 3, 'conditions', 'all', 0, 'fact']) // '$.rules[3].conditions.all[0].fact'
 */
export function jsonPath(segments: readonly PathSegment[]): string {
  let out = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Formats an error as one line: `file: path: message`.
 * @example formatPolicyError({ file: 'plugins/hut/plugin.json', path: '$.version', message: 'not a semantic version' })
 */
export function formatPolicyError(error: PolicyError): string {
  return `${error.file}: ${error.path}: ${error.message}`;
}

/** Thrown when the facts given to `evaluate` break the area's contract (unknown fact, wrong type, out of range). */
export class PolicyFactsError extends Error {
  override readonly name = 'PolicyFactsError';
  constructor(
    readonly area: string,
    readonly issues: readonly { readonly fact: string; readonly message: string }[],
  ) {
    super(`${area}: ${issues.map((issue) => `facts.${issue.fact}: ${issue.message}`).join('; ')}`);
  }
}

/** Thrown when valid facts lead to no decision, or to one the rule set cannot give (e.g. points outside a range). */
export class PolicyEvaluationError extends Error {
  override readonly name = 'PolicyEvaluationError';
  constructor(
    readonly pluginId: string,
    readonly area: string,
    message: string,
  ) {
    super(`${pluginId} ${area}: ${message}`);
  }
}

/**
 * Suggests the closest known name for a misspelt one (edit distance ≤ 2, and small against the name's length), for "did you mean" hints.
 * @example closestName('minutesLat', ['minutesLate', 'attendance']) // 'minutesLate'
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    // Short names are only "close" to near-identical ones: "b" is not a typo of "r".
    if (distance < bestDistance && distance * 3 <= name.length) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Appends ` (did you mean "x"?)` when a close known name exists. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const suggestion = closestName(name, known);
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

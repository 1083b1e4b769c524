/**
 * Whether `actual` contains `expected`: objects match on the expected keys only, arrays element by element with the
 * same length, other values by strict equality. Returns the JSON path of the first mismatch, or undefined.
 * @example firstMismatch({ tier: 1 }, { tier: 1, reasons: [] }) // undefined
 */
export function firstMismatch(expected: unknown, actual: unknown, path = '$'): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return path;
    if (actual.length !== expected.length)
      return `${path} (length ${actual.length}, expected ${expected.length})`;
    for (const [index, item] of expected.entries()) {
      const mismatch = firstMismatch(item, actual[index], `${path}[${index}]`);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return path;
    for (const [key, value] of Object.entries(expected)) {
      const mismatch = firstMismatch(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : path;
}

/** Whether two lists hold the same names, order ignored. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

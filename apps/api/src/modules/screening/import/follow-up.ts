import type { TenantTx } from '@xinqiao/db';
import { followUpAssignments } from './queries.ts';

/** Finds who follows up a student: the nearest counsellor above the student, else the nearest station head. */
export interface ResponsibleFinder {
  /** The person responsible for the student placed at `placementPath`, or null when the network has nobody. */
  responsibleFor(placementPath: string): string | null;
}

/**
 * Reads the counsellors and college station heads of the school once, for a whole import. A student's counsellor
 * is the person with the role counsellor on the student's college or a unit above it (the nearest one; a
 * counsellor placed on the class or dorm counts too); when no counsellor reaches the student, the college
 * station head does. Several people on one unit: the one assigned first.
 */
export async function loadResponsibleFinder(tx: TenantTx): Promise<ResponsibleFinder> {
  const rows = await followUpAssignments(tx);
  const counsellors = new Map<string, string>();
  const heads = new Map<string, string>();
  for (const row of rows) {
    const byPath = row.role === 'counsellor' ? counsellors : heads;
    if (!byPath.has(row.path)) byPath.set(row.path, row.personId);
  }
  const cache = new Map<string, string | null>();
  return {
    responsibleFor(placementPath) {
      let known = cache.get(placementPath);
      if (known === undefined) {
        known = nearestOnPath(counsellors, placementPath) ?? nearestOnPath(heads, placementPath);
        cache.set(placementPath, known);
      }
      return known;
    },
  };
}

/**
 * The value of the deepest unit path on `path` (itself, its parent, … up to the root `/<root>/`) that `byPath` has.
 *
 * @example
 * nearestOnPath(new Map([['/r/c/', 'p1']]), '/r/c/k/'); // 'p1'
 */
export function nearestOnPath(byPath: ReadonlyMap<string, string>, path: string): string | null {
  let end = path.length;
  while (end > 1) {
    const found = byPath.get(path.slice(0, end));
    if (found) return found;
    // The slash that ends the parent's path: '/r/c/k/' → '/r/c/'. At the root's leading slash there is none left.
    end = path.lastIndexOf('/', end - 2) + 1;
  }
  return null;
}

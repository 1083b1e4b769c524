import { roleAssignments, type TenantTx, units } from '@xinqiao/db';
import { type AnyColumn, and, eq, exists, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Me } from '../../auth/session-types.ts';

/**
 * The part of the school's network a person may read: the subtrees of the units they hold a role on, plus the
 * units above those (the chain up to the school root, so they know whom they report to). A role on the root makes
 * the whole school visible. Other colleges' branches stay out of sight: a counsellor of one college never learns
 * which classes, dorms or colleagues another college has.
 */
export interface Branch {
  /** A role sits on the root unit: the whole network is visible. */
  schoolWide: boolean;
  /** Paths of the units whose subtrees are visible (none inside another). */
  subtreePaths: string[];
  /** Ids of the units on the way from the root to each role's unit (the role's unit included). */
  ancestorIds: string[];
}

/** Ids along a materialised path ('/a/b/c/' → ['a', 'b', 'c']). */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The branch of the network `me` may read.
 *
 * @example
 * ```ts
 * branchOf(me); // { schoolWide: false, subtreePaths: ['/root/center/college1/'], ancestorIds: ['root', 'center', 'college1'] }
 * ```
 */
export function branchOf(me: Pick<Me, 'roles'>): Branch {
  // A student's role on their class reaches no one: the student side shows a student only their own things, never
  // the class's units or the people in them.
  const working = me.roles.filter((role) => role.role !== 'student');
  const paths = [...new Set(working.map((role) => role.unitPath))].sort();
  const subtreePaths = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  return {
    schoolWide: subtreePaths.some((p) => idsOnPath(p).length === 1),
    subtreePaths,
    ancestorIds: [...new Set(paths.flatMap(idsOnPath))],
  };
}

/** Whether a unit with this path is in the branch. */
export function pathInBranch(branch: Branch, path: string): boolean {
  if (branch.schoolWide) return true;
  const unitId = idsOnPath(path).at(-1);
  return (
    branch.subtreePaths.some((p) => path.startsWith(p)) ||
    (unitId !== undefined && branch.ancestorIds.includes(unitId))
  );
}

/**
 * The SQL condition "this `units` row is in the branch" (always true for a school-wide reader). Paths come from the
 * database, never from the request, and are bound as parameters.
 */
export function unitInBranch(branch: Branch): SQL | undefined {
  if (branch.schoolWide) return undefined;
  if (branch.subtreePaths.length === 0) return sql`false`;
  return or(
    ...branch.subtreePaths.map((p) => like(units.path, `${p}%`)),
    inArray(units.id, branch.ancestorIds),
  );
}

/** The SQL condition "the person in `personIdColumn` holds a role on a unit of the branch, under `underPath` if given". */
export function holdsRoleInBranch(
  tx: TenantTx,
  branch: Branch,
  personIdColumn: AnyColumn,
  underPath?: string,
): SQL {
  return exists(
    tx
      .select({ one: sql`1` })
      .from(roleAssignments)
      .innerJoin(units, eq(units.id, roleAssignments.unitId))
      .where(
        and(
          eq(roleAssignments.personId, personIdColumn),
          unitInBranch(branch),
          underPath ? like(units.path, `${underPath}%`) : undefined,
        ),
      ),
  );
}

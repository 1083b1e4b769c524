import type { RoleAssignment } from '@xinqiao/web-kit';
import type { UnitNode } from './types.ts';

/** The tree read once into look-ups: every node by id and every node's parent. */
export interface NetworkIndex {
  byId: Map<string, UnitNode>;
  parentOf: Map<string, string>;
  /** The level key of each depth, as the units in the tree show it (depth 0 is the root's level). */
  levelAtDepth: Map<number, string>;
}

/**
 * Indexes a unit tree (from `GET /api/units/tree`).
 *
 * @example
 * const index = indexNetwork(tree.roots); index.byId.get(collegeId)?.name
 */
export function indexNetwork(roots: readonly UnitNode[]): NetworkIndex {
  const index: NetworkIndex = { byId: new Map(), parentOf: new Map(), levelAtDepth: new Map() };
  const stack: { node: UnitNode; parent?: string }[] = roots.map((node) => ({ node }));
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    index.byId.set(node.id, node);
    if (parent) index.parentOf.set(node.id, parent);
    if (!index.levelAtDepth.has(node.depth)) index.levelAtDepth.set(node.depth, node.levelKey);
    for (const child of node.children) stack.push({ node: child, parent: node.id });
  }
  return index;
}

/** The ids from the root down to `id` (inclusive). */
export function pathTo(index: NetworkIndex, id: string): string[] {
  const path: string[] = [];
  for (let at: string | undefined = id; at; at = index.parentOf.get(at)) path.unshift(at);
  return path;
}

/**
 * The level a new child of `node` gets: the level of the units one level deeper. The school's network is one level
 * per depth (the API refuses anything else), so any unit at that depth tells it; undefined below the lowest level.
 */
export function childLevelKey(index: NetworkIndex, node: UnitNode): string | undefined {
  return node.children[0]?.levelKey ?? index.levelAtDepth.get(node.depth + 1);
}

/** The roles that change the network (the API checks again; this decides which forms to offer). */
const WRITERS = new Set(['school_admin', 'center_director']);

/**
 * Whether the person may add a unit under `id`: a school admin or center director whose unit is `id` or above it.
 */
export function mayAddUnder(index: NetworkIndex, roles: readonly RoleAssignment[], id: string): boolean {
  const path = pathTo(index, id);
  return roles.some((r) => WRITERS.has(r.role) && path.includes(r.unitId));
}

/**
 * Whether the person may rename `id`: a school admin over it, or a center director for a unit strictly below the
 * center (the center itself is the school's to name).
 */
export function mayRename(index: NetworkIndex, roles: readonly RoleAssignment[], id: string): boolean {
  const path = pathTo(index, id);
  return roles.some(
    (r) =>
      (r.role === 'school_admin' && path.includes(r.unitId)) ||
      (r.role === 'center_director' && path.includes(r.unitId) && r.unitId !== id),
  );
}

import type { RoleAssignment } from '@xinqiao/web-kit';
import type { UnitNode } from './api.ts';

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

/**
 * Whether the person may add a unit under `id`: one of their roles allows `network.manage` on `id` or a unit above
 * it (each role's `permissions`, from the API). The API checks again; this decides which forms to offer.
 */
export function mayAddUnder(index: NetworkIndex, roles: readonly RoleAssignment[], id: string): boolean {
  const path = pathTo(index, id);
  return roles.some((r) => r.permissions.includes('network.manage') && path.includes(r.unitId));
}

/**
 * Whether the person may rename `id`: a role allowing `network.manage` on a unit above it, or on `id` itself when
 * the role also allows `network.rename-own-unit` (a school admin; the center itself is the school's to name).
 */
export function mayRename(index: NetworkIndex, roles: readonly RoleAssignment[], id: string): boolean {
  const path = pathTo(index, id);
  return roles.some(
    (r) =>
      r.permissions.includes('network.manage') &&
      path.includes(r.unitId) &&
      (r.unitId !== id || r.permissions.includes('network.rename-own-unit')),
  );
}

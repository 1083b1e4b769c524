import type { NetworkLevel } from '@xinqiao/db';
import type { UnitRow } from './queries.ts';
import type { UnitDetailView, UnitTreeNode, UnitView } from './schemas.ts';

/** A stored unit as the API shows it, with its level's names from the school's network levels. */
export function presentUnit(row: UnitRow, levels: readonly NetworkLevel[]): UnitView {
  const level = levels.find((l) => l.key === row.levelKey);
  return {
    id: row.id,
    parentId: row.parentId,
    levelKey: row.levelKey,
    levelName: level?.name ?? row.levelKey,
    levelNameEn: level?.nameEn ?? row.levelKey,
    depth: row.depth,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A unit with the chain of units above it (root first), as `GET /api/units/{id}` answers it. */
export function presentUnitDetail(
  row: UnitRow,
  levels: readonly NetworkLevel[],
  ancestors: readonly UnitRow[],
): UnitDetailView {
  return {
    ...presentUnit(row, levels),
    ancestors: ancestors.map(({ id, name, levelKey }) => ({ id, name, levelKey })),
  };
}

/** Nests units (shallowest first) under their parents; a unit whose parent is not in the list is a root. */
export function presentUnitTree(rows: readonly UnitRow[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  const roots: UnitTreeNode[] = [];
  for (const row of rows) {
    const node: UnitTreeNode = {
      id: row.id,
      levelKey: row.levelKey,
      depth: row.depth,
      name: row.name,
      children: [],
    };
    nodes.set(row.id, node);
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

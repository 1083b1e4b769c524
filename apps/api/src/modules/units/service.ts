import type { TenantTx } from '@xinqiao/db';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import type { Page } from '../../http/pagination.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { roleToAddUnder, roleToRename } from './access.ts';
import { branchOf, idsOnPath } from './branch.ts';
import { presentUnit, presentUnitDetail, presentUnitTree } from './present.ts';
import {
  findUnitInBranch,
  insertUnit,
  listUnitsInBranch,
  networkLevelsOf,
  renameUnit,
  siblingNameTaken,
  type UnitRow,
  unitsByIds,
  unitsUnder,
} from './queries.ts';
import type {
  CreateUnitInput,
  UnitDetailView,
  UnitListFilter,
  UnitTreeNode,
  UnitView,
  UpdateUnitInput,
} from './schemas.ts';

const noSuchUnit = () => problem('units.not-found');

/**
 * A page of the units the caller may read, filtered by parent and level and searched by name. Open to every signed-in
 * person: their branch of the network (`branchOf`) is the access check.
 *
 * @example
 * ```ts
 * await listUnits(caller, { parentId: collegeId, page: 1, pageSize: 50 });
 * ```
 */
export async function listUnits(caller: Caller, filter: UnitListFilter): Promise<Page<UnitView>> {
  const { tx, me } = caller;
  const levels = await networkLevelsOf(tx, me.school.id);
  const { rows, total } = await listUnitsInBranch(tx, branchOf(me), filter, filter);
  return {
    items: rows.map((row) => presentUnit(row, levels)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** One unit the caller may read, with its ancestors; 404 when it does not exist or lies outside their branch. */
export async function getUnit(caller: Caller, id: string): Promise<UnitDetailView> {
  const { tx, me } = caller;
  const row = await findUnitInBranch(tx, branchOf(me), id);
  if (!row) throw noSuchUnit();
  return detailOf(tx, me, row);
}

async function detailOf(tx: TenantTx, me: Caller['me'], row: UnitRow): Promise<UnitDetailView> {
  const levels = await networkLevelsOf(tx, me.school.id);
  const ancestorIds = idsOnPath(row.path).slice(0, -1);
  const byId = new Map((await unitsByIds(tx, ancestorIds)).map((unit) => [unit.id, unit]));
  const ancestors = ancestorIds
    .map((ancestorId) => byId.get(ancestorId))
    .filter((unit): unit is UnitRow => unit !== undefined);
  return presentUnitDetail(row, levels, ancestors);
}

/**
 * The subtree under `rootId` (default: the school root) as far as the caller may read it: a counsellor asking for
 * the root sees the chain down to their college and everything below it, not the other colleges.
 */
export async function unitTree(caller: Caller, rootId?: string): Promise<{ roots: UnitTreeNode[] }> {
  const { tx, me } = caller;
  const branch = branchOf(me);
  let rootPath: string | undefined;
  if (rootId) {
    const root = await findUnitInBranch(tx, branch, rootId);
    if (!root) throw noSuchUnit();
    rootPath = root.path;
  }
  return { roots: presentUnitTree(await unitsUnder(tx, branch, rootPath)) };
}

/**
 * Add a unit under `parentId`. Its level must be the one right below the parent's in the school's network
 * levels; sibling names are unique (imports find classes and dorms by name). Audited as `unit.create`.
 */
export async function createUnit(caller: Caller, input: CreateUnitInput): Promise<UnitDetailView> {
  requirePermission(caller, 'network.manage');
  const { tx, me } = caller;
  const parent = await findUnitInBranch(tx, branchOf(me), input.parentId);
  if (!parent) {
    throw invalidFields([fieldError('parentId', 'units.no-such-parent')]);
  }
  const role = roleToAddUnder(me, parent.path);
  if (!role) throw problem('units.outside-branch');
  const levels = await networkLevelsOf(tx, me.school.id);
  const parentLevel = levels.findIndex((level) => level.key === parent.levelKey);
  const expected = parentLevel >= 0 ? levels[parentLevel + 1] : undefined;
  if (!expected) {
    throw invalidFields([fieldError('levelKey', 'units.lowest-level', { parent: parent.name })]);
  }
  if (input.levelKey !== expected.key) {
    throw invalidFields([
      fieldError('levelKey', 'units.wrong-level', {
        parent: parent.name,
        expected: expected.key,
        expectedName: expected.name,
        given: input.levelKey,
      }),
    ]);
  }
  await assertNameFree(tx, parent.id, input.name);
  const row = await insertUnit(tx, {
    schoolId: me.school.id,
    parentId: parent.id,
    levelKey: input.levelKey,
    name: input.name,
  });
  await recordAccess(tx, me, {
    action: 'unit.create',
    entity: 'unit',
    entityId: row.id,
    purpose: caller.purpose,
    role,
  });
  return detailOf(tx, me, row);
}

/** Rename a unit (the only change a unit allows: it never moves). Audited as `unit.update`. */
export async function updateUnit(
  caller: Caller,
  id: string,
  input: UpdateUnitInput,
): Promise<UnitDetailView> {
  requirePermission(caller, 'network.manage');
  const { tx, me } = caller;
  const unit = await findUnitInBranch(tx, branchOf(me), id);
  if (!unit) throw noSuchUnit();
  const role = roleToRename(me, unit.path);
  if (!role) throw problem('units.outside-branch');
  if (unit.parentId) await assertNameFree(tx, unit.parentId, input.name, unit.id);
  const row = await renameUnit(tx, id, input.name);
  await recordAccess(tx, me, {
    action: 'unit.update',
    entity: 'unit',
    entityId: id,
    purpose: caller.purpose,
    role,
  });
  return detailOf(tx, me, row);
}

async function assertNameFree(
  tx: TenantTx,
  parentId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  if (await siblingNameTaken(tx, parentId, name, exceptId)) {
    throw problem('units.name-taken', { name }).naming([fieldError('name', 'units.name-taken', { name })]);
  }
}

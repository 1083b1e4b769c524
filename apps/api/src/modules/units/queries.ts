import { type NetworkLevel, schools, type TenantTx, units } from '@xinqiao/db';
import { and, asc, count, eq, inArray, like, ne, sql } from 'drizzle-orm';
import { containsText, limitOffset, type PageRequest } from '../../http/pagination.ts';
import { type Branch, unitInBranch } from './branch.ts';

/** A stored unit, as the queries return it. */
export interface UnitRow {
  id: string;
  parentId: string | null;
  levelKey: string;
  depth: number;
  name: string;
  path: string;
  createdAt: Date;
  updatedAt: Date;
}

const unitColumns = {
  id: units.id,
  parentId: units.parentId,
  levelKey: units.levelKey,
  depth: units.depth,
  name: units.name,
  path: units.path,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
};

/** The school's network levels, root first. */
export async function networkLevelsOf(tx: TenantTx, schoolId: string): Promise<NetworkLevel[]> {
  const [row] = await tx
    .select({ levels: schools.networkLevels })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row?.levels ?? [];
}

/** One unit of the branch, or undefined when it does not exist or lies outside the branch. */
export async function findUnitInBranch(
  tx: TenantTx,
  branch: Branch,
  id: string,
): Promise<UnitRow | undefined> {
  const [row] = await tx
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.id, id), unitInBranch(branch)));
  return row;
}

/** Units by id (no branch check: callers pass ids they already may see, such as a visible unit's ancestors). */
export async function unitsByIds(tx: TenantTx, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select(unitColumns)
    .from(units)
    .where(inArray(units.id, [...ids]));
}

export interface UnitListCriteria {
  parentId?: string | undefined;
  levelKey?: string | undefined;
  q?: string | undefined;
}

/** A page of the branch's units matching the criteria, shallowest first, then by name. */
export async function listUnitsInBranch(
  tx: TenantTx,
  branch: Branch,
  criteria: UnitListCriteria,
  page: PageRequest,
): Promise<{ rows: UnitRow[]; total: number }> {
  const where = and(
    unitInBranch(branch),
    criteria.parentId ? eq(units.parentId, criteria.parentId) : undefined,
    criteria.levelKey ? eq(units.levelKey, criteria.levelKey) : undefined,
    criteria.q ? containsText(units.name, criteria.q) : undefined,
  );
  const { limit, offset } = limitOffset(page);
  const rows = await tx
    .select(unitColumns)
    .from(units)
    .where(where)
    .orderBy(asc(units.depth), asc(units.name), asc(units.id))
    .limit(limit)
    .offset(offset);
  const [counted] = await tx.select({ total: count() }).from(units).where(where);
  return { rows, total: counted?.total ?? 0 };
}

/** Every unit of the branch under `rootPath` (itself included), or the whole branch; shallowest first. */
export async function unitsUnder(tx: TenantTx, branch: Branch, rootPath?: string): Promise<UnitRow[]> {
  return tx
    .select(unitColumns)
    .from(units)
    .where(and(unitInBranch(branch), rootPath ? like(units.path, `${rootPath}%`) : undefined))
    .orderBy(asc(units.depth), asc(units.name), asc(units.id));
}

/** Whether another child of `parentId` already has this name (names are compared as the user typed them). */
export async function siblingNameTaken(
  tx: TenantTx,
  parentId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: units.id })
    .from(units)
    .where(
      and(eq(units.parentId, parentId), eq(units.name, name), exceptId ? ne(units.id, exceptId) : undefined),
    )
    .limit(1);
  return row !== undefined;
}

/** Store a new unit; the database fills in its path and depth from the parent. */
export async function insertUnit(
  tx: TenantTx,
  values: { schoolId: string; parentId: string; levelKey: string; name: string },
): Promise<UnitRow> {
  const [row] = await tx
    .insert(units)
    .values({ ...values, depth: 0, path: '' })
    .returning(unitColumns);
  return row!;
}

/** Rename a unit. */
export async function renameUnit(tx: TenantTx, id: string, name: string): Promise<UnitRow> {
  const [row] = await tx
    .update(units)
    .set({ name, updatedAt: sql`now()` })
    .where(eq(units.id, id))
    .returning(unitColumns);
  return row!;
}

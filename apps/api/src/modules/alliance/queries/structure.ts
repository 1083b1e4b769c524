import { allianceDepartments, allianceTerms, people, students, type TenantTx, units } from '@xinqiao/db';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { TermStatus } from '../kinds.ts';

export type DepartmentRow = typeof allianceDepartments.$inferSelect;
export type TermRow = typeof allianceTerms.$inferSelect;

/** The departments and college branches of the school's alliance, in the order they were created. */
export function listDepartments(tx: TenantTx): Promise<DepartmentRow[]> {
  return tx.select().from(allianceDepartments).orderBy(asc(allianceDepartments.createdAt));
}

/** One department, if it exists in the caller's school. */
export async function getDepartment(tx: TenantTx, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await tx.select().from(allianceDepartments).where(eq(allianceDepartments.id, id));
  return row;
}

/** Adds a department or college branch to the school's alliance. */
export async function insertDepartment(
  tx: TenantTx,
  values: typeof allianceDepartments.$inferInsert,
): Promise<DepartmentRow> {
  const [row] = await tx.insert(allianceDepartments).values(values).returning();
  return row!;
}

/** The terms of the alliance, newest first. */
export function listTerms(tx: TenantTx): Promise<TermRow[]> {
  return tx.select().from(allianceTerms).orderBy(desc(allianceTerms.startsOn));
}

/** One term. */
export async function getTerm(tx: TenantTx, id: string): Promise<TermRow | undefined> {
  const [row] = await tx.select().from(allianceTerms).where(eq(allianceTerms.id, id));
  return row;
}

/** Opens a term. */
export async function insertTerm(tx: TenantTx, values: typeof allianceTerms.$inferInsert): Promise<TermRow> {
  const [row] = await tx.insert(allianceTerms).values(values).returning();
  return row!;
}

/** Closes or reopens a term. */
export async function setTermStatus(tx: TenantTx, id: string, status: TermStatus): Promise<TermRow> {
  const [row] = await tx.update(allianceTerms).set({ status }).where(eq(allianceTerms.id, id)).returning();
  return row!;
}

// Foreign keys do not see row-level security: these ask whether a linked row is one the caller may see.

/** Whether the unit exists in the caller's school. */
export async function unitExists(tx: TenantTx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: units.id }).from(units).where(eq(units.id, id));
  return !!row;
}

/** The student's number, when the student is visible to the caller (row-level security decides). */
export async function visibleStudentNumber(tx: TenantTx, id: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ studentNumber: students.studentNumber })
    .from(students)
    .where(eq(students.id, id));
  return row?.studentNumber;
}

/** Whether the account belongs to the caller's school. */
export async function personExists(tx: TenantTx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, id));
  return !!row;
}

/** Display names of some accounts, by id (the authors of ledger entries). */
export async function displayNamesOf(tx: TenantTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.displayName })
    .from(people)
    .where(inArray(people.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

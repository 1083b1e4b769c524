import {
  type CaseKind,
  type CaseStatus,
  caseEntries,
  cases,
  people,
  type Role,
  roleAssignments,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, asc, count, desc, eq, gte, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { limitOffset, type PageRequest } from '../../http/pagination.ts';
import type { CaseListFilter } from './schemas.ts';

const responsible = alias(people, 'responsible');
const opener = alias(people, 'opener');

/** A case with its student and the names of the people on it. */
export interface CaseRow {
  id: string;
  studentId: string;
  studentNumber: string;
  studentName: string;
  studentPath: string;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  responsiblePersonId: string | null;
  responsibleName: string | null;
  dueDate: string | null;
  openedBy: string | null;
  openerName: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function selectCases(tx: TenantTx) {
  return tx
    .select({
      id: cases.id,
      studentId: cases.studentId,
      studentNumber: students.studentNumber,
      studentName: students.name,
      studentPath: students.placementPath,
      kind: cases.kind,
      status: cases.status,
      title: cases.title,
      responsiblePersonId: cases.responsiblePersonId,
      responsibleName: responsible.displayName,
      dueDate: cases.dueDate,
      openedBy: cases.openedBy,
      openerName: opener.displayName,
      closedAt: cases.closedAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .innerJoin(students, eq(students.id, cases.studentId))
    .leftJoin(responsible, eq(responsible.id, cases.responsiblePersonId))
    .leftJoin(opener, eq(opener.id, cases.openedBy));
}

/** The case with this id, if the caller sees its student in full (RLS). */
export async function findCase(tx: TenantTx, id: string): Promise<CaseRow | undefined> {
  const [row] = await selectCases(tx).where(eq(cases.id, id));
  return row;
}

/** Due before `today` and still open or in progress. */
function overdue(today: string): SQL {
  return and(lt(cases.dueDate, today), ne(cases.status, 'closed'))!;
}

function caseConditions(filter: CaseListFilter, today: string): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(cases.status, filter.status));
  if (filter.kind) conditions.push(eq(cases.kind, filter.kind));
  if (filter.responsiblePersonId) conditions.push(eq(cases.responsiblePersonId, filter.responsiblePersonId));
  if (filter.studentId) conditions.push(eq(cases.studentId, filter.studentId));
  if (filter.overdue === 'true') conditions.push(overdue(today));
  if (filter.overdue === 'false') {
    conditions.push(or(isNull(cases.dueDate), eq(cases.status, 'closed'), gte(cases.dueDate, today))!);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** One page of the cases the caller sees, soonest due first (undated last), and how many match in all. */
export async function listCases(
  tx: TenantTx,
  filter: CaseListFilter,
  page: PageRequest,
  today: string,
): Promise<{ rows: CaseRow[]; total: number }> {
  const where = caseConditions(filter, today);
  const { limit, offset } = limitOffset(page);
  const rows = await selectCases(tx)
    .where(where)
    // ASC puts NULLs last in PostgreSQL: undated cases come after every dated one.
    .orderBy(asc(cases.dueDate), desc(cases.createdAt), asc(cases.id))
    .limit(limit)
    .offset(offset);
  const [counted] = await tx.select({ total: count() }).from(cases).where(where);
  return { rows, total: counted?.total ?? 0 };
}

/** A case entry with its author's name. */
export interface CaseEntryRow {
  id: string;
  kind: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

/** The timeline of a case, newest first. */
export async function caseEntriesOf(tx: TenantTx, caseId: string): Promise<CaseEntryRow[]> {
  return tx
    .select({
      id: caseEntries.id,
      kind: caseEntries.kind,
      body: caseEntries.body,
      authorId: caseEntries.authorId,
      authorName: people.displayName,
      createdAt: caseEntries.createdAt,
    })
    .from(caseEntries)
    .leftJoin(people, eq(people.id, caseEntries.authorId))
    .where(eq(caseEntries.caseId, caseId))
    .orderBy(desc(caseEntries.createdAt), desc(caseEntries.id));
}

/** Opens a case; returns its id. */
export async function insertCase(
  tx: TenantTx,
  values: {
    schoolId: string;
    studentId: string;
    kind: CaseKind;
    title: string;
    responsiblePersonId: string;
    dueDate: string;
    openedBy: string;
  },
): Promise<string> {
  const [row] = await tx.insert(cases).values(values).returning({ id: cases.id });
  return row!.id;
}

/** Changes a case's columns and stamps updated_at (cases have no trigger doing it). */
export async function updateCaseRow(
  tx: TenantTx,
  id: string,
  changes: Partial<{
    status: CaseStatus;
    responsiblePersonId: string;
    dueDate: string;
    title: string;
    closedAt: SQL;
  }>,
): Promise<void> {
  await tx
    .update(cases)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(cases.id, id));
}

/** Appends one entry to a case's timeline; returns its id. */
export async function insertCaseEntry(
  tx: TenantTx,
  values: { schoolId: string; caseId: string; kind: string; body: string; authorId: string },
): Promise<string> {
  const [row] = await tx.insert(caseEntries).values(values).returning({ id: caseEntries.id });
  return row!.id;
}

/** The roles a person of the caller's school holds, with the unit paths they reach; empty if disabled or unknown. */
export async function rolesOfPerson(
  tx: TenantTx,
  personId: string,
): Promise<{ role: Role; unitPath: string; displayName: string }[]> {
  return tx
    .select({ role: roleAssignments.role, unitPath: units.path, displayName: people.displayName })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.personId, personId), eq(people.disabled, false)));
}

import {
  type CaseKind,
  type CaseStatus,
  type ConcernOutcome,
  type ConcernStatus,
  type ConcernUrgency,
  caseEntries,
  cases,
  concernReports,
  people,
  type Role,
  reusableStatement,
  roleAssignments,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, asc, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { limitOffset, type PageRequest, prefixPattern } from '../../http/pagination.ts';
import type { ConcernListFilter } from './schemas.ts';

const reporter = alias(people, 'reporter');
const assignee = alias(people, 'assignee');
const triager = alias(people, 'triager');
const college = alias(units, 'college');
const klass = alias(units, 'klass');

/**
 * A concern report with its student (null when RLS hides the student from the caller: a reporter whose view of the
 * student ended) and the names of the people on it.
 */
export interface ConcernRow {
  id: string;
  studentId: string;
  student: {
    name: string;
    studentNumber: string;
    placementPath: string;
    collegeId: string;
    collegeName: string;
    className: string;
  } | null;
  reporterId: string;
  reporterName: string;
  reporterRoles: string[];
  signs: string[];
  note: string;
  urgency: ConcernUrgency;
  selfHarm: boolean;
  status: ConcernStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date;
  outcome: ConcernOutcome | null;
  caseId: string | null;
  closeReason: string | null;
  triagedBy: string | null;
  triagerName: string | null;
  triagedAt: Date | null;
  pluginId: string;
  pluginVersion: string;
  createdAt: Date;
}

/** The roles the reporter holds, so the counsellor knows who saw it (心理委员, 寝室联络员…). */
const reporterRoles = sql<string[]>`coalesce((
  SELECT array_agg(DISTINCT ra.role ORDER BY ra.role) FROM role_assignments ra WHERE ra.person_id = ${concernReports.reporterId}
), '{}')`;

function selectConcerns(tx: TenantTx) {
  return tx
    .select({
      id: concernReports.id,
      studentId: concernReports.studentId,
      studentName: students.name,
      studentNumber: students.studentNumber,
      placementPath: students.placementPath,
      collegeId: students.collegeUnitId,
      collegeName: college.name,
      className: klass.name,
      reporterId: concernReports.reporterId,
      reporterName: reporter.displayName,
      reporterRoles,
      signs: concernReports.signs,
      note: concernReports.note,
      urgency: concernReports.urgency,
      selfHarm: concernReports.selfHarm,
      status: concernReports.status,
      assigneeId: concernReports.assigneeId,
      assigneeName: assignee.displayName,
      dueAt: concernReports.dueAt,
      outcome: concernReports.outcome,
      caseId: concernReports.caseId,
      closeReason: concernReports.closeReason,
      triagedBy: concernReports.triagedBy,
      triagerName: triager.displayName,
      triagedAt: concernReports.triagedAt,
      pluginId: concernReports.pluginId,
      pluginVersion: concernReports.pluginVersion,
      createdAt: concernReports.createdAt,
    })
    .from(concernReports)
    .leftJoin(students, eq(students.id, concernReports.studentId))
    .leftJoin(college, eq(college.id, students.collegeUnitId))
    .leftJoin(klass, eq(klass.id, students.classUnitId))
    .innerJoin(reporter, eq(reporter.id, concernReports.reporterId))
    .leftJoin(assignee, eq(assignee.id, concernReports.assigneeId))
    .leftJoin(triager, eq(triager.id, concernReports.triagedBy));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectConcerns>['execute']>>[number];

function rowOf(r: Selected): ConcernRow {
  const { studentName, studentNumber, placementPath, collegeId, collegeName, className, ...rest } = r;
  const student =
    studentName !== null && studentNumber !== null && placementPath !== null && collegeId !== null
      ? {
          name: studentName,
          studentNumber,
          placementPath,
          collegeId,
          collegeName: collegeName ?? '',
          className: className ?? '',
        }
      : null;
  return { ...rest, student };
}

/** The report with this id, if RLS shows it (the caller filed it, or sees its student in full). */
export async function findConcern(tx: TenantTx, id: string): Promise<ConcernRow | undefined> {
  const [row] = await selectConcerns(tx).where(eq(concernReports.id, id));
  return row ? rowOf(row) : undefined;
}

/**
 * Reports about students the caller sees in full (not merely the ones they filed). Every read of these joins the
 * report's student, so the test is the joined path against the full-view prefixes, computed once per statement
 * (the function xq_student_full_access would look the student up again for each row).
 */
const aboutFullView = sql`${students.placementPath} ^@ ANY ((SELECT xq_full_floors())::text[])`;

function triageConditions(filter: ConcernListFilter, personId: string): SQL[] {
  const where: SQL[] = [aboutFullView];
  if (filter.status) where.push(eq(concernReports.status, filter.status));
  if (filter.urgency) where.push(eq(concernReports.urgency, filter.urgency));
  if (filter.collegeId) where.push(eq(students.collegeUnitId, filter.collegeId));
  if (filter.assignee === 'me') where.push(eq(concernReports.assigneeId, personId));
  if (filter.assignee === 'none') where.push(isNull(concernReports.assigneeId));
  return where;
}

/**
 * One page of the reports to triage about the students the caller sees in full: untriaged first, self-harm
 * first among them, then by deadline, then first filed first.
 */
export async function listConcernsToTriage(
  tx: TenantTx,
  filter: ConcernListFilter,
  page: PageRequest,
  personId: string,
): Promise<{ rows: ConcernRow[]; total: number }> {
  const where = and(...triageConditions(filter, personId));
  const { limit, offset } = limitOffset(page);
  const rows = await selectConcerns(tx)
    .where(where)
    .orderBy(
      desc(sql`${concernReports.status} = 'received'`),
      desc(concernReports.selfHarm),
      asc(concernReports.dueAt),
      asc(concernReports.createdAt),
      asc(concernReports.id),
    )
    .limit(limit)
    .offset(offset);
  const [total] = await tx
    .select({ n: count() })
    .from(concernReports)
    .leftJoin(students, eq(students.id, concernReports.studentId))
    .where(where);
  return { rows: rows.map(rowOf), total: total?.n ?? 0 };
}

/** One page of the reports the caller filed, newest first. */
export async function listFiledConcerns(
  tx: TenantTx,
  personId: string,
  status: ConcernStatus | undefined,
  page: PageRequest,
): Promise<{ rows: ConcernRow[]; total: number }> {
  const where = and(
    eq(concernReports.reporterId, personId),
    status ? eq(concernReports.status, status) : undefined,
  );
  const { limit, offset } = limitOffset(page);
  const rows = await selectConcerns(tx)
    .where(where)
    .orderBy(desc(concernReports.createdAt), asc(concernReports.id))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ n: count() }).from(concernReports).where(where);
  return { rows: rows.map(rowOf), total: total?.n ?? 0 };
}

/**
 * The untriaged reports My work lists: those assigned to the person, and (for whoever assigns within `paths`) the
 * ones in that part of the network nobody has or whose deadline passed.
 */
export async function concernsToTriage(
  tx: TenantTx,
  personId: string,
  paths: readonly string[],
  now: Date,
): Promise<ConcernRow[]> {
  const values: Record<string, unknown> = { personId, now: now.toISOString() };
  paths.forEach((path, i) => {
    values[`path${i}`] = prefixPattern(path);
  });
  const rows = await triageStatementFor(paths.length)(tx, values);
  return rows.map(rowOf);
}

/** My work's read of reports to triage, built once per number of watched subtrees (`reusableStatement`). */
const triageStatements = new Map<number, ReturnType<typeof triageStatement>>();

function triageStatementFor(watchedPaths: number) {
  let statement = triageStatements.get(watchedPaths);
  if (!statement) {
    statement = triageStatement(watchedPaths);
    triageStatements.set(watchedPaths, statement);
  }
  return statement;
}

function triageStatement(watchedPaths: number) {
  return reusableStatement((tx: TenantTx) => {
    const inSubtree = Array.from({ length: watchedPaths }, (_, i) =>
      like(students.placementPath, sql.placeholder(`path${i}`)),
    );
    const mine = eq(concernReports.assigneeId, sql.placeholder('personId'));
    const watched = inSubtree.length
      ? and(
          or(...inSubtree),
          or(
            isNull(concernReports.assigneeId),
            sql`${concernReports.dueAt} < ${sql.placeholder('now')}::timestamptz`,
          ),
        )
      : undefined;
    return selectConcerns(tx)
      .where(and(aboutFullView, eq(concernReports.status, 'received'), watched ? or(mine, watched) : mine))
      .orderBy(desc(concernReports.selfHarm), asc(concernReports.dueAt))
      .limit(1000);
  });
}

/** A new report in the caller's own name (RLS checks it, and that the caller sees the student). */
export async function insertConcern(
  tx: TenantTx,
  values: typeof concernReports.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(concernReports).values(values).returning({ id: concernReports.id });
  return row!.id;
}

/** Records the triage of a report (RLS: the full view of its student only). */
export async function updateConcern(
  tx: TenantTx,
  id: string,
  values: Partial<typeof concernReports.$inferInsert>,
): Promise<void> {
  await tx
    .update(concernReports)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(concernReports.id, id));
}

/** The college station heads whose college holds the student placed at `placementPath`. */
export async function stationHeadsOver(tx: TenantTx, placementPath: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.role, 'college_station_head'),
        sql`${placementPath} LIKE ${units.path} || '%'`,
        eq(people.disabled, false),
      ),
    );
  return rows.map((row) => row.personId);
}

/** A case as triage needs it: whose, and whether it is still open (RLS: the full view only). */
export async function findCaseBrief(
  tx: TenantTx,
  caseId: string,
): Promise<{ id: string; studentId: string; status: CaseStatus } | undefined> {
  const [row] = await tx
    .select({ id: cases.id, studentId: cases.studentId, status: cases.status })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row;
}

/** Opens the case a report leads to. */
export async function insertCaseFromConcern(
  tx: TenantTx,
  values: {
    schoolId: string;
    studentId: string;
    kind: CaseKind;
    title: string;
    responsiblePersonId: string;
    dueDate: string;
    openedBy: string;
    selfHarm: boolean;
  },
): Promise<string> {
  const [row] = await tx
    .insert(cases)
    .values({ ...values, assignedAt: sql`now()`, assignedBy: values.openedBy })
    .returning({ id: cases.id });
  return row!.id;
}

/** Writes the report into a case's timeline as a note, so the case carries what was observed. */
export async function insertCaseNote(
  tx: TenantTx,
  values: { schoolId: string; caseId: string; authorId: string; body: string },
): Promise<void> {
  await tx.insert(caseEntries).values({ ...values, kind: 'note' });
}

/** Whether these people exist and are not disabled (an assignee picked when the report was filed may have left). */
export async function activePeople(tx: TenantTx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, [...ids]), eq(people.disabled, false)));
  return rows.map((row) => row.id);
}

/** The roles each of these people holds (for the links their notifications carry). */
export async function rolesOfPeople(tx: TenantTx, ids: readonly string[]): Promise<Map<string, Role[]>> {
  const byPerson = new Map<string, Role[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byPerson;
  const rows = await tx
    .select({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(inArray(roleAssignments.personId, [...ids]));
  for (const row of rows) byPerson.get(row.personId)?.push(row.role);
  return byPerson;
}

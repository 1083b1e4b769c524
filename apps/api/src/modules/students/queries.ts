import {
  type GuardianContact,
  queryRows,
  reusableStatement,
  students,
  type TenantTx,
  units,
  withGenericPlan,
} from '@xinqiao/db';
import { and, asc, count, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  boundedTotal,
  containsText,
  countBound,
  limitOffset,
  type PageRequest,
  prefixPattern,
} from '../../http/pagination.ts';
import {
  type Attention,
  type AttentionFilter,
  attentionConditions,
  attentionOf,
  pageAttention,
} from './attention.ts';

const college = alias(units, 'college');
const klass = alias(units, 'class');
const dorm = alias(units, 'dorm');

/** A student row with the names of the units it is placed in. */
export interface StudentRow {
  id: string;
  studentNumber: string;
  name: string;
  gender: 'male' | 'female';
  enrolmentYear: number;
  collegeUnitId: string;
  collegeName: string;
  classUnitId: string;
  className: string;
  dormUnitId: string | null;
  dormName: string | null;
  placementPath: string;
  phone: string | null;
  email: string | null;
  guardians: GuardianContact[];
  createdAt: Date;
  updatedAt: Date;
}

const studentColumns = {
  id: students.id,
  studentNumber: students.studentNumber,
  name: students.name,
  gender: students.gender,
  enrolmentYear: students.enrolmentYear,
  collegeUnitId: students.collegeUnitId,
  collegeName: college.name,
  classUnitId: students.classUnitId,
  className: klass.name,
  dormUnitId: students.dormUnitId,
  dormName: dorm.name,
  placementPath: students.placementPath,
  phone: students.phone,
  email: students.email,
  guardians: students.guardians,
  createdAt: students.createdAt,
  updatedAt: students.updatedAt,
};

function selectStudents(tx: TenantTx) {
  return tx
    .select(studentColumns)
    .from(students)
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(dorm, eq(dorm.id, students.dormUnitId));
}

/** The student with this id, if the caller's row-level scope lets them see it. */
export async function findStudent(tx: TenantTx, id: string): Promise<StudentRow | undefined> {
  const [row] = await studentById(tx, { id });
  return row;
}

// Built once (reusableStatement): every file, record and write of a student reads it.
const studentById = reusableStatement((tx: TenantTx) =>
  selectStudents(tx).where(eq(students.id, sql.placeholder('id'))),
);

/** The students with these numbers that the caller's row-level scope shows. */
export async function findStudentsByNumber(tx: TenantTx, numbers: readonly string[]): Promise<StudentRow[]> {
  if (numbers.length === 0) return [];
  return selectStudents(tx).where(inArray(students.studentNumber, [...numbers]));
}

export interface StudentFilter extends AttentionFilter {
  /** Materialised path of the unit whose subtree the students are placed in. */
  unitPath?: string | undefined;
  q?: string | undefined;
}

function studentConditions(filter: StudentFilter): SQL | undefined {
  const conditions: SQL[] = attentionConditions(filter);
  if (filter.unitPath) conditions.push(like(students.placementPath, prefixPattern(filter.unitPath)));
  if (filter.q) {
    conditions.push(
      or(containsText(students.name, filter.q), containsText(students.studentNumber, filter.q))!,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** A student as the list shows them: identity and placement, no contacts; with the attention when asked for. */
export type StudentListRow = Pick<
  StudentRow,
  | 'id'
  | 'studentNumber'
  | 'name'
  | 'gender'
  | 'enrolmentYear'
  | 'collegeUnitId'
  | 'collegeName'
  | 'classUnitId'
  | 'className'
  | 'dormUnitId'
  | 'dormName'
  | 'placementPath'
> & { attention?: Attention };

/** A page of students and how many match: `total` is a lower bound when `totalExact` is false. */
export interface StudentListPage {
  rows: StudentListRow[];
  total: number;
  totalExact: boolean;
}

/** What a list read includes beyond the page: each row's attention, and a count of every matching student. */
export interface StudentListOptions {
  withAttention?: boolean;
  withTotal?: boolean;
}

/**
 * One page of the students the caller sees, by student number. With `withTotal` they are counted up to a bound
 * ({@link countedPage}); otherwise only the page is read ({@link pageAlone}). With `withAttention`, each row's
 * attention comes in the same statement.
 */
export function listStudents(
  tx: TenantTx,
  filter: StudentFilter,
  page: PageRequest,
  { withAttention = false, withTotal = false }: StudentListOptions = {},
): Promise<StudentListPage> {
  return (withTotal ? countedPage : pageAlone)(tx, filter, page, withAttention);
}

/**
 * The page and one row more, so the cost follows the page, not the school (docs/performance.md). `total` is exact
 * when the page is the last one (offset + its rows); otherwise it is a lower bound (`totalExact: false`) and the
 * next page exists. A page past the end falls back to the bounded count, so its `total` still says where the end is.
 */
async function pageAlone(
  tx: TenantTx,
  filter: StudentFilter,
  page: PageRequest,
  withAttention: boolean,
): Promise<StudentListPage> {
  const where = studentConditions(filter);
  const { limit, offset } = limitOffset(page);
  // The limit a literal: a kept generic plan would not know it and could read the school (see below). The offset
  // stays a parameter, so the statement is one prepared statement for every page.
  const rows = await plannedOnce(tx, filter, () =>
    queryRows<ListRowWithCount>(
      tx,
      sql`WITH page AS (
          SELECT id FROM students WHERE ${where ?? sql`true`} ORDER BY student_number
          LIMIT ${integerLiteral(limit + 1)} OFFSET ${offset}
        ) ${withAttention ? pageAttention.ctes : sql``}
        SELECT ${listSelect} ${withAttention ? sql`, ${pageAttention.columns}` : sql``}
        ${pageWithUnits} ${withAttention ? pageAttention.joins : sql``} ${pageOrder}`,
    ),
  );
  if (rows.length === 0 && offset > 0) return countedPage(tx, filter, page, withAttention);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit).map((row) => listRow(row, withAttention));
  return { rows: shown, total: offset + rows.length, totalExact: !more };
}

/**
 * The page and how many match: exactly up to `countBound` rows, beyond that "more than countBound" (`totalExact:
 * false`), so a page costs the page and the bound, never the whole visible set (docs/performance.md). The matching
 * rows are read once for both: the page is picked from the counted rows when they are all of them (a counsellor's
 * college), and read again in order only past the bound.
 */
async function countedPage(
  tx: TenantTx,
  filter: StudentFilter,
  page: PageRequest,
  withAttention: boolean,
): Promise<StudentListPage> {
  const where = studentConditions(filter);
  const { limit, offset } = limitOffset(page);
  const bound = countBound(page);
  // The page's ids first, then their units: the planner joins 50 rows, not every visible student before the sort.
  const rows = await plannedOnce(tx, filter, () =>
    queryRows<ListRowWithCount>(
      tx,
      sql`WITH matching AS MATERIALIZED (
          SELECT id, student_number FROM students WHERE ${where ?? sql`true`} LIMIT ${integerLiteral(bound + 1)}
        ),
        page AS (SELECT id FROM matching ORDER BY student_number LIMIT ${limit} OFFSET ${offset})
        ${withAttention ? pageAttention.ctes : sql``}
        SELECT ${listSelect}, (SELECT count(*)::int FROM matching) AS counted
          ${withAttention ? sql`, ${pageAttention.columns}` : sql``}
        ${pageWithUnits} ${withAttention ? pageAttention.joins : sql``} ${pageOrder}`,
    ),
  );
  const n = rows[0]?.counted ?? (offset > 0 ? await countMatching(tx, where, bound) : 0);
  const total = boundedTotal(n, bound);
  if (total.totalExact) return { rows: rows.map((row) => listRow(row, withAttention)), ...total };
  // More than the bound: the counted rows were not all of them, so the page is read again in order.
  const pageIds = tx
    .select({ id: students.id })
    .from(students)
    .where(where)
    .orderBy(asc(students.studentNumber))
    .limit(limit)
    .offset(offset)
    .as('page');
  const ordered: StudentListRow[] = await selectStudents(tx)
    .innerJoin(pageIds, eq(pageIds.id, students.id))
    .orderBy(asc(students.studentNumber));
  if (!withAttention) return { rows: ordered, ...total };
  const attention = await attentionOf(
    tx,
    ordered.map((row) => row.id),
  );
  return { rows: ordered.map((row) => ({ ...row, attention: attention.get(row.id) })), ...total };
}

/**
 * The list's statement under its generic plan (`withGenericPlan`): PostgreSQL otherwise planned it again on every
 * page, 2.3 ms of planning for 3.5 ms of running. Not under a unit filter: only a custom plan turns the unit's path
 * prefix (`LIKE '/a/b/%'`) into a range of the placement index, and a school-wide caller's generic plan would read
 * the whole school to filter it.
 */
function plannedOnce<T>(tx: TenantTx, filter: StudentFilter, work: () => Promise<T>): Promise<T> {
  return filter.unitPath ? work() : withGenericPlan(tx, work);
}

/**
 * A whole number written into the statement rather than sent as a parameter. A prepared statement keeps a generic
 * plan, which does not know a `LIMIT $n`: guessing a small one, it read the whole school in the hope of stopping
 * early, and which plan it kept changed from run to run (the list took 4–9 ms). The bound is computed here, from
 * validated page numbers, and checked to be an integer; it is never text from a request.
 */
function integerLiteral(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new Error(`integerLiteral: ${n} is not an integer`);
  return sql.raw(String(n));
}

type ListRowWithCount = StudentListRow & {
  counted?: number;
  tier?: number | null;
  key_student?: boolean;
  open_items?: number;
};

/** The students of the CTE `page` with their units: the tables {@link listSelect} names. */
const pageWithUnits = sql.raw(
  [
    'FROM page JOIN students ON students.id = page.id',
    'JOIN units college ON college.id = students.college_unit_id',
    'JOIN units klass ON klass.id = students.class_unit_id',
    'LEFT JOIN units dorm ON dorm.id = students.dorm_unit_id',
  ].join(' '),
);

const pageOrder = sql.raw('ORDER BY students.student_number');

/** The columns of a {@link StudentListRow} in raw SQL over `students`, `college`, `klass` and `dorm`. */
const listSelect = sql.raw(
  [
    'students.id',
    'students.student_number AS "studentNumber"',
    'students.name',
    'students.gender',
    'students.enrolment_year AS "enrolmentYear"',
    'students.college_unit_id AS "collegeUnitId"',
    'college.name AS "collegeName"',
    'students.class_unit_id AS "classUnitId"',
    'klass.name AS "className"',
    'students.dorm_unit_id AS "dormUnitId"',
    'dorm.name AS "dormName"',
    'students.placement_path AS "placementPath"',
  ].join(', '),
);

function listRow(row: ListRowWithCount, withAttention: boolean): StudentListRow {
  const { counted: _counted, tier, key_student, open_items, ...student } = row;
  if (!withAttention) return student;
  return {
    ...student,
    attention: { tier: tier ?? null, keyStudent: key_student ?? false, openItems: open_items ?? 0 },
  };
}

/** How many rows match, up to `bound + 1` (a page past the end has no row to carry the count). */
async function countMatching(tx: TenantTx, where: SQL | undefined, bound: number): Promise<number> {
  const matching = tx
    .select({ id: students.id })
    .from(students)
    .where(where)
    .limit(bound + 1)
    .as('matching');
  const [counted] = await tx.select({ n: count() }).from(matching);
  return counted?.n ?? 0;
}

/** The materialised path of a unit of the caller's school, or undefined when there is no such unit. */
export async function unitPathOf(tx: TenantTx, unitId: string): Promise<string | undefined> {
  const [unit] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return unit?.path;
}

/** The stored columns of a student that callers write. */
export interface StudentValues {
  studentNumber: string;
  name: string;
  gender: 'male' | 'female';
  enrolmentYear: number;
  collegeUnitId: string;
  classUnitId: string;
  dormUnitId: string | null;
  phone: string | null;
  email: string | null;
  guardians: GuardianContact[];
}

/** Inserts students of the caller's school; the placement trigger checks and sets their placement. */
export async function insertStudents(
  tx: TenantTx,
  schoolId: string,
  values: readonly StudentValues[],
): Promise<{ id: string; studentNumber: string }[]> {
  if (values.length === 0) return [];
  return tx
    .insert(students)
    .values(values.map((v) => ({ ...v, schoolId })))
    .returning({ id: students.id, studentNumber: students.studentNumber });
}

/** Updates the given columns of one student (the trigger re-checks placement and stamps updated_at). */
export async function updateStudentRow(
  tx: TenantTx,
  id: string,
  values: Partial<StudentValues>,
): Promise<void> {
  await tx.update(students).set(values).where(eq(students.id, id));
}

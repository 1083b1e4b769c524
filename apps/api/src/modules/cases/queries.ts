import {
  type CaseKind,
  type CaseStatus,
  caseEntries,
  cases,
  type InterviewMethod,
  people,
  type Role,
  reusableStatement,
  roleAssignments,
  screeningResults,
  screeningWaves,
  students,
  type TenantTx,
  units,
  withGenericPlan,
} from '@xinqiao/db';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias, type PgSelect } from 'drizzle-orm/pg-core';
import { limitOffset, type PageRequest, pageWithWindowTotal } from '../../http/pagination.ts';
import type { CaseListFilter } from './schemas.ts';

/**
 * A person's name by id, looked up per row by primary key. As left joins, a generic plan that expected one case
 * (the policies hide how many the caller sees) joined a person by scanning every person of the school for each
 * case: 1,064 cases × 795 people, 450 ms of My work's 1 s at 30,000 students.
 */
const nameOf = (personId: AnyPgColumn) =>
  sql<string | null>`(SELECT p.display_name FROM people p WHERE p.id = ${personId})`;
const college = alias(units, 'college');
const klass = alias(units, 'klass');

/** A reason a plugin rule gave, as stored with the screening result (`selfHarm` when the rule marks it). */
export interface StoredReason {
  ruleName: string;
  zh: string;
  en: string;
  selfHarm?: true;
}

/** A case with its student, the names of the people on it and, for a follow-up, the decision that opened it. */
export interface CaseRow {
  id: string;
  studentId: string;
  studentNumber: string;
  studentName: string;
  studentPath: string;
  collegeId: string;
  collegeName: string;
  classId: string;
  className: string;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  responsiblePersonId: string | null;
  responsibleName: string | null;
  dueDate: string | null;
  selfHarm: boolean;
  assignedAt: Date | null;
  assignedBy: string | null;
  assignerName: string | null;
  openedBy: string | null;
  openerName: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The screening result that opened the follow-up, with its tier, reasons, plugin and wave. */
  screeningResultId: string | null;
  tier: number | null;
  reasons: StoredReason[] | null;
  pluginId: string | null;
  pluginVersion: string | null;
  waveId: string | null;
  waveName: string | null;
  instrument: string | null;
  /** The day (China) of the case's first interview, when one took place. */
  interviewedOn: string | null;
}

/** The day in China the case's first talk took place (kept on the case by the `case_entries_interview` trigger). */
const firstInterviewOn = sql<
  string | null
>`(((${cases.firstInterviewAt} AT TIME ZONE 'UTC') + interval '8 hours')::date)::text`;

/** The columns of a {@link CaseRow}. */
const caseFields = {
  id: cases.id,
  studentId: cases.studentId,
  studentNumber: students.studentNumber,
  studentName: students.name,
  studentPath: students.placementPath,
  collegeId: students.collegeUnitId,
  collegeName: college.name,
  classId: students.classUnitId,
  className: klass.name,
  kind: cases.kind,
  status: cases.status,
  title: cases.title,
  responsiblePersonId: cases.responsiblePersonId,
  responsibleName: nameOf(cases.responsiblePersonId),
  dueDate: cases.dueDate,
  selfHarm: cases.selfHarm,
  assignedAt: cases.assignedAt,
  assignedBy: cases.assignedBy,
  assignerName: nameOf(cases.assignedBy),
  openedBy: cases.openedBy,
  openerName: nameOf(cases.openedBy),
  closedAt: cases.closedAt,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  screeningResultId: cases.screeningResultId,
  tier: screeningResults.attentionTier,
  reasons: screeningResults.reasons,
  pluginId: screeningResults.pluginId,
  pluginVersion: screeningResults.pluginVersion,
  waveId: screeningWaves.id,
  waveName: screeningWaves.name,
  instrument: screeningWaves.instrument,
  interviewedOn: firstInterviewOn,
};

function selectCases(tx: TenantTx) {
  return joinCases(tx.select(caseFields).from(cases).$dynamic());
}

/**
 * Which cases a page shows, picked among the cases alone: the ids in `order`, cut to `limit` after `offset`, with the
 * count of every match (`count(*) OVER ()`, computed before the cut) when asked. The students are joined only when
 * a condition names them (`joinStudents`). Only the page's cases are then joined to their students, units and
 * results ({@link selectPicked}): the cost follows the page, not the caller's cases (a case carries its student's
 * path, so RLS needs no student either).
 */
function pickCases(
  tx: TenantTx,
  where: SQL | undefined,
  order: SQL[],
  { joinStudents = false, counted = false }: { joinStudents?: boolean; counted?: boolean },
) {
  const total = counted ? sql<number>`count(*) OVER ()` : sql<number>`0`;
  const picked = tx
    .select({ id: cases.id, total: total.as('total') })
    .from(cases)
    .$dynamic();
  return (joinStudents ? picked.innerJoin(students, eq(students.id, cases.studentId)) : picked)
    .where(where)
    .orderBy(...order)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('picked');
}

/** The picked cases as rows, in `order`, each with the count of every match (0 when not counted). */
function selectPicked(tx: TenantTx, picked: ReturnType<typeof pickCases>, order: SQL[]) {
  return joinCases(
    tx
      .select({ ...caseFields, total: sql<number>`${picked.total}`.mapWith(Number) })
      .from(cases)
      .innerJoin(picked, eq(picked.id, cases.id))
      .$dynamic(),
  ).orderBy(...order);
}

/** The student, the units, the screening result and its wave of each case. */
function joinCases<Q extends PgSelect>(query: Q) {
  return query
    .innerJoin(students, eq(students.id, cases.studentId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(screeningResults, eq(screeningResults.id, cases.screeningResultId))
    .leftJoin(screeningWaves, eq(screeningWaves.id, screeningResults.waveId));
}

/** The case with this id, if the caller sees its student in full (RLS). */
export async function findCase(tx: TenantTx, id: string): Promise<CaseRow | undefined> {
  const [row] = await selectCases(tx).where(eq(cases.id, id));
  return row;
}

/**
 * A filter's conditions with a `sql.placeholder` for each value (the case list's statements are reusable, built
 * once per shape: `reusableStatement`), the values, and the shape: which conditions apply.
 */
interface CaseConditions {
  where: SQL | undefined;
  values: Record<string, unknown>;
  shape: string;
  /** A condition names the student's college or class: the students are joined to pick the cases. */
  namesStudents: boolean;
}

function caseConditions(filter: CaseListFilter, today: string, me: string): CaseConditions {
  const conditions: SQL[] = [];
  const values: Record<string, unknown> = {};
  const shape: string[] = [];
  const value = (name: string, given: unknown) => {
    values[name] = given;
    return sql.placeholder(name);
  };
  const add = (tag: string, condition: SQL | undefined) => {
    shape.push(tag);
    conditions.push(condition!);
  };
  if (filter.status) add('status', eq(cases.status, value('status', filter.status)));
  if (filter.open === 'true') add('open', ne(cases.status, 'closed'));
  if (filter.kind) add('kind', eq(cases.kind, value('kind', filter.kind)));
  if (filter.responsiblePersonId) {
    add('responsible', eq(cases.responsiblePersonId, value('responsible', filter.responsiblePersonId)));
  }
  if (filter.responsible === 'none') add('unassigned', isNull(cases.responsiblePersonId));
  if (filter.responsible === 'me') add('mine', eq(cases.responsiblePersonId, value('me', me)));
  if (filter.studentId) add('student', eq(cases.studentId, value('student', filter.studentId)));
  if (filter.collegeId) add('college', eq(students.collegeUnitId, value('college', filter.collegeId)));
  if (filter.classId) add('class', eq(students.classUnitId, value('class', filter.classId)));
  if (filter.selfHarm) add('selfHarm', eq(cases.selfHarm, value('selfHarm', filter.selfHarm === 'true')));
  // Due before today and still open or in progress.
  if (filter.overdue === 'true') {
    add('overdue', and(lt(cases.dueDate, value('today', today)), ne(cases.status, 'closed')));
  }
  if (filter.overdue === 'false') {
    add(
      'notOverdue',
      or(isNull(cases.dueDate), eq(cases.status, 'closed'), gte(cases.dueDate, value('today', today))),
    );
  }
  return {
    where: conditions.length > 0 ? and(...conditions) : undefined,
    values,
    shape: shape.join(','),
    namesStudents: Boolean(filter.collegeId || filter.classId),
  };
}

/** The case list's statements for one shape of filter (see {@link caseConditions}). */
interface CaseListStatements {
  /** A page, most urgent first (My work's reads). */
  page: (tx: TenantTx, values: Record<string, unknown>) => Promise<CaseRow[]>;
  /** A page with the count of every match on each row (the list). */
  countedPage: (tx: TenantTx, values: Record<string, unknown>) => Promise<(CaseRow & { total: number })[]>;
  /** The count alone, for a page past the end (no row to carry it). */
  count: (tx: TenantTx, values: Record<string, unknown>) => Promise<{ total: number }[]>;
}

/** Most urgent first: self-harm, then soonest due (ASC puts NULLs last: undated cases after every dated one). */
const caseOrder = [desc(cases.selfHarm), asc(cases.dueDate), desc(cases.createdAt), asc(cases.id)];

const caseListStatements = new Map<string, CaseListStatements>();

function caseListStatementsFor({ where, shape, namesStudents }: CaseConditions): CaseListStatements {
  let statements = caseListStatements.get(shape);
  if (!statements) {
    const joinStudents = namesStudents;
    const page = reusableStatement((tx: TenantTx) =>
      selectPicked(tx, pickCases(tx, where, caseOrder, { joinStudents }), caseOrder),
    );
    statements = {
      page: async (tx, values) => (await page(tx, values)).map(withoutTotal),
      countedPage: reusableStatement((tx: TenantTx) =>
        selectPicked(tx, pickCases(tx, where, caseOrder, { joinStudents, counted: true }), caseOrder),
      ),
      count: reusableStatement((tx: TenantTx) => {
        const counted = tx.select({ total: count() }).from(cases).$dynamic();
        return (joinStudents ? counted.innerJoin(students, eq(students.id, cases.studentId)) : counted).where(
          where,
        );
      }),
    };
    caseListStatements.set(shape, statements);
  }
  return statements;
}

const withoutTotal = ({ total: _, ...row }: CaseRow & { total: number }): CaseRow => row;

/**
 * One page of the cases the caller sees, most urgent first: self-harm, then soonest due (undated last), and how
 * many match in all. `me` is the caller (for `responsible=me`).
 */
export async function listCases(
  tx: TenantTx,
  filter: CaseListFilter,
  page: PageRequest,
  today: string,
  me: string,
): Promise<{ rows: CaseRow[]; total: number }> {
  const conditions = caseConditions(filter, today, me);
  const statements = caseListStatementsFor(conditions);
  const bounds = limitOffset(page);
  // Under generic plans: PostgreSQL planned the page again for every LIMIT/OFFSET (withGenericPlan).
  const counted = await withGenericPlan(tx, () =>
    statements.countedPage(tx, { ...conditions.values, ...bounds }),
  );
  return pageWithWindowTotal<CaseRow>(counted, bounds.offset, async () => {
    const [all] = await statements.count(tx, conditions.values);
    return all?.total ?? 0;
  });
}

/** One page of the cases a filter matches, most urgent first, without counting them (My work lists them all). */
export function caseRows(
  tx: TenantTx,
  filter: CaseListFilter,
  page: PageRequest,
  today: string,
  me: string,
): Promise<CaseRow[]> {
  const conditions = caseConditions(filter, today, me);
  return caseListStatementsFor(conditions).page(tx, { ...conditions.values, ...limitOffset(page) });
}

/** A case entry with its author's name; an interview also says when and how it took place and what came of it. */
export interface CaseEntryRow {
  id: string;
  kind: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  occurredAt: Date | null;
  method: InterviewMethod | null;
  outcome: string | null;
  riskLevel: string | null;
  nextStep: string | null;
  nextStepOn: string | null;
  createdAt: Date;
}

/** The timeline of a case, newest first (by when it happened, for interviews). */
export async function caseEntriesOf(tx: TenantTx, caseId: string): Promise<CaseEntryRow[]> {
  return tx
    .select({
      id: caseEntries.id,
      kind: caseEntries.kind,
      body: caseEntries.body,
      authorId: caseEntries.authorId,
      authorName: people.displayName,
      occurredAt: caseEntries.occurredAt,
      method: caseEntries.method,
      outcome: caseEntries.outcome,
      riskLevel: caseEntries.riskLevel,
      nextStep: caseEntries.nextStep,
      nextStepOn: caseEntries.nextStepOn,
      createdAt: caseEntries.createdAt,
    })
    .from(caseEntries)
    .leftJoin(people, eq(people.id, caseEntries.authorId))
    .where(eq(caseEntries.caseId, caseId))
    .orderBy(desc(sql`coalesce(${caseEntries.occurredAt}, ${caseEntries.createdAt})`), desc(caseEntries.id));
}

/** Opens a case; returns its id. */
export async function insertCase(
  tx: TenantTx,
  values: {
    schoolId: string;
    studentId: string;
    kind: CaseKind;
    title: string;
    responsiblePersonId: string | null;
    dueDate: string;
    openedBy: string;
    assignedAt: SQL | null;
    assignedBy: string | null;
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
    assignedAt: SQL;
    assignedBy: string;
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

/** What an interview records besides its text: when and how it took place, what came of it, what is next. */
export interface InterviewRecord {
  occurredAt: Date;
  method: InterviewMethod;
  outcome: string;
  riskLevel: string;
  nextStep: string | null;
  nextStepOn: string | null;
}

/** Appends one entry to a case's timeline; returns its id. */
export async function insertCaseEntry(
  tx: TenantTx,
  values: {
    schoolId: string;
    caseId: string;
    kind: string;
    body: string;
    authorId: string;
  } & Partial<InterviewRecord>,
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

/**
 * The role assignments of active people of the caller's school whose unit reaches a student placed at
 * `studentPath` (the unit's path is a prefix of it), for the given roles: the candidates to take the student's case.
 */
export async function peopleReaching(
  tx: TenantTx,
  studentPath: string,
  roles: readonly Role[],
): Promise<{ personId: string; displayName: string; role: Role; unitPath: string; unitName: string }[]> {
  return tx
    .select({
      personId: people.id,
      displayName: people.displayName,
      role: roleAssignments.role,
      unitPath: units.path,
      unitName: units.name,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(
      and(
        eq(people.disabled, false),
        inArray(roleAssignments.role, [...roles]),
        sql`starts_with(${studentPath}, ${units.path})`,
      ),
    )
    .orderBy(desc(sql`length(${units.path})`), asc(people.displayName), asc(people.id));
}

/**
 * Which of the caller's open cases a kind of My work lists: `follow_up`, the follow-ups nobody has talked to yet;
 * `case`, every other (crisis, support, and follow-ups already talked to, until closed).
 */
export type WorkCaseKind = 'follow_up' | 'case';

// Talked to: the case keeps when its first interview took place (the `case_entries_interview` trigger).
const pendingFollowUp = sql`(${cases.kind} = 'follow_up' AND ${cases.firstInterviewAt} IS NULL)`;
// The closed state written out, not a parameter: a generic plan can then use the partial indexes of My work's order
// (`cases_work_follow_up_idx`, `cases_work_other_idx`, migration 0029).
const openCasesOfMe = and(
  eq(cases.responsiblePersonId, sql.placeholder('me')),
  sql`${cases.status} <> 'closed'`,
);

/**
 * My work's order (work/urgency.ts `byUrgency` within one kind): self-harm first, then by due date (what is overdue
 * is due earliest; undated last), then by id. A different tie-break than the list's would keep other items.
 */
const workOrder = [desc(cases.selfHarm), asc(cases.dueDate), asc(cases.id)];

const isWorkCase = { follow_up: pendingFollowUp, case: sql`NOT (${pendingFollowUp})` };
const amongIds = sql`${cases.id} = ANY (${sql.placeholder('ids')}::uuid[])`;

/** Where a kind's first `limit` cases sort: the cases alone, none of their students read. */
const workRankStatement = (kind: WorkCaseKind) =>
  reusableStatement((tx: TenantTx) =>
    tx
      .select({ id: cases.id, selfHarm: cases.selfHarm, dueDate: cases.dueDate })
      .from(cases)
      .where(and(openCasesOfMe, isWorkCase[kind]))
      .orderBy(...workOrder)
      .limit(sql.placeholder('limit')),
  );

/** A kind's cases with these ids in full, while they are still the caller's and of that kind. */
const workRowsStatement = (kind: WorkCaseKind) =>
  reusableStatement((tx: TenantTx) => selectCases(tx).where(and(amongIds, openCasesOfMe, isWorkCase[kind])));

const workCaseStatements = {
  ranks: { follow_up: workRankStatement('follow_up'), case: workRankStatement('case') },
  rows: { follow_up: workRowsStatement('follow_up'), case: workRowsStatement('case') },
  tallies: reusableStatement((tx: TenantTx) =>
    tx
      .select({
        pending: sql<boolean>`${pendingFollowUp}`.as('pending'),
        count: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) FILTER (WHERE ${cases.dueDate} < ${sql.placeholder('today')}))::int`,
        selfHarm: sql<number>`(count(*) FILTER (WHERE ${cases.selfHarm}))::int`,
      })
      .from(cases)
      .where(openCasesOfMe)
      .groupBy(sql`1`),
  ),
};

/** Where the `first` most urgent of the caller's open cases of a work kind sort (RLS: students they see in full). */
export function workCaseRanks(
  tx: TenantTx,
  kind: WorkCaseKind,
  first: number,
  me: string,
): Promise<{ id: string; selfHarm: boolean; dueDate: string | null }[]> {
  if (first <= 0) return Promise.resolve([]);
  return workCaseStatements.ranks[kind](tx, { me, limit: first });
}

/** The caller's open cases of a work kind with these ids, in full (any order). */
export function workCasesById(
  tx: TenantTx,
  kind: WorkCaseKind,
  ids: readonly string[],
  me: string,
): Promise<CaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return workCaseStatements.rows[kind](tx, { me, ids: `{${ids.join(',')}}` });
}

/** How many open cases of each work kind the caller has, how many overdue (due before `today`), how many self-harm. */
export async function workCaseTallies(
  tx: TenantTx,
  today: string,
  me: string,
): Promise<Record<WorkCaseKind, { count: number; overdue: number; selfHarm: number }>> {
  const none = { count: 0, overdue: 0, selfHarm: 0 };
  const tallies = { follow_up: { ...none }, case: { ...none } };
  for (const { pending, ...tally } of await workCaseStatements.tallies(tx, { me, today })) {
    tallies[pending ? 'follow_up' : 'case'] = tally;
  }
  return tallies;
}

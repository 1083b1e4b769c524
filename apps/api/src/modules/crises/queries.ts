import {
  type CrisisActorRow,
  type CrisisStatus,
  cases,
  contractedHospitals,
  crises,
  crisisAffected,
  crisisEvents,
  crisisFamilyContacts,
  crisisReferrals,
  crisisReviews,
  crisisSteps,
  people,
  reusableStatement,
  roleAssignments,
  screeningResults,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, asc, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

const college = alias(units, 'college');
const klass = alias(units, 'class');
const dorm = alias(units, 'dorm');
const opener = alias(people, 'opener');
const closer = alias(people, 'closer');
const doer = alias(people, 'doer');
const waiver = alias(people, 'waiver');
const recorder = alias(people, 'recorder');
const assessor = alias(people, 'assessor');
const responsible = alias(people, 'responsible');

const studentColumns = {
  studentName: students.name,
  studentNumber: students.studentNumber,
  placementPath: students.placementPath,
  guardians: students.guardians,
  collegeId: students.collegeUnitId,
  collegeName: college.name,
  className: klass.name,
  dormName: dorm.name,
};

const crisisColumns = {
  id: crises.id,
  studentId: crises.studentId,
  level: crises.level,
  status: crises.status,
  situation: crises.situation,
  source: crises.source,
  concernReportId: crises.concernReportId,
  caseId: crises.caseId,
  screeningResultId: crises.screeningResultId,
  openedBy: crises.openedBy,
  openedByName: opener.displayName,
  openedAt: crises.openedAt,
  closedAt: crises.closedAt,
  closedBy: crises.closedBy,
  closedByName: closer.displayName,
  summary: crises.summary,
  pluginId: crises.pluginId,
  pluginVersion: crises.pluginVersion,
  ...studentColumns,
};

function selectCrises(tx: TenantTx) {
  return tx
    .select(crisisColumns)
    .from(crises)
    .innerJoin(students, eq(students.id, crises.studentId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(dorm, eq(dorm.id, students.dormUnitId))
    .innerJoin(opener, eq(opener.id, crises.openedBy))
    .leftJoin(closer, eq(closer.id, crises.closedBy));
}

/** A crisis with its student's names and places, as RLS lets the caller see it. */
export type CrisisRow = Awaited<ReturnType<typeof findCrisis>> & {};

/** The crisis with this id, if the caller runs crises for its student (RLS). */
export async function findCrisis(tx: TenantTx, id: string) {
  const [row] = await selectCrises(tx).where(eq(crises.id, id));
  return row;
}

/** The crises the caller sees (RLS), newest first: all of them, or the open or closed ones. */
export async function listCrises(tx: TenantTx, status: CrisisStatus | 'all') {
  const where = status === 'all' ? undefined : eq(crises.status, status);
  return selectCrises(tx).where(where).orderBy(desc(crises.openedAt));
}

export async function insertCrisis(tx: TenantTx, values: typeof crises.$inferInsert): Promise<string> {
  const [row] = await tx.insert(crises).values(values).returning({ id: crises.id });
  return row!.id;
}

export async function updateCrisis(
  tx: TenantTx,
  id: string,
  values: Partial<Pick<typeof crises.$inferInsert, 'status' | 'closedAt' | 'closedBy' | 'summary'>>,
): Promise<void> {
  await tx
    .update(crises)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(crises.id, id));
}

const stepColumns = {
  id: crisisSteps.id,
  crisisId: crisisSteps.crisisId,
  code: crisisSteps.code,
  position: crisisSteps.position,
  titleZh: crisisSteps.titleZh,
  titleEn: crisisSteps.titleEn,
  doers: crisisSteps.doers,
  escalateTo: crisisSteps.escalateTo,
  records: crisisSteps.records,
  required: crisisSteps.required,
  dueAt: crisisSteps.dueAt,
  doneAt: crisisSteps.doneAt,
  doneBy: crisisSteps.doneBy,
  doneByName: doer.displayName,
  note: crisisSteps.note,
  waivedAt: crisisSteps.waivedAt,
  waivedBy: crisisSteps.waivedBy,
  waivedByName: waiver.displayName,
  waiveReason: crisisSteps.waiveReason,
  escalatedAt: crisisSteps.escalatedAt,
};
export type CrisisStepRow = Awaited<ReturnType<typeof stepsOf>>[number];

/** The steps of these crises, in protocol order. */
export async function stepsOf(tx: TenantTx, crisisIds: readonly string[]) {
  if (crisisIds.length === 0) return [];
  return tx
    .select(stepColumns)
    .from(crisisSteps)
    .leftJoin(doer, eq(doer.id, crisisSteps.doneBy))
    .leftJoin(waiver, eq(waiver.id, crisisSteps.waivedBy))
    .where(inArray(crisisSteps.crisisId, [...crisisIds]))
    .orderBy(asc(crisisSteps.crisisId), asc(crisisSteps.position));
}

export async function insertSteps(tx: TenantTx, values: (typeof crisisSteps.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(crisisSteps).values(values);
}

export async function updateStep(
  tx: TenantTx,
  id: string,
  values: Partial<
    Pick<
      typeof crisisSteps.$inferInsert,
      'doneAt' | 'doneBy' | 'note' | 'waivedAt' | 'waivedBy' | 'waiveReason' | 'escalatedAt'
    >
  >,
): Promise<void> {
  await tx.update(crisisSteps).set(values).where(eq(crisisSteps.id, id));
}

/** Adds an entry to a crisis's timeline. */
export async function insertEvent(
  tx: TenantTx,
  values: {
    schoolId: string;
    crisisId: string;
    kind: string;
    actorId: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(crisisEvents).values({ ...values, detail: values.detail ?? {} });
}

export async function eventsOf(tx: TenantTx, crisisId: string) {
  return tx
    .select({
      id: crisisEvents.id,
      kind: crisisEvents.kind,
      actorId: crisisEvents.actorId,
      actorName: people.displayName,
      detail: crisisEvents.detail,
      createdAt: crisisEvents.createdAt,
    })
    .from(crisisEvents)
    .leftJoin(people, eq(people.id, crisisEvents.actorId))
    .where(eq(crisisEvents.crisisId, crisisId))
    .orderBy(asc(crisisEvents.createdAt), asc(crisisEvents.id));
}

export async function familyContactsOf(tx: TenantTx, crisisId: string) {
  return tx
    .select({
      id: crisisFamilyContacts.id,
      contactName: crisisFamilyContacts.contactName,
      relation: crisisFamilyContacts.relation,
      phone: crisisFamilyContacts.phone,
      fromGuardians: crisisFamilyContacts.fromGuardians,
      contactedAt: crisisFamilyContacts.contactedAt,
      method: crisisFamilyContacts.method,
      agreed: crisisFamilyContacts.agreed,
      recordedBy: crisisFamilyContacts.recordedBy,
      recordedByName: people.displayName,
    })
    .from(crisisFamilyContacts)
    .innerJoin(people, eq(people.id, crisisFamilyContacts.recordedBy))
    .where(eq(crisisFamilyContacts.crisisId, crisisId))
    .orderBy(asc(crisisFamilyContacts.contactedAt));
}

export async function insertFamilyContact(
  tx: TenantTx,
  values: typeof crisisFamilyContacts.$inferInsert,
): Promise<string> {
  const [row] = await tx
    .insert(crisisFamilyContacts)
    .values(values)
    .returning({ id: crisisFamilyContacts.id });
  return row!.id;
}

export async function referralsOf(tx: TenantTx, crisisId: string) {
  return tx
    .select({
      id: crisisReferrals.id,
      hospitalId: crisisReferrals.hospitalId,
      hospitalName: contractedHospitals.name,
      hospitalDepartment: contractedHospitals.department,
      referredAt: crisisReferrals.referredAt,
      accompaniedBy: crisisReferrals.accompaniedBy,
      outcome: crisisReferrals.outcome,
      returnAssessment: crisisReferrals.returnAssessment,
      returnAssessedAt: crisisReferrals.returnAssessedAt,
      returnAssessedBy: crisisReferrals.returnAssessedBy,
      returnAssessedByName: assessor.displayName,
      recordedBy: crisisReferrals.recordedBy,
      recordedByName: recorder.displayName,
    })
    .from(crisisReferrals)
    .innerJoin(contractedHospitals, eq(contractedHospitals.id, crisisReferrals.hospitalId))
    .innerJoin(recorder, eq(recorder.id, crisisReferrals.recordedBy))
    .leftJoin(assessor, eq(assessor.id, crisisReferrals.returnAssessedBy))
    .where(eq(crisisReferrals.crisisId, crisisId))
    .orderBy(asc(crisisReferrals.referredAt));
}

export async function insertReferral(
  tx: TenantTx,
  values: typeof crisisReferrals.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(crisisReferrals).values(values).returning({ id: crisisReferrals.id });
  return row!.id;
}

export async function updateReferral(
  tx: TenantTx,
  id: string,
  values: Partial<
    Pick<
      typeof crisisReferrals.$inferInsert,
      'outcome' | 'returnAssessment' | 'returnAssessedAt' | 'returnAssessedBy'
    >
  >,
): Promise<void> {
  await tx
    .update(crisisReferrals)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(crisisReferrals.id, id));
}

export async function affectedOf(tx: TenantTx, crisisId: string) {
  return tx
    .select({
      id: crisisAffected.id,
      studentId: crisisAffected.studentId,
      studentName: students.name,
      studentNumber: students.studentNumber,
      className: klass.name,
      dormName: dorm.name,
      relation: crisisAffected.relation,
      support: crisisAffected.support,
      caseId: crisisAffected.caseId,
      responsibleId: cases.responsiblePersonId,
      responsibleName: responsible.displayName,
    })
    .from(crisisAffected)
    .innerJoin(students, eq(students.id, crisisAffected.studentId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(dorm, eq(dorm.id, students.dormUnitId))
    .leftJoin(cases, eq(cases.id, crisisAffected.caseId))
    .leftJoin(responsible, eq(responsible.id, cases.responsiblePersonId))
    .where(eq(crisisAffected.crisisId, crisisId))
    .orderBy(asc(crisisAffected.createdAt));
}

export async function insertAffected(
  tx: TenantTx,
  values: typeof crisisAffected.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(crisisAffected).values(values).returning({ id: crisisAffected.id });
  return row!.id;
}

/** Opens the support case of an affected student (a case like any other: its responsible person's work). */
export async function insertSupportCase(
  tx: TenantTx,
  values: {
    schoolId: string;
    studentId: string;
    title: string;
    responsiblePersonId: string | null;
    dueDate: string;
    openedBy: string;
  },
): Promise<string> {
  const [row] = await tx
    .insert(cases)
    .values({
      ...values,
      kind: 'support',
      ...(values.responsiblePersonId ? { assignedAt: sql`now()`, assignedBy: values.openedBy } : {}),
    })
    .returning({ id: cases.id });
  return row!.id;
}

export async function reviewsOf(tx: TenantTx, crisisId: string) {
  return tx
    .select({
      id: crisisReviews.id,
      dueOn: crisisReviews.dueOn,
      heldOn: crisisReviews.heldOn,
      participants: crisisReviews.participants,
      findings: crisisReviews.findings,
      changes: crisisReviews.changes,
      report: crisisReviews.report,
      recordedBy: crisisReviews.recordedBy,
      recordedByName: people.displayName,
    })
    .from(crisisReviews)
    .leftJoin(people, eq(people.id, crisisReviews.recordedBy))
    .where(eq(crisisReviews.crisisId, crisisId))
    .orderBy(asc(crisisReviews.createdAt));
}

export async function insertReview(tx: TenantTx, values: typeof crisisReviews.$inferInsert): Promise<void> {
  await tx.insert(crisisReviews).values(values);
}

/** Drops the review a reopened crisis no longer owes (one that was not held). */
export async function dropPendingReviews(tx: TenantTx, crisisId: string): Promise<void> {
  await tx
    .delete(crisisReviews)
    .where(and(eq(crisisReviews.crisisId, crisisId), isNull(crisisReviews.heldOn)));
}

export async function updateReview(
  tx: TenantTx,
  id: string,
  values: Pick<
    typeof crisisReviews.$inferInsert,
    'heldOn' | 'participants' | 'findings' | 'changes' | 'report' | 'recordedBy'
  >,
): Promise<void> {
  await tx
    .update(crisisReviews)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(crisisReviews.id, id));
}

/**
 * The active people who hold one of these roles where the actor says: on the branch of the student placed at
 * `placementPath` (a unit whose path starts it), or anywhere in the school.
 */
export async function holdersOf(
  tx: TenantTx,
  actors: readonly CrisisActorRow[],
  placementPath: string,
): Promise<string[]> {
  if (actors.length === 0) return [];
  const conditions: SQL[] = actors.map((actor) =>
    actor.reach === 'school'
      ? sql`${roleAssignments.role} = ${actor.role}`
      : sql`(${roleAssignments.role} = ${actor.role} AND ${placementPath} LIKE ${units.path} || '%')`,
  );
  const rows = await tx
    .selectDistinct({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(and(eq(people.disabled, false), sql`(${sql.join(conditions, sql` OR `)})`));
  return rows.map((row) => row.personId);
}

/** The student a screening result is about, and whether its follow-up carries a self-harm finding (RLS: full view). */
export async function screeningResultBrief(
  tx: TenantTx,
  id: string,
): Promise<{ studentId: string; selfHarm: boolean } | undefined> {
  const [row] = await tx
    .select({
      studentId: screeningResults.studentId,
      selfHarm: sql<boolean>`EXISTS (SELECT 1 FROM ${cases} WHERE ${cases.screeningResultId} = ${screeningResults.id} AND ${cases.selfHarm})`,
    })
    .from(screeningResults)
    .where(eq(screeningResults.id, id));
  return row;
}

// Contracted hospitals (school settings)

export async function listHospitals(tx: TenantTx) {
  return tx.select().from(contractedHospitals).orderBy(asc(contractedHospitals.name));
}

export async function findHospital(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(contractedHospitals).where(eq(contractedHospitals.id, id));
  return row;
}

export async function insertHospital(tx: TenantTx, values: typeof contractedHospitals.$inferInsert) {
  const [row] = await tx.insert(contractedHospitals).values(values).returning();
  return row!;
}

export async function updateHospital(
  tx: TenantTx,
  id: string,
  values: Omit<typeof contractedHospitals.$inferInsert, 'schoolId'>,
) {
  const [row] = await tx
    .update(contractedHospitals)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(contractedHospitals.id, id))
    .returning();
  return row;
}

/** Whether a referral names this hospital (any the caller sees or not: the count is the school's). */
export async function hospitalInUse(tx: TenantTx, id: string): Promise<boolean> {
  const [row] = await tx
    .select({
      used: sql<boolean>`EXISTS (SELECT 1 FROM ${crisisReferrals} WHERE ${crisisReferrals.hospitalId} = ${id})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return row?.used ?? false;
}

export async function deleteHospital(tx: TenantTx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(contractedHospitals)
    .where(eq(contractedHospitals.id, id))
    .returning({ id: contractedHospitals.id });
  return rows.length > 0;
}

// Work and the escalation sweep

/** Open steps of open crises the caller sees (RLS), with the student's placement for matching the protocol's people. */
export function openSteps(tx: TenantTx) {
  return openStepsRead(tx, {});
}

// Built once (reusableStatement): My work asks on every request.
const openStepsRead = reusableStatement((tx: TenantTx) =>
  tx
    .select({
      ...stepColumns,
      studentId: crises.studentId,
      crisisLevel: crises.level,
      pluginId: crises.pluginId,
      pluginVersion: crises.pluginVersion,
      ...studentColumns,
    })
    .from(crisisSteps)
    .innerJoin(crises, eq(crises.id, crisisSteps.crisisId))
    .innerJoin(students, eq(students.id, crises.studentId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(dorm, eq(dorm.id, students.dormUnitId))
    .leftJoin(doer, eq(doer.id, crisisSteps.doneBy))
    .leftJoin(waiver, eq(waiver.id, crisisSteps.waivedBy))
    .where(and(eq(crises.status, 'open'), isNull(crisisSteps.doneAt), isNull(crisisSteps.waivedAt)))
    .orderBy(asc(crisisSteps.dueAt)),
);

/** Reviews not yet held of the crises the caller sees (RLS). */
export function pendingReviews(tx: TenantTx) {
  return pendingReviewsRead(tx, {});
}

const pendingReviewsRead = reusableStatement((tx: TenantTx) =>
  tx
    .select({
      id: crisisReviews.id,
      crisisId: crisisReviews.crisisId,
      dueOn: crisisReviews.dueOn,
      createdAt: crisisReviews.createdAt,
      studentId: crises.studentId,
      pluginId: crises.pluginId,
      pluginVersion: crises.pluginVersion,
      ...studentColumns,
    })
    .from(crisisReviews)
    .innerJoin(crises, eq(crises.id, crisisReviews.crisisId))
    .innerJoin(students, eq(students.id, crises.studentId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(dorm, eq(dorm.id, students.dormUnitId))
    .where(and(isNull(crisisReviews.heldOn), eq(crises.status, 'closed')))
    .orderBy(asc(crisisReviews.dueOn)),
);

/** Late steps of open crises that nobody was told of yet (the sweep's transaction sees its school's). */
export async function lateUnescalatedSteps(tx: TenantTx, now: Date) {
  return tx
    .select({
      id: crisisSteps.id,
      crisisId: crisisSteps.crisisId,
      code: crisisSteps.code,
      escalateTo: crisisSteps.escalateTo,
      dueAt: crisisSteps.dueAt,
      placementPath: students.placementPath,
    })
    .from(crisisSteps)
    .innerJoin(crises, eq(crises.id, crisisSteps.crisisId))
    .innerJoin(students, eq(students.id, crises.studentId))
    .where(
      and(
        eq(crises.status, 'open'),
        isNull(crisisSteps.doneAt),
        isNull(crisisSteps.waivedAt),
        isNull(crisisSteps.escalatedAt),
        lt(crisisSteps.dueAt, now),
      ),
    )
    .orderBy(asc(crisisSteps.dueAt));
}

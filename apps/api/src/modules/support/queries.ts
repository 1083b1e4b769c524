import {
  disciplinarySanctions,
  enteredFailedCourses,
  financialAids,
  hardshipCertifications,
  homeVisits,
  people,
  queryRows,
  roleAssignments,
  students,
  supportFiles,
  supportListEntries,
  supportLists,
  supportParentContacts,
  supportProcessNotes,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

export type ListRow = typeof supportLists.$inferSelect;
export type EntryRow = typeof supportListEntries.$inferSelect;
export type FileRow = typeof supportFiles.$inferSelect;

/** What the platform knows of each student of a class for the `support-targets` rules (RLS: the full view). */
export interface ClassFactsRow {
  student_id: string;
  has_feed: boolean;
  feed_failed: number;
  failed_names: string | null;
  entered_failed: number | null;
  sanctions: string | null;
  hardship: string | null;
  support_cases: number;
  tier: number | null;
  attention_cases: number;
  concerns: number;
}

/**
 * The facts of every student of a class: failed courses from the grades feed (`xq_failed_courses`, those not
 * passed later) or, for a student without feed rows, the count entered for the term; sanctions not revoked; the
 * term's hardship certification; open support cases (asked for help); the latest screening tier and open
 * follow-up or crisis cases (identified); concern reports of the last half year not closed as unfounded. With
 * `onlyStudentId`, that student's alone (a record made during the term, mid-term.ts).
 */
export function classFacts(
  tx: TenantTx,
  classUnitId: string,
  term: string,
  today: string,
  onlyStudentId?: string,
) {
  return queryRows<ClassFactsRow>(
    tx,
    sql`SELECT s.id AS student_id,
          EXISTS (SELECT 1 FROM feed_grades g WHERE g.student_id = s.id) AS has_feed,
          (SELECT count(*)::int FROM xq_failed_courses(s.id)) AS feed_failed,
          (SELECT string_agg(DISTINCT f.course_name, '、') FROM xq_failed_courses(s.id) f) AS failed_names,
          e.count AS entered_failed,
          (SELECT string_agg(d.sanction || '（' || d.sanctioned_on::text || '）', '；')
             FROM disciplinary_sanctions d
             WHERE d.student_id = s.id AND d.revoked_on IS NULL AND d.sanctioned_on <= ${today}::date) AS sanctions,
          (SELECT h.level FROM hardship_certifications h WHERE h.student_id = s.id AND h.term = ${term}) AS hardship,
          (SELECT count(*)::int FROM cases c
             WHERE c.student_id = s.id AND c.kind = 'support' AND c.status <> 'closed') AS support_cases,
          (SELECT r.attention_tier FROM screening_results r WHERE r.student_id = s.id
             ORDER BY r.created_at DESC LIMIT 1) AS tier,
          (SELECT count(*)::int FROM cases c
             WHERE c.student_id = s.id AND c.kind IN ('follow_up', 'crisis') AND c.status <> 'closed') AS attention_cases,
          (SELECT count(*)::int FROM concern_reports cr
             WHERE cr.student_id = s.id AND cr.created_at > now() - interval '183 days'
               AND cr.outcome IS DISTINCT FROM 'closed') AS concerns
        FROM students s
        LEFT JOIN entered_failed_courses e ON e.student_id = s.id AND e.term = ${term}
        WHERE s.class_unit_id = ${classUnitId}::uuid AND xq_in_scope(s.placement_path, 'xq.full_scope')
          ${onlyStudentId ? sql`AND s.id = ${onlyStudentId}::uuid` : sql``}
        ORDER BY s.student_number`,
  );
}

/** The class unit (RLS on units: the school's). */
export async function findClass(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: units.id,
      name: units.name,
      path: units.path,
      levelKey: units.levelKey,
      parentId: units.parentId,
    })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

export async function findList(tx: TenantTx, id: string): Promise<ListRow | undefined> {
  const [row] = await tx.select().from(supportLists).where(eq(supportLists.id, id));
  return row;
}

export async function findListOf(
  tx: TenantTx,
  classUnitId: string,
  term: string,
): Promise<ListRow | undefined> {
  const [row] = await tx
    .select()
    .from(supportLists)
    .where(and(eq(supportLists.classUnitId, classUnitId), eq(supportLists.term, term)));
  return row;
}

/** The lists the caller sees (RLS) of a term, with class and college names. */
export function listsOfTerm(tx: TenantTx, term: string) {
  return queryRows<{
    id: string;
    class_unit_id: string;
    class_name: string;
    college_name: string;
    status: string;
    entries: number;
    confirmed: number;
  }>(
    tx,
    sql`SELECT l.id, l.class_unit_id, k.name AS class_name, c.name AS college_name, l.status,
          (SELECT count(*)::int FROM support_list_entries e WHERE e.list_id = l.id AND e.status <> 'removed') AS entries,
          (SELECT count(*)::int FROM support_list_entries e WHERE e.list_id = l.id AND e.status = 'confirmed') AS confirmed
        FROM support_lists l JOIN units k ON k.id = l.class_unit_id JOIN units c ON c.id = k.parent_id
        WHERE l.term = ${term} ORDER BY c.name, k.name`,
  );
}

/** The classes the caller runs support for (RLS `xq_support_class_access` on units they head or sit above). */
export function supportClasses(tx: TenantTx, personId: string) {
  return queryRows<{ id: string; name: string; college_name: string }>(
    tx,
    sql`SELECT DISTINCT k.id, k.name, c.name AS college_name
        FROM role_assignments ra JOIN units u ON u.id = ra.unit_id
        JOIN units k ON k.level_key = 'class' AND k.path ^@ u.path
        JOIN units c ON c.id = k.parent_id
        WHERE ra.person_id = ${personId}::uuid
          AND ra.role IN ('counsellor', 'head_teacher', 'college_station_head', 'center_staff', 'center_director')
          AND xq_support_class_access(k.id)
        ORDER BY c.name, k.name LIMIT 500`,
  );
}

export async function insertList(tx: TenantTx, row: typeof supportLists.$inferInsert): Promise<ListRow> {
  const [inserted] = await tx.insert(supportLists).values(row).returning();
  return inserted!;
}

export async function updateList(tx: TenantTx, id: string, set: Partial<typeof supportLists.$inferInsert>) {
  await tx.update(supportLists).set(set).where(eq(supportLists.id, id));
}

/** The entries of a list with their students and files, by student number. */
export function entriesOf(tx: TenantTx, listId: string) {
  return tx
    .select({
      entry: supportListEntries,
      studentName: students.name,
      studentNumber: students.studentNumber,
      placementPath: students.placementPath,
      fileId: supportFiles.id,
      responsibleKind: supportFiles.responsibleKind,
      responsiblePersonId: supportFiles.responsiblePersonId,
      responsibleStudentId: supportFiles.responsibleStudentId,
      planWrittenAt: supportFiles.planWrittenAt,
    })
    .from(supportListEntries)
    .innerJoin(students, eq(students.id, supportListEntries.studentId))
    .leftJoin(supportFiles, eq(supportFiles.entryId, supportListEntries.id))
    .where(eq(supportListEntries.listId, listId))
    .orderBy(asc(students.studentNumber));
}

export async function findEntry(
  tx: TenantTx,
  listId: string,
  entryId: string,
): Promise<EntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(supportListEntries)
    .where(and(eq(supportListEntries.id, entryId), eq(supportListEntries.listId, listId)));
  return row;
}

export async function insertEntries(tx: TenantTx, rows: (typeof supportListEntries.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(supportListEntries).values(rows).returning();
}

export async function updateEntry(
  tx: TenantTx,
  id: string,
  set: Partial<typeof supportListEntries.$inferInsert>,
) {
  await tx.update(supportListEntries).set(set).where(eq(supportListEntries.id, id));
}

/** Drops the rules' proposals not yet decided (before proposing again). */
export async function deleteUndecidedProposals(tx: TenantTx, listId: string) {
  await tx
    .delete(supportListEntries)
    .where(
      and(
        eq(supportListEntries.listId, listId),
        eq(supportListEntries.origin, 'rules'),
        eq(supportListEntries.status, 'proposed'),
      ),
    );
}

export async function insertFiles(tx: TenantTx, rows: (typeof supportFiles.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(supportFiles).values(rows).returning();
}

export async function findFile(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      file: supportFiles,
      entry: supportListEntries,
      list: supportLists,
      placementPath: students.placementPath,
    })
    .from(supportFiles)
    .innerJoin(supportListEntries, eq(supportListEntries.id, supportFiles.entryId))
    .innerJoin(supportLists, eq(supportLists.id, supportFiles.listId))
    .innerJoin(students, eq(students.id, supportFiles.studentId))
    .where(eq(supportFiles.id, id));
  return row;
}

export type FullFileRow = NonNullable<Awaited<ReturnType<typeof findFile>>>;

export async function updateFile(tx: TenantTx, id: string, set: Partial<typeof supportFiles.$inferInsert>) {
  await tx
    .update(supportFiles)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(supportFiles.id, id));
}

export function filesOfList(tx: TenantTx, listId: string) {
  return tx.select({ id: supportFiles.id }).from(supportFiles).where(eq(supportFiles.listId, listId));
}

export function filesOfStudent(tx: TenantTx, studentId: string) {
  return tx
    .select({ id: supportFiles.id, term: supportLists.term })
    .from(supportFiles)
    .innerJoin(supportLists, eq(supportLists.id, supportFiles.listId))
    .where(eq(supportFiles.studentId, studentId))
    .orderBy(desc(supportLists.term));
}

export function notesOf(tx: TenantTx, fileId: string) {
  return tx
    .select({ note: supportProcessNotes, author: people.displayName })
    .from(supportProcessNotes)
    .innerJoin(people, eq(people.id, supportProcessNotes.writtenBy))
    .where(eq(supportProcessNotes.fileId, fileId))
    .orderBy(asc(supportProcessNotes.occurredOn), asc(supportProcessNotes.createdAt));
}

export function contactsOf(tx: TenantTx, fileId: string) {
  return tx
    .select({ contact: supportParentContacts, recorder: people.displayName })
    .from(supportParentContacts)
    .innerJoin(people, eq(people.id, supportParentContacts.recordedBy))
    .where(eq(supportParentContacts.fileId, fileId))
    .orderBy(asc(supportParentContacts.contactedAt));
}

export async function insertNote(tx: TenantTx, row: typeof supportProcessNotes.$inferInsert) {
  await tx.insert(supportProcessNotes).values(row);
}

export async function insertContact(tx: TenantTx, row: typeof supportParentContacts.$inferInsert) {
  await tx.insert(supportParentContacts).values(row);
}

/** People's names and roles, for the helpers named on files. */
export async function peopleByIds(tx: TenantTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: people.id, name: people.displayName, phone: people.phone })
    .from(people)
    .where(inArray(people.id, [...ids]));
}

/** The staff who may be named responsible for a student: full-reach roles on a unit above the student's place. */
export function helpersFor(tx: TenantTx, placementPath: string) {
  return queryRows<{ id: string; name: string; role: string; unit_name: string }>(
    tx,
    sql`SELECT DISTINCT ON (p.id) p.id, p.display_name AS name, ra.role, u.name AS unit_name
        FROM role_assignments ra JOIN people p ON p.id = ra.person_id JOIN units u ON u.id = ra.unit_id
        WHERE ${placementPath} ^@ u.path
          AND ra.role IN ('counsellor', 'head_teacher', 'college_station_head', 'center_staff', 'center_director')
          AND NOT p.disabled
        ORDER BY p.id, length(u.path) DESC`,
  );
}

/** The roles a person holds on units above a placement (empty: outside the student's network). */
export async function rolesAbove(tx: TenantTx, personId: string, placementPath: string) {
  return tx
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.personId, personId), sql`${placementPath} ^@ ${units.path}`));
}

export async function studentsByIds(tx: TenantTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: students.id,
      name: students.name,
      studentNumber: students.studentNumber,
      phone: students.phone,
      guardians: students.guardians,
      collegeUnitId: students.collegeUnitId,
      classUnitId: students.classUnitId,
      placementPath: students.placementPath,
    })
    .from(students)
    .where(inArray(students.id, [...ids]));
}

export function sanctionsOf(tx: TenantTx, studentId: string) {
  return tx
    .select()
    .from(disciplinarySanctions)
    .where(eq(disciplinarySanctions.studentId, studentId))
    .orderBy(desc(disciplinarySanctions.sanctionedOn));
}

export function hardshipOf(tx: TenantTx, studentId: string) {
  return tx
    .select()
    .from(hardshipCertifications)
    .where(eq(hardshipCertifications.studentId, studentId))
    .orderBy(desc(hardshipCertifications.term));
}

export function aidsOf(tx: TenantTx, studentId: string) {
  return tx
    .select()
    .from(financialAids)
    .where(eq(financialAids.studentId, studentId))
    .orderBy(desc(financialAids.givenOn));
}

export function visitsOf(tx: TenantTx, studentId: string) {
  return tx
    .select({ visit: homeVisits, recorder: people.displayName })
    .from(homeVisits)
    .innerJoin(people, eq(people.id, homeVisits.recordedBy))
    .where(eq(homeVisits.studentId, studentId))
    .orderBy(desc(homeVisits.visitedOn));
}

export function enteredFailedOf(tx: TenantTx, studentId: string) {
  return tx
    .select()
    .from(enteredFailedCourses)
    .where(eq(enteredFailedCourses.studentId, studentId))
    .orderBy(desc(enteredFailedCourses.term));
}

/** Per college of the term: students, certified, aided, and aided among the certified (capability counts). */
export function coverageRows(tx: TenantTx, term: string) {
  return queryRows<{
    college_id: string;
    college_name: string;
    students: number;
    certified: number;
    aided: number;
    aids: number;
    amount: number;
  }>(
    tx,
    sql`SELECT u.id AS college_id, u.name AS college_name, coalesce(n.students, 0)::int AS students,
          (SELECT count(*)::int FROM hardship_certifications h WHERE h.college_unit_id = u.id AND h.term = ${term}) AS certified,
          (SELECT count(DISTINCT a.student_id)::int FROM financial_aids a WHERE a.college_unit_id = u.id AND a.term = ${term}) AS aided,
          (SELECT count(*)::int FROM financial_aids a WHERE a.college_unit_id = u.id AND a.term = ${term}) AS aids,
          (SELECT coalesce(sum(a.amount_yuan), 0)::float8 FROM financial_aids a
             WHERE a.college_unit_id = u.id AND a.term = ${term}) AS amount
        FROM units u LEFT JOIN college_student_counts n ON n.college_unit_id = u.id
        WHERE u.level_key = 'college' ORDER BY u.name`,
  );
}

/** Aids per kind and college of a term (capability counts). */
export function aidKindRows(tx: TenantTx, term: string) {
  return queryRows<{ college_id: string; kind: string; students: number }>(
    tx,
    sql`SELECT college_unit_id AS college_id, kind, count(DISTINCT student_id)::int AS students
        FROM financial_aids WHERE term = ${term} GROUP BY college_unit_id, kind`,
  );
}

import { allianceDepartments, allianceMembers, students, type TenantTx } from '@xinqiao/db';
import { and, asc, eq, sql } from 'drizzle-orm';

export type MemberRow = typeof allianceMembers.$inferSelect;

/** A member with its department's name. */
export interface MemberView extends MemberRow {
  departmentName: string;
}

function selectMembers(tx: TenantTx) {
  return tx
    .select({
      member: allianceMembers,
      departmentName: allianceDepartments.name,
      // The number copied when the member was linked; for members linked before it was kept, the student's own
      // (when the caller sees the student).
      studentNumber: sql<
        string | null
      >`coalesce(${allianceMembers.studentNumber}, ${students.studentNumber})`,
    })
    .from(allianceMembers)
    .innerJoin(allianceDepartments, eq(allianceDepartments.id, allianceMembers.departmentId))
    .leftJoin(students, eq(students.id, allianceMembers.studentId));
}

function toView(row: {
  member: MemberRow;
  departmentName: string;
  studentNumber: string | null;
}): MemberView {
  return { ...row.member, departmentName: row.departmentName, studentNumber: row.studentNumber };
}

/** The members of a term, by department then name; only active ones unless asked. */
export async function listMembers(
  tx: TenantTx,
  termId: string,
  options: { departmentId?: string; includeInactive?: boolean } = {},
): Promise<MemberView[]> {
  const rows = await selectMembers(tx)
    .where(
      and(
        eq(allianceMembers.termId, termId),
        options.departmentId ? eq(allianceMembers.departmentId, options.departmentId) : undefined,
        options.includeInactive ? undefined : eq(allianceMembers.active, true),
      ),
    )
    .orderBy(asc(allianceDepartments.createdAt), asc(allianceMembers.memberRole), asc(allianceMembers.name));
  return rows.map(toView);
}

/** One member. */
export async function getMember(tx: TenantTx, id: string): Promise<MemberView | undefined> {
  const [row] = await selectMembers(tx).where(eq(allianceMembers.id, id));
  return row ? toView(row) : undefined;
}

/** Adds a member to a term; answers the new member's id. */
export async function insertMember(
  tx: TenantTx,
  values: typeof allianceMembers.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(allianceMembers).values(values).returning({ id: allianceMembers.id });
  return row!.id;
}

/** Changes a member's department, role, officer flag, links or activity. */
export async function updateMemberRow(
  tx: TenantTx,
  id: string,
  values: Partial<
    Pick<
      MemberRow,
      'departmentId' | 'memberRole' | 'isOfficer' | 'active' | 'personId' | 'studentId' | 'studentNumber'
    >
  >,
): Promise<void> {
  await tx.update(allianceMembers).set(values).where(eq(allianceMembers.id, id));
}

/** The terms in which a person is linked to an active officer member (who may score). */
export async function officerTermsOf(tx: TenantTx, personId: string): Promise<string[]> {
  const rows = await tx
    .select({ termId: allianceMembers.termId })
    .from(allianceMembers)
    .where(
      and(
        eq(allianceMembers.personId, personId),
        eq(allianceMembers.isOfficer, true),
        eq(allianceMembers.active, true),
      ),
    );
  return rows.map((row) => row.termId);
}

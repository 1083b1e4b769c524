import { auditLog, students, type TenantTx } from '@xinqiao/db';
import { eq, sql } from 'drizzle-orm';
import type { Me } from '../../../auth/session-types.ts';
import { type AccessEvent, actingRole } from '../../audit/record.ts';
import type { StudentValues } from '../queries.ts';

/** Rows per statement: big enough to amortise a statement's cost, far below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/** `items` cut into lists of at most `size`. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The audit rows of a bulk write, a few hundred per INSERT: the rows `recordAccess` would append one by one, with the
 * same acting role. The chain trigger runs per row in VALUES order and sees the rows before it in the same
 * statement, so `seq` and the hash chain come out exactly as with single inserts. (One statement per student made
 * a 5,000-row import spend most of its time on audit round trips.)
 */
export async function recordAccessBatch(tx: TenantTx, me: Me, events: readonly AccessEvent[]): Promise<void> {
  for (const part of chunks(events)) {
    await tx.insert(auditLog).values(
      part.map((event) => {
        const role = actingRole(me, event.studentPath);
        return {
          schoolId: me.school.id,
          actorPersonId: me.person.id,
          actorRole: role?.role ?? null,
          actorUnitId: role?.unitId ?? null,
          studentId: event.studentId ?? null,
          action: event.action,
          entity: event.entity,
          entityId: event.entityId ?? null,
          purpose: event.purpose,
        };
      }),
    );
  }
}

/**
 * Rewrites the import-managed columns of many students, a few hundred per UPDATE. The new values travel as ONE
 * bound JSON parameter unpacked by jsonb_to_recordset, so no SQL text is ever built from the file; RLS and the
 * placement trigger apply to every row as with single updates.
 */
export async function rewriteStudents(
  tx: TenantTx,
  updates: readonly { id: string; values: StudentValues }[],
): Promise<void> {
  for (const part of chunks(updates)) {
    const rows = part.map(({ id, values }) => ({
      id,
      student_number: values.studentNumber,
      name: values.name,
      gender: values.gender,
      enrolment_year: values.enrolmentYear,
      college_unit_id: values.collegeUnitId,
      class_unit_id: values.classUnitId,
      dorm_unit_id: values.dormUnitId,
      phone: values.phone,
      email: values.email,
      guardians: values.guardians,
    }));
    await tx
      .update(students)
      .set({
        studentNumber: sql`v.student_number`,
        name: sql`v.name`,
        gender: sql`v.gender`,
        enrolmentYear: sql`v.enrolment_year`,
        collegeUnitId: sql`v.college_unit_id`,
        classUnitId: sql`v.class_unit_id`,
        dormUnitId: sql`v.dorm_unit_id`,
        phone: sql`v.phone`,
        email: sql`v.email`,
        guardians: sql`v.guardians`,
      })
      .from(
        sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, student_number text, name text,
          gender text, enrolment_year integer, college_unit_id uuid, class_unit_id uuid, dorm_unit_id uuid,
          phone text, email text, guardians jsonb)`,
      )
      .where(eq(students.id, sql`v.id`));
  }
}

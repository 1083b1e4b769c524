import { queryRows } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.ts';
import { notify } from '../notifications/notify.ts';
import type { ListRow } from './queries.ts';

/** The shell path of a support file (an id only, so it may go out in e-mail and group messages). */
export const supportFileLink = (fileId: string) => `/support/files/${fileId}`;
/** The shell path of a class's support list. */
export const supportListLink = (listId: string) => `/support/lists/${listId}`;

/** The counsellors and head teachers of a class (on it or a unit above it), but the caller. */
async function classStaffBut(caller: Caller, classUnitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    caller.tx,
    sql`SELECT DISTINCT ra.person_id AS id
        FROM units k JOIN units u ON k.path ^@ u.path JOIN role_assignments ra ON ra.unit_id = u.id
        WHERE k.id = ${classUnitId}::uuid AND ra.role IN ('counsellor', 'head_teacher')
          AND ra.person_id <> ${caller.me.person.id}::uuid`,
  );
  return rows.map((r) => r.id);
}

/**
 * Tells the class's counsellors and head teachers other than the confirmer that the list was confirmed (in the app
 * with the count; outbound a count only, never a name, PIPL art. 28).
 */
export async function notifyListConfirmed(caller: Caller, list: ListRow, count: number): Promise<void> {
  if (count === 0) return;
  const recipients = await classStaffBut(caller, list.classUnitId);
  if (recipients.length === 0) return;
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients,
    kind: 'support.list-confirmed',
    params: { count },
    link: supportListLink(list.id),
    outbound: { count },
  });
}

/** Tells the class's counsellors and head teachers but the recorder that a student was proposed mid-term. */
export async function notifyStudentProposed(caller: Caller, list: ListRow): Promise<void> {
  const recipients = await classStaffBut(caller, list.classUnitId);
  if (recipients.length === 0) return;
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients,
    kind: 'support.proposed',
    params: { count: 1 },
    link: supportListLink(list.id),
    outbound: { count: 1 },
  });
}

/** Tells a staff member they were named responsible person for a student (outbound: a count and the plan's day). */
export async function notifyHelperNamed(
  caller: Caller,
  fileId: string,
  personId: string,
  planDueOn: string,
): Promise<void> {
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients: [personId],
    kind: 'support.helper-named',
    params: { count: 1, dueOn: planDueOn },
    link: supportFileLink(fileId),
    outbound: { count: 1, dueOn: planDueOn },
  });
}

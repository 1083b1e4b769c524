import type { Role } from '@xinqiao/db';
import type { Caller } from '../../auth/caller.ts';
import { notify } from '../notifications/notify.ts';
import { caseLink } from './links.ts';
import type { CaseRow } from './queries.ts';

/**
 * Tells the new responsible person of a case (not the caller themself), in the app and by the school's channels.
 * Nothing about the student leaves the platform: the outbound text says only that a case due on this date is theirs.
 */
export async function notifyResponsible(
  caller: Caller,
  row: Pick<CaseRow, 'id' | 'kind' | 'dueDate'>,
  personId: string,
  roles: readonly Role[],
): Promise<void> {
  if (personId === caller.me.person.id) return;
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients: [personId],
    kind: 'case.assigned',
    params: { caseKind: row.kind, dueDate: row.dueDate ?? '' },
    link: caseLink([...roles], row.id),
    outbound: { count: 1, ...(row.dueDate ? { dueOn: row.dueDate } : {}) },
  });
}

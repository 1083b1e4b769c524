import { chinaToday } from '@xinqiao/calendar';
import type { CompiledPlugin } from '@xinqiao/policy';
import type { Caller } from '../../auth/caller.ts';
import { notifyStudentProposed } from './notify.ts';
import { propose } from './propose.ts';
import { classFacts, entriesOf, findListOf, insertEntries, updateEntry } from './queries.ts';
import { currentTerm } from './terms.ts';

/**
 * After a sanction, a hardship certification or a failed-course count is recorded during the term (seed 004: the
 * file is kept "as things change"), runs the school's `support-targets` rules for that student again. When they now
 * put the student in a category and the class already has this term's list without them, the student is added as a
 * proposal awaiting the head teacher's confirmation (My work lists it), and the class's head teachers and
 * counsellors other than the recorder are told. A student taken off the list earlier is proposed again; a class
 * without a list yet gets the student when the list is proposed.
 */
export async function proposeAfterRecord(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  student: { id: string; classUnitId: string },
  now: Date,
): Promise<void> {
  if (!plugin?.areas.includes('support-targets')) return;
  const term = currentTerm(now);
  const list = await findListOf(caller.tx, student.classUnitId, term);
  if (!list) return;
  const listed = (await entriesOf(caller.tx, list.id)).find((row) => row.entry.studentId === student.id);
  if (listed && listed.entry.status !== 'removed') return;
  const facts = await classFacts(caller.tx, student.classUnitId, term, chinaToday(now), student.id);
  const [proposal] = await propose(plugin, facts);
  if (!proposal?.supported) return;
  const proposed = {
    categories: proposal.categories,
    facts: proposal.facts,
    parentContact: proposal.parentContact,
    origin: 'rules' as const,
    status: 'proposed' as const,
  };
  // Taken off the list before, with a reason: the new facts put the student before the head teacher again.
  if (listed)
    await updateEntry(caller.tx, listed.entry.id, { ...proposed, decidedBy: null, decidedAt: null });
  else {
    await insertEntries(caller.tx, [
      { schoolId: caller.me.school.id, listId: list.id, studentId: student.id, ...proposed },
    ]);
  }
  await notifyStudentProposed(caller, list);
}

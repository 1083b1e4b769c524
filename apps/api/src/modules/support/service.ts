import { addCalendarDays, chinaToday } from '@xinqiao/calendar';
import type { CompiledPlugin, SUPPORT_CATEGORIES } from '@xinqiao/policy';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { notifyListConfirmed } from './notify.ts';
import { presentEntry } from './present.ts';
import { DEFAULT_PLAN_DAYS, propose, schoolSettings, supportPluginOf } from './propose.ts';
import {
  classFacts,
  deleteUndecidedProposals,
  entriesOf,
  findClass,
  findEntry,
  findList,
  findListOf,
  insertEntries,
  insertFiles,
  insertList,
  type ListRow,
  listsOfTerm,
  peopleByIds,
  studentsByIds,
  supportClasses,
  updateEntry,
  updateList,
} from './queries.ts';
import { currentTerm, termLabel } from './terms.ts';

/** Audits one read or change of the support work, naming the student when there is one. */
export async function auditSupport(
  caller: Caller,
  action: string,
  entity: string,
  entityId: string,
  student?: { id: string; placementPath: string },
) {
  await recordAccess(caller.tx, caller.me, {
    action,
    entity,
    entityId,
    studentId: student?.id ?? null,
    studentPath: student?.placementPath ?? null,
    purpose: caller.purpose,
  });
}

/** The classes the caller runs support for, with the term's list of each (if proposed yet). */
export async function classesOfTerm(caller: Caller, term: string | undefined, now: Date) {
  requirePermission(caller, 'support.read');
  const key = term ?? currentTerm(now);
  const [classes, lists] = await Promise.all([
    supportClasses(caller.tx, caller.me.person.id),
    listsOfTerm(caller.tx, key),
  ]);
  const listOf = new Map(lists.map((l) => [l.class_unit_id, l]));
  return {
    term: key,
    termLabel: termLabel(key),
    classes: classes.map((k) => {
      const list = listOf.get(k.id);
      return {
        id: k.id,
        name: k.name,
        collegeName: k.college_name,
        listId: list?.id ?? null,
        status: (list?.status ?? null) as 'proposed' | 'confirmed' | null,
        entries: list?.entries ?? 0,
        confirmed: list?.confirmed ?? 0,
      };
    }),
  };
}

async function listOf(caller: Caller, id: string): Promise<ListRow> {
  const list = await findList(caller.tx, id);
  if (!list) throw problem('support.list-not-found');
  return list;
}

/**
 * Proposes a class's list for a term: runs the school's `support-targets` rules over what the platform knows of
 * each student (the full view) and stores the students they put in a category with the categories and the facts.
 * Proposing again refreshes the proposals not yet decided; a confirmed list keeps its entries and gets new ones.
 */
export async function proposeList(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  input: { classUnitId: string; term?: string | undefined },
  now: Date,
): Promise<string> {
  requirePermission(caller, 'support.manage');
  const rules = supportPluginOf(plugin, caller.me.school.code);
  const klass = await findClass(caller.tx, input.classUnitId);
  if (!klass) throw problem('support.class-not-found');
  if (klass.levelKey !== 'class') throw invalidFields([fieldError('classUnitId', 'support.not-a-class')]);
  const term = input.term ?? currentTerm(now);
  let list = await findListOf(caller.tx, klass.id, term);
  if (!list) {
    list = await insertList(caller.tx, {
      schoolId: caller.me.school.id,
      classUnitId: klass.id,
      term,
      pluginId: rules.id,
      pluginVersion: rules.version,
    });
  } else {
    await deleteUndecidedProposals(caller.tx, list.id);
    await updateList(caller.tx, list.id, {
      proposedAt: now,
      pluginId: rules.id,
      pluginVersion: rules.version,
    });
  }
  const listed = new Set((await entriesOf(caller.tx, list.id)).map((row) => row.entry.studentId));
  const proposals = (
    await propose(rules, await classFacts(caller.tx, klass.id, term, chinaToday(now)))
  ).filter((p) => p.supported && !listed.has(p.studentId));
  await insertEntries(
    caller.tx,
    proposals.map((p) => ({
      schoolId: caller.me.school.id,
      listId: list.id,
      studentId: p.studentId,
      categories: p.categories,
      facts: p.facts,
      parentContact: p.parentContact,
      origin: 'rules' as const,
      // On a confirmed list too: a new proposal waits for the head teacher's confirmation.
      status: 'proposed' as const,
    })),
  );
  await auditSupport(caller, 'support_list.propose', 'support_list', list.id);
  return list.id;
}

/** A class's list with each student's categories, facts and file; every read audited (the list names students). */
export async function readList(caller: Caller, id: string) {
  requirePermission(caller, 'support.read');
  const list = await listOf(caller, id);
  const klass = await findClass(caller.tx, list.classUnitId);
  const rows = await entriesOf(caller.tx, id);
  const helperIds = rows.flatMap((r) => (r.responsiblePersonId ? [r.responsiblePersonId] : []));
  const studentHelperIds = rows.flatMap((r) => (r.responsibleStudentId ? [r.responsibleStudentId] : []));
  const [staff, studentHelpers] = await Promise.all([
    peopleByIds(caller.tx, helperIds),
    studentsByIds(caller.tx, studentHelperIds),
  ]);
  const names = new Map<string, string>([
    ...staff.map((p) => [p.id, p.name] as const),
    ...studentHelpers.map((s) => [s.id, s.name] as const),
  ]);
  await auditSupport(caller, 'support_list.read', 'support_list', id);
  return {
    id: list.id,
    term: list.term,
    termLabel: termLabel(list.term),
    classUnit: { id: list.classUnitId, name: klass?.name ?? '' },
    status: list.status,
    proposedAt: list.proposedAt.toISOString(),
    confirmedAt: list.confirmedAt?.toISOString() ?? null,
    decision: { pluginId: list.pluginId, pluginVersion: list.pluginVersion },
    entries: rows.map((row) => presentEntry(row, names)),
    canManage: can(caller, 'support.manage'),
  };
}

/** Adds a student of the class the rules did not propose, with the categories and the head teacher's reason. */
export async function addEntry(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  id: string,
  input: { studentId: string; categories: (typeof SUPPORT_CATEGORIES)[number][]; reason: string },
  now: Date,
) {
  requirePermission(caller, 'support.manage');
  const list = await listOf(caller, id);
  const [student] = await studentsByIds(caller.tx, [input.studentId]);
  if (!student || student.classUnitId !== list.classUnitId) {
    throw invalidFields([fieldError('studentId', 'support.not-in-class')]);
  }
  const listed = (await entriesOf(caller.tx, id)).find((row) => row.entry.studentId === student.id);
  if (listed) throw invalidFields([fieldError('studentId', 'support.already-listed')]);
  const categories = [...new Set(input.categories)].map((category) => ({
    category,
    ruleName: 'added-by-head-teacher',
    zh: input.reason,
    en: input.reason,
  }));
  const confirmed = list.status === 'confirmed';
  const [entry] = await insertEntries(caller.tx, [
    {
      schoolId: caller.me.school.id,
      listId: id,
      studentId: student.id,
      categories,
      facts: [],
      parentContact: null,
      origin: 'added',
      status: confirmed ? 'confirmed' : 'proposed',
      reason: input.reason,
      decidedBy: caller.me.person.id,
      decidedAt: now,
    },
  ]);
  if (confirmed) await openFiles(caller, plugin, list, [entry!], now);
  await auditSupport(caller, 'support_list.add', 'support_list_entry', entry!.id, student);
}

/** Removes a student from the list with the head teacher's reason (a confirmed student keeps the file written). */
export async function removeEntry(caller: Caller, id: string, entryId: string, reason: string, now: Date) {
  requirePermission(caller, 'support.manage');
  await listOf(caller, id);
  const entry = await findEntry(caller.tx, id, entryId);
  if (!entry) throw problem('support.entry-not-found');
  if (entry.status === 'removed') throw invalidFields([fieldError('entryId', 'support.removed-entry')]);
  await updateEntry(caller.tx, entryId, {
    status: 'removed',
    reason,
    decidedBy: caller.me.person.id,
    decidedAt: now,
  });
  const [student] = await studentsByIds(caller.tx, [entry.studentId]);
  await auditSupport(caller, 'support_list.remove', 'support_list_entry', entryId, student);
}

/** The plan's and the parent contact's due dates, from the school's rules and the day of confirmation. */
async function dueDates(plugin: CompiledPlugin | undefined, today: string) {
  const settings = plugin?.areas.includes('support-targets') ? await schoolSettings(plugin) : null;
  return { planDueOn: addCalendarDays(today, settings?.planDeadline?.days ?? DEFAULT_PLAN_DAYS) };
}

/** Opens the support file of each newly confirmed entry. */
async function openFiles(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  list: ListRow,
  entries: readonly { id: string; studentId: string; parentContact: { withinDays: number } | null }[],
  now: Date,
) {
  const today = chinaToday(now);
  const { planDueOn } = await dueDates(plugin, today);
  await insertFiles(
    caller.tx,
    entries.map((entry) => ({
      schoolId: caller.me.school.id,
      entryId: entry.id,
      listId: list.id,
      studentId: entry.studentId,
      planDueOn,
      parentContactDueOn: entry.parentContact ? addCalendarDays(today, entry.parentContact.withinDays) : null,
    })),
  );
}

/**
 * Confirms the list: every proposed entry becomes the term's support list and gets its support file, with the
 * plan due by the school's deadline and, for 3+ failed courses, parent contact due. The counsellor is told.
 */
export async function confirmList(caller: Caller, plugin: CompiledPlugin | undefined, id: string, now: Date) {
  requirePermission(caller, 'support.manage');
  const list = await listOf(caller, id);
  const pending = (await entriesOf(caller.tx, id)).filter((row) => row.entry.status === 'proposed');
  for (const row of pending) {
    await updateEntry(caller.tx, row.entry.id, {
      status: 'confirmed',
      decidedBy: caller.me.person.id,
      decidedAt: now,
    });
  }
  await openFiles(
    caller,
    plugin,
    list,
    pending.map((row) => row.entry),
    now,
  );
  if (list.status !== 'confirmed') {
    await updateList(caller.tx, id, {
      status: 'confirmed',
      confirmedAt: now,
      confirmedBy: caller.me.person.id,
    });
  }
  await notifyListConfirmed(caller, list, pending.length);
  await auditSupport(caller, 'support_list.confirm', 'support_list', id);
}

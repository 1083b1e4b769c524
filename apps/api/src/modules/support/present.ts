import type { ResponsibleKind, SupportCategoryRow } from '@xinqiao/db';
import type { SUPPORT_CATEGORIES } from '@xinqiao/policy';

type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

import type { entriesOf } from './queries.ts';

type EntryJoin = Awaited<ReturnType<typeof entriesOf>>[number];

export const RESPONSIBLE_ZH: Record<ResponsibleKind, string> = {
  head_teacher: '班主任',
  counsellor: '辅导员',
  teacher: '教师',
  party_member: '学生党员',
  student_helper: '学生帮扶人',
};

/** The responsible person named on a file, as the screens show it (null when none yet). */
export function presentResponsible(
  kind: ResponsibleKind | null,
  personId: string | null,
  studentId: string | null,
  names: ReadonlyMap<string, string>,
) {
  const id = personId ?? studentId;
  if (!kind || !id) return null;
  return { kind, id, name: names.get(id) ?? '', detail: RESPONSIBLE_ZH[kind] };
}

const categoriesOf = (rows: readonly SupportCategoryRow[]) =>
  rows.map((c) => ({ ...c, category: c.category as SupportCategory }));

/** One student of a list. */
export function presentEntry(row: EntryJoin, names: ReadonlyMap<string, string>) {
  const { entry } = row;
  return {
    id: entry.id,
    student: { id: entry.studentId, name: row.studentName, studentNumber: row.studentNumber },
    categories: categoriesOf(entry.categories),
    facts: entry.facts,
    parentContact: entry.parentContact ? { zh: entry.parentContact.zh, en: entry.parentContact.en } : null,
    origin: entry.origin,
    status: entry.status,
    reason: entry.reason,
    fileId: row.fileId,
    responsible: presentResponsible(
      row.responsibleKind,
      row.responsiblePersonId,
      row.responsibleStudentId,
      names,
    ),
    planWritten: row.planWrittenAt !== null,
  };
}

export { categoriesOf };

import { type Caller, requirePermission } from '../../../auth/caller.ts';
import { recordAccess } from '../../audit/record.ts';
import { requireFullView } from '../access.ts';
import type { StudentRow } from '../queries.ts';
import { findVisibleStudent, readStudent } from '../service.ts';
import { type FileEntry, insertFileEntry, studentTimeline } from './queries.ts';
import type { NewFileEntry } from './schemas.ts';

/**
 * A student's file (一人一档): the student and the timeline of entries and cases, as far as the caller's scope
 * shows them (the reduced view gets the 'network' entries only, by RLS). Audited as 'student_file.read'.
 *
 * @example
 * const { student, entries } = await readStudentFile(callerOf(c, '查看学生档案 / student file'), id);
 */
export async function readStudentFile(
  caller: Caller,
  studentId: string,
): Promise<{ student: StudentRow; entries: FileEntry[] }> {
  requirePermission(caller, 'students.read');
  // Both at once (pipelined on PostgreSQL). The timeline is under RLS like the student; when the student is not
  // visible, readStudent answers 404 and the (empty) timeline is dropped.
  const [student, entries] = await Promise.all([
    readStudent(caller, studentId, 'student_file.read'),
    studentTimeline(caller.tx, studentId),
  ]);
  return { student, entries };
}

/**
 * Records an entry in the file of a student the caller sees in full (404 if not visible, 403 in the reduced view:
 * reduced views observe and report, they never write). Audited as 'student_file.add_entry'.
 */
export async function recordFileEntry(
  caller: Caller,
  studentId: string,
  input: NewFileEntry,
): Promise<FileEntry> {
  requirePermission(caller, 'students.write');
  const row = await findVisibleStudent(caller.tx, studentId);
  requireFullView(caller.scope, row.placementPath, 'record-in-file');
  const entry = await insertFileEntry(caller.tx, caller.me.school.id, row.id, caller.me.person.id, input);
  await recordAccess(caller.tx, caller.me, {
    action: 'student_file.add_entry',
    entity: 'student_file_entry',
    entityId: entry.id,
    studentId: row.id,
    studentPath: row.placementPath,
    purpose: caller.purpose,
  });
  return entry;
}

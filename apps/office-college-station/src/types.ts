/**
 * The API's JSON as this module reads it (see apps/api/src/modules/{students,cases,people,units}/schemas.ts).
 * Frontends never import server code, so the shapes are declared here.
 */

export type Gender = 'male' | 'female';

/** What a class psych committee member or dorm liaison sees of a student. */
export interface ReducedStudent {
  id: string;
  view: 'reduced';
  studentNumber: string;
  name: string;
  gender: Gender;
  className: string;
  dormName: string | null;
}

/** A student as a full-view list shows them: identity and placement, no contacts. */
export interface StudentSummary {
  id: string;
  view: 'full';
  studentNumber: string;
  name: string;
  gender: Gender;
  enrolmentYear: number;
  collegeUnitId: string;
  collegeName: string;
  classUnitId: string;
  className: string;
  dormUnitId: string | null;
  dormName: string | null;
}

export interface Guardian {
  name: string;
  relation: string;
  phone: string;
}

/** The whole record, for the full view only. */
export interface FullStudent extends StudentSummary {
  phone: string | null;
  email: string | null;
  guardians: Guardian[];
}

export type StudentListItem = StudentSummary | ReducedStudent;
export type StudentDetail = FullStudent | ReducedStudent;

/** One page of a list, with the total over every page. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export type CaseKind = 'crisis' | 'support' | 'follow_up';
export type CaseStatus = 'open' | 'in_progress' | 'closed';
export type FileVisibility = 'restricted' | 'network';

/** One entry of a student's file: something recorded, or one of the student's cases. */
export interface FileEntry {
  id: string;
  source: 'file' | 'case';
  kind: string;
  title: string;
  body: string;
  visibility: FileVisibility;
  recordedAt: string;
  recordedBy: PersonRef | null;
  case: {
    id: string;
    kind: CaseKind;
    status: CaseStatus;
    dueDate: string | null;
    closedAt: string | null;
  } | null;
}

/** `GET /api/students/{id}/file`. */
export interface StudentFile {
  student: StudentDetail;
  entries: FileEntry[];
}

export interface NewFileEntry {
  kind: string;
  title: string;
  body: string;
  visibility: FileVisibility;
}

/** The entry kinds a person writes in a case; the API writes the others. */
export const WRITTEN_CASE_ENTRY_KINDS = ['interview', 'note', 'contact'] as const;
export type WrittenCaseEntryKind = (typeof WRITTEN_CASE_ENTRY_KINDS)[number];
export type CaseEntryKind = WrittenCaseEntryKind | 'status_change' | 'reassign' | 'due_date_change';

export interface CaseEntry {
  id: string;
  kind: CaseEntryKind;
  body: string;
  author: PersonRef | null;
  createdAt: string;
}

export interface Case {
  id: string;
  student: { id: string; studentNumber: string; name: string };
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  responsiblePerson: PersonRef | null;
  dueDate: string | null;
  overdue: boolean;
  openedBy: PersonRef | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetail extends Case {
  entries: CaseEntry[];
}

export interface NewCase {
  studentId: string;
  kind: CaseKind;
  title: string;
  responsiblePersonId: string;
  dueDate: string;
}

export interface CaseListFilter {
  status?: CaseStatus;
  kind?: CaseKind;
  responsiblePersonId?: string;
  studentId?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export interface Person {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  roles: { role: string; unitId: string; unitName: string; levelKey: string }[];
}

export interface Unit {
  id: string;
  parentId: string | null;
  levelKey: string;
  levelName: string;
  levelNameEn: string;
  depth: number;
  name: string;
}

import { api, type paths, type Schemas } from '@xinqiao/web-kit';

/** What a class psych committee member or dorm liaison sees of a student. */
export type ReducedStudent = Schemas['ReducedStudent'];
/** A student as a full-view list shows them: identity and placement, no contacts. */
export type StudentSummary = Schemas['StudentSummary'];
/** The whole record, for the full view only. */
export type FullStudent = Schemas['Student'];
export type StudentListPage = Schemas['StudentPage'];
export type StudentListItem = StudentListPage['items'][number];
export type StudentFile = Schemas['StudentFile'];
/** One entry of a student's file: something recorded, or one of the student's cases. */
export type FileEntry = Schemas['FileEntry'];
export type FileVisibility = FileEntry['visibility'];
export type NewFileEntry = Schemas['NewFileEntry'];
export type Case = Schemas['Case'];
export type CaseDetail = Schemas['CaseDetail'];
export type CaseListPage = Schemas['CasePage'];
export type Unit = Schemas['Unit'];
export type CaseKind = Case['kind'];
export type CaseStatus = Case['status'];
export type NewCase = Schemas['CreateCase'];
export type PersonRef = NonNullable<Schemas['PersonRef']>;
/** What a person writes in a case: an interview record, a note or a contact; the API writes the others. */
export type NewCaseEntry = Schemas['NewCaseEntry'];
export type WrittenCaseEntryKind = NewCaseEntry['kind'];
export type InterviewMethod = NonNullable<Schemas['InterviewMethod']>;
export type RiskLevel = NonNullable<Schemas['RiskLevel']>;

/** The kinds the case page offers, in its order. */
export const WRITTEN_CASE_ENTRY_KINDS: readonly WrittenCaseEntryKind[] = ['interview', 'note', 'contact'];
export const INTERVIEW_METHODS: readonly InterviewMethod[] = [
  'face_to_face',
  'phone',
  'dorm_visit',
  'online',
];
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'crisis'];

type CasesQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

/** Which cases a list shows; `overdue` as a flag (the API takes it as the text 'true' or 'false'). */
export type CaseListFilter = Omit<CasesQuery, 'overdue'> & { overdue?: boolean };

export type StudentQuery = NonNullable<paths['/api/students']['get']['parameters']['query']>;

/** One page of the students the caller sees (the API decides whose and in which view). */
export function fetchStudents(query: StudentQuery): Promise<StudentListPage> {
  return api.GET('/api/students', { params: { query } });
}

/** The classes of the caller's branch, for the class filter (a college has far fewer than 200). */
export function fetchClasses(): Promise<Schemas['UnitPage']> {
  return api.GET('/api/units', { params: { query: { levelKey: 'class', pageSize: 200 } } });
}

/** A student's file: the student (full or reduced) and the timeline, newest first. The API audits the read. */
export function fetchStudentFile(studentId: string): Promise<StudentFile> {
  return api.GET('/api/students/{id}/file', { params: { path: { id: studentId } } });
}

/** Records an entry in a student's file (full view only: the API answers 403 otherwise). */
export function addFileEntry(studentId: string, entry: NewFileEntry): Promise<FileEntry> {
  return api.POST('/api/students/{id}/file/entries', { params: { path: { id: studentId } }, body: entry });
}

/** One page of the cases the caller sees in full, soonest due first. */
export function fetchCases(filter: CaseListFilter): Promise<CaseListPage> {
  const { overdue, ...rest } = filter;
  const query: CasesQuery = overdue === undefined ? rest : { ...rest, overdue: overdue ? 'true' : 'false' };
  return api.GET('/api/cases', { params: { query } });
}

/** One case with its timeline. The API audits the read. */
export function fetchCase(caseId: string): Promise<CaseDetail> {
  return api.GET('/api/cases/{id}', { params: { path: { id: caseId } } });
}

/** Opens a case about a student. */
export function createCase(input: NewCase): Promise<Case> {
  return api.POST('/api/cases', { body: input });
}

/** Adds an interview record, a note or a contact to a case. */
export function addCaseEntry(caseId: string, entry: NewCaseEntry): Promise<Schemas['CaseEntry']> {
  return api.POST('/api/cases/{id}/entries', { params: { path: { id: caseId } }, body: entry });
}

/** Moves a case on (in progress, closed), with why in `note`. */
export function changeCaseStatus(
  caseId: string,
  status: 'in_progress' | 'closed',
  note?: string,
): Promise<Case> {
  return api.PATCH('/api/cases/{id}', {
    params: { path: { id: caseId } },
    body: note ? { status, note } : { status },
  });
}

/** People of the caller's branch whose name or username contains `q` (candidates to be responsible). */
export function searchPeople(q: string): Promise<Schemas['PersonPage']> {
  return api.GET('/api/people', { params: { query: { q: q || undefined, pageSize: 20 } } });
}

import { api } from '@xinqiao/web-kit';
import type {
  Case,
  CaseDetail,
  CaseEntry,
  CaseListFilter,
  FileEntry,
  NewCase,
  NewFileEntry,
  Page,
  Person,
  StudentFile,
  StudentListItem,
  Unit,
  WrittenCaseEntryKind,
} from './types.ts';

/** A query string from the defined values only (`?a=1&b=x`, or '' when none is). */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export interface StudentQuery {
  q?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}

/** One page of the students the caller sees (the API decides whose and in which view). */
export function fetchStudents(query: StudentQuery): Promise<Page<StudentListItem>> {
  return api.get(`/api/students${queryString({ ...query })}`);
}

/** The classes of the caller's branch, for the class filter (a college has far fewer than 200). */
export function fetchClasses(): Promise<Page<Unit>> {
  return api.get(`/api/units${queryString({ levelKey: 'class', pageSize: 200 })}`);
}

/** A student's file: the student (full or reduced) and the timeline, newest first. The API audits the read. */
export function fetchStudentFile(studentId: string): Promise<StudentFile> {
  return api.get(`/api/students/${id(studentId)}/file`);
}

/** Records an entry in a student's file (full view only: the API answers 403 otherwise). */
export function addFileEntry(studentId: string, entry: NewFileEntry): Promise<FileEntry> {
  return api.post(`/api/students/${id(studentId)}/file/entries`, entry);
}

/** One page of the cases the caller sees in full, soonest due first. */
export function fetchCases(filter: CaseListFilter): Promise<Page<Case>> {
  return api.get(`/api/cases${queryString({ ...filter })}`);
}

/** One case with its timeline. The API audits the read. */
export function fetchCase(caseId: string): Promise<CaseDetail> {
  return api.get(`/api/cases/${id(caseId)}`);
}

/** Opens a case about a student. */
export function createCase(input: NewCase): Promise<Case> {
  return api.post('/api/cases', input);
}

/** Adds an interview, note or contact to a case. */
export function addCaseEntry(caseId: string, kind: WrittenCaseEntryKind, body: string): Promise<CaseEntry> {
  return api.post(`/api/cases/${id(caseId)}/entries`, { kind, body });
}

/** Moves a case on (in progress, closed), with why in `note`. */
export function changeCaseStatus(
  caseId: string,
  status: 'in_progress' | 'closed',
  note?: string,
): Promise<Case> {
  return api.patch(`/api/cases/${id(caseId)}`, note ? { status, note } : { status });
}

/** People of the caller's branch whose name or username contains `q` (candidates to be responsible). */
export function searchPeople(q: string): Promise<Page<Person>> {
  return api.get(`/api/people${queryString({ q: q || undefined, pageSize: 20 })}`);
}

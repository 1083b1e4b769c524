import { api } from '@xinqiao/web-kit';
import type {
  AuditVerification,
  NewPerson,
  Page,
  Person,
  StudentAccess,
  StudentListItem,
  Unit,
  UnitDetail,
  UnitNode,
} from './types.ts';

/** A query string from the defined values only (`?a=1&b=x`, or '' when none is). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

/** The whole network the caller may read, as nested units. */
export function fetchNetwork(): Promise<{ roots: UnitNode[] }> {
  return api.get('/api/units/tree');
}

/** One unit with its level's names and the units above it. */
export function fetchUnit(unitId: string): Promise<UnitDetail> {
  return api.get(`/api/units/${id(unitId)}`);
}

/** Units whose name contains `q` (for pickers), or the first units of a level. */
export function searchUnits(filter: {
  q?: string;
  levelKey?: string;
  pageSize?: number;
}): Promise<Page<Unit>> {
  return api.get(
    `/api/units${queryString({ q: filter.q, levelKey: filter.levelKey, pageSize: filter.pageSize ?? 20 })}`,
  );
}

/** Adds a unit one level below its parent. */
export function createUnit(input: { parentId: string; levelKey: string; name: string }): Promise<UnitDetail> {
  return api.post('/api/units', input);
}

/** Renames a unit. */
export function renameUnit(unitId: string, name: string): Promise<UnitDetail> {
  return api.patch(`/api/units/${id(unitId)}`, { name });
}

/** One page of accounts, searched by name or username. */
export function fetchPeople(query: { q?: string; page: number; pageSize: number }): Promise<Page<Person>> {
  return api.get(`/api/people${queryString(query)}`);
}

/** Creates an account with its roles. */
export function createPerson(input: NewPerson): Promise<Person> {
  return api.post('/api/people', input);
}

/** Disables an account (ending its sessions at once) or enables it again. */
export function setPersonDisabled(personId: string, disabled: boolean): Promise<Person> {
  return api.patch(`/api/people/${id(personId)}`, { disabled });
}

/** Verifies the school's hash-chained audit log. */
export function verifyAudit(): Promise<AuditVerification> {
  return api.get('/api/audit/verify');
}

/** Students whose name or number contains `q` (the caller's reach; a school admin sees the whole school). */
export function searchStudents(q: string): Promise<Page<StudentListItem>> {
  return api.get(`/api/students${queryString({ q, pageSize: 20 })}`);
}

/** Who looked at a student, newest first. The API audits this look too. */
export function fetchStudentAccesses(
  studentId: string,
  page: number,
  pageSize: number,
): Promise<Page<StudentAccess>> {
  return api.get(`/api/audit/students/${id(studentId)}${queryString({ page, pageSize })}`);
}

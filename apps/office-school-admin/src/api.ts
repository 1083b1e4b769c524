import { api, downloadFile, type Schemas } from '@xinqiao/web-kit';

/** A node of `GET /api/units/tree`. */
export type UnitNode = Schemas['UnitTreeNode'];
export type Unit = Schemas['Unit'];
export type UnitDetail = Schemas['UnitDetail'];
export type Person = Schemas['Person'];
export type PersonPage = Schemas['PersonPage'];
export type NewPerson = Schemas['CreatePerson'];
export type AuditVerification = Schemas['AuditVerification'];
/** The chain checked against a file of exported checkpoints. */
export type AuditExportVerification = Schemas['AuditExportVerification'];
export type AuditCheckpointFile = Schemas['AuditCheckpointCheck'];
/** One access to a student, from `GET /api/audit/students/{id}`. */
export type StudentAccess = Schemas['StudentAccess'];
export type StudentAccessPage = Schemas['StudentAccessPage'];
/** A student as `GET /api/students` lists them (full or reduced view). */
export type StudentListItem = Schemas['StudentPage']['items'][number];

/** The whole network the caller may read, as nested units. */
export function fetchNetwork(): Promise<Schemas['UnitTree']> {
  return api.GET('/api/units/tree');
}

/** One unit with its level's names and the units above it. */
export function fetchUnit(unitId: string): Promise<UnitDetail> {
  return api.GET('/api/units/{id}', { params: { path: { id: unitId } } });
}

/** Units whose name contains `q` (for pickers), or the first units of a level. */
export function searchUnits(filter: {
  q?: string;
  levelKey?: string;
  pageSize?: number;
}): Promise<Schemas['UnitPage']> {
  const { q, levelKey, pageSize = 20 } = filter;
  return api.GET('/api/units', { params: { query: { q: q || undefined, levelKey, pageSize } } });
}

/** Adds a unit one level below its parent. */
export function createUnit(input: Schemas['CreateUnit']): Promise<UnitDetail> {
  return api.POST('/api/units', { body: input });
}

/** Renames a unit. */
export function renameUnit(unitId: string, name: string): Promise<UnitDetail> {
  return api.PATCH('/api/units/{id}', { params: { path: { id: unitId } }, body: { name } });
}

/** One page of accounts, searched by name or username. */
export function fetchPeople(query: { q?: string; page: number; pageSize: number }): Promise<PersonPage> {
  return api.GET('/api/people', { params: { query: { ...query, q: query.q || undefined } } });
}

/** Creates an account with its roles. */
export function createPerson(input: NewPerson): Promise<Person> {
  return api.POST('/api/people', { body: input });
}

/** Disables an account (ending its sessions at once) or enables it again. */
export function setPersonDisabled(personId: string, disabled: boolean): Promise<Person> {
  return api.PATCH('/api/people/{id}', { params: { path: { id: personId } }, body: { disabled } });
}

/** Verifies the school's hash-chained audit log. */
export function verifyAudit(): Promise<AuditVerification> {
  return api.GET('/api/audit/verify');
}

/** Students whose name or number contains `q` (the caller's reach; a school admin sees the whole school). */
export function searchStudents(q: string): Promise<Schemas['StudentPage']> {
  return api.GET('/api/students', { params: { query: { q: q || undefined, pageSize: 20 } } });
}

/** Who looked at a student, newest first. The API audits this look too. */
export function fetchStudentAccesses(
  studentId: string,
  page: number,
  pageSize: number,
): Promise<StudentAccessPage> {
  return api.GET('/api/audit/students/{studentId}', {
    params: { path: { studentId }, query: { page, pageSize } },
  });
}

/** The audit log's filters: a person, an action and a range of days in China time (each optional). */
export interface AuditLogFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** One page of `GET /api/audit/log`: rows with their action labels, and every action recorded in the school. */
export type AuditLogPage = Schemas['AuditLogPage'] & {
  actions: { action: string; label: { zh: string; en: string } }[];
};
export type AuditLogEntry = Schemas['AuditLogEntry'];

const definedOnly = (filter: AuditLogFilter): AuditLogFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as AuditLogFilter;

/** One page of the school's audit log, newest first, narrowed by `filter`. */
export function fetchAuditLog(filter: AuditLogFilter, page: number, pageSize: number): Promise<AuditLogPage> {
  return api.GET('/api/audit/log', { params: { query: { ...definedOnly(filter), page, pageSize } } });
}

/** The export URL of the audit log under the same filters as the table. */
export function auditExportUrl(filter: AuditLogFilter): string {
  const query = new URLSearchParams(definedOnly(filter) as Record<string, string>).toString();
  return `/api/audit/log/export.xlsx${query ? `?${query}` : ''}`;
}

/** Downloads the filtered audit log as XLSX through the session cookie (the download is itself audited). */
export function downloadAuditLog(filter: AuditLogFilter, filename: string): Promise<void> {
  return downloadFile(auditExportUrl(filter), filename);
}

/**
 * Downloads the school's signed audit checkpoints (JSON with the public key) to keep outside the database; the
 * server signs the chain's current head first. The download is itself audited.
 */
export function downloadAuditCheckpoints(filename: string): Promise<void> {
  return downloadFile('/api/audit/checkpoints', filename);
}

/** Checks the chain against a file of checkpoints exported earlier and kept outside the database. */
export function checkAuditExport(file: AuditCheckpointFile): Promise<AuditExportVerification> {
  return api.POST('/api/audit/checkpoints/check', { body: file });
}

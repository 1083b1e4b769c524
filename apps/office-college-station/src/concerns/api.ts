import { api, type paths, type Schemas } from '@xinqiao/web-kit';

/** A report as its reporter sees it: what they wrote and its status. */
export type FiledConcern = Schemas['FiledConcern'];
/** A report as the person who triages it sees it. */
export type ConcernReport = Schemas['ConcernReport'];
export type ConcernItem = Schemas['ConcernItem'];
export type ConcernPage = Schemas['ConcernPage'];
export type NewConcern = Schemas['NewConcern'];
export type ConcernTriage = Schemas['ConcernTriage'];
export type ConcernStatus = Schemas['ConcernStatus'];
export type ConcernUrgency = Schemas['ConcernUrgency'];
export type TriageAction = ConcernTriage['action'];
export type ConcernListQuery = NonNullable<paths['/api/concerns']['get']['parameters']['query']>;

/** Files a concern about a student; answers what the reporter sees of it from now on. */
export function fileConcern(report: NewConcern): Promise<FiledConcern> {
  return api.POST('/api/concerns', { body: report });
}

/** One page of reports: to triage (`view: 'triage'`), or the caller's own (`view: 'filed'`). */
export function fetchConcerns(query: ConcernListQuery): Promise<ConcernPage> {
  return api.GET('/api/concerns', { params: { query } });
}

/** One report, whole for whoever triages it, its status for its reporter. The API audits the read. */
export function fetchConcern(id: string): Promise<ConcernItem> {
  return api.GET('/api/concerns/{id}', { params: { path: { id } } });
}

/** Opens a case from a report, adds it to a case, or closes it with a reason. */
export function triageConcern(id: string, body: ConcernTriage): Promise<ConcernReport> {
  return api.POST('/api/concerns/{id}/triage', { params: { path: { id } }, body });
}

/** The open cases of a student, to add a report to one. */
export function fetchOpenCasesOf(studentId: string): Promise<Schemas['CasePage']> {
  return api.GET('/api/cases', { params: { query: { studentId, open: 'true', pageSize: 50 } } });
}

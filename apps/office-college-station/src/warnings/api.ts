import { api, downloadFile, type paths, type Schemas } from '@xinqiao/web-kit';

export type Warning = Schemas['Warning'];
export type WarningDetail = Schemas['WarningDetail'];
export type WarningOverview = Schemas['WarningOverview'];
export type StudentWarnings = Schemas['StudentWarnings'];
export type PlanInput = Schemas['ImprovementPlanInput'];
export type WarningQuery = NonNullable<paths['/api/warnings']['get']['parameters']['query']>;

/** The warnings the caller handles (a counsellor: their own students'). The API audits the view. */
export function fetchWarnings(query: WarningQuery = {}): Promise<Schemas['WarningList']> {
  return api.GET('/api/warnings', { params: { query } });
}

export function fetchWarning(id: string): Promise<WarningDetail> {
  return api.GET('/api/warnings/{id}', { params: { path: { id } } });
}

export function recordTalk(id: string): Promise<WarningDetail> {
  return api.POST('/api/warnings/{id}/talk', { params: { path: { id } } });
}

export function closeWarning(id: string, note: string): Promise<WarningDetail> {
  return api.POST('/api/warnings/{id}/close', { params: { path: { id } }, body: { note } });
}

export function savePlan(id: string, plan: PlanInput): Promise<WarningDetail> {
  return api.PUT('/api/warnings/{id}/plan', { params: { path: { id } }, body: plan });
}

/** Counts by module, level and college, weekly trends and the cleared-next-term KPI (station heads, the center). */
export function fetchOverview(): Promise<WarningOverview> {
  return api.GET('/api/warnings/overview');
}

/** A student's signal values, warnings and plans, for the student's page. */
export function fetchStudentWarnings(studentId: string): Promise<StudentWarnings> {
  return api.GET('/api/warnings/students/{studentId}', { params: { path: { studentId } } });
}

export function exportWarnings(query: WarningQuery = {}): Promise<void> {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
  return downloadFile(`/api/warnings/export.xlsx${search.size ? `?${search}` : ''}`, 'warnings.xlsx');
}

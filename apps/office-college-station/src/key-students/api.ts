import { api, downloadFile, type paths, type Schemas } from '@xinqiao/web-kit';

// The key-student roster (重点关注学生) and the case-work KPIs as this module calls them: every call and shape is the
// generated contract's (`pnpm generate:api`).

export type KeyStudent = Schemas['KeyStudent'];
export type KeyStudentPage = Schemas['KeyStudentPage'];
export type KeyStudentPolicy = Schemas['KeyStudentPolicy'];
export type KeyStudentSource = Schemas['KeyStudentSource'];
export type KeyStudentQuery = NonNullable<paths['/api/key-students']['get']['parameters']['query']>;
export type CaseWorkKpis = Schemas['CaseWorkKpis'];
export type KpiShare = Schemas['KpiShare'];

/** One page of the roster the caller sees, filtered and paged by the API (overdue talks first). */
export function fetchKeyStudents(query: KeyStudentQuery): Promise<KeyStudentPage> {
  return api.GET('/api/key-students', { params: { query } });
}

/** Puts a student on the roster with a reason. */
export function addKeyStudent(studentId: string, reason: string): Promise<{ id: string }> {
  return api.POST('/api/key-students', { body: { studentId, reason } });
}

/** Takes a student off the roster with a reason: at once, or waiting for the station head (`removed` says which). */
export function requestRemoval(id: string, reason: string): Promise<Schemas['KeyStudentRemovalAnswer']> {
  return api.POST('/api/key-students/{id}/removal', { params: { path: { id } }, body: { reason } });
}

/** The station head (or the center) approves a removal someone asked for. */
export function approveRemoval(id: string): Promise<{ id: string }> {
  return api.POST('/api/key-students/{id}/removal/approve', { params: { path: { id } } });
}

/** The case-work KPIs per college and for everything the caller sees. */
export function fetchCaseWorkKpis(): Promise<CaseWorkKpis> {
  return api.GET('/api/case-work/kpis');
}

/** The URL of the KPIs as an XLSX sheet. */
export const KPI_EXPORT_URL = '/api/case-work/kpis/export.xlsx';

/** Downloads the KPI sheet through the session cookie and saves it under `filename`. */
export function downloadKpiSheet(filename: string): Promise<void> {
  return downloadFile(KPI_EXPORT_URL, filename);
}

/** A share as the screens show it: "3 / 4（75%）", or "—" when nothing is due yet. */
export function formatShare(share: KpiShare): string {
  if (share.share === null) return '—';
  return `${share.done} / ${share.total}（${Math.round(share.share * 1000) / 10}%）`;
}

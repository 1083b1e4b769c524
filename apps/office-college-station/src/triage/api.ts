import { api, type Schemas } from '@xinqiao/web-kit';

export type EntryTemplates = Schemas['CaseEntryTemplates'];
export type ScreeningHistory = Schemas['ScreeningHistory'];

/** The school plugin's templates for this case's entries (interview, note, contact). */
export function fetchEntryTemplates(caseId: string): Promise<EntryTemplates> {
  return api.GET('/api/cases/{id}/entry-templates', { params: { path: { id: caseId } } });
}

/** A student's screening history: every wave, tier, reasons with the plugin version, trend. The API audits it. */
export function fetchScreeningHistory(studentId: string): Promise<ScreeningHistory> {
  return api.GET('/api/screening/students/{id}/history', { params: { path: { id: studentId } } });
}

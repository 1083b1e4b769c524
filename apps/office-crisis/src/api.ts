import { api, downloadFile, type Schemas } from '@xinqiao/web-kit';

export type CrisisBoard = Schemas['CrisisBoard'];
export type CrisisBoardItem = Schemas['CrisisBoardItem'];
export type CrisisLevel = Schemas['CrisisLevel'];
export type CrisisActor = Schemas['CrisisActor'];
export type Hospital = Schemas['Hospital'];
export type HospitalInput = Schemas['HospitalInput'];
export type NewCrisis = Schemas['NewCrisis'];
export type NewFamilyContact = Schemas['NewCrisisFamilyContact'];
export type NewReferral = Schemas['NewCrisisReferral'];
export type NewAffected = Schemas['NewCrisisAffected'];
export type ReviewRecord = Schemas['CrisisReviewRecord'];
/** A student as `GET /api/students` lists them, for the pickers. */
export type StudentListItem = Schemas['StudentPage']['items'][number];

/** The board of the caller's scope: open crises (or all), counts per month and college, the school's levels. */
export function fetchBoard(status: 'open' | 'closed' | 'all' = 'open'): Promise<CrisisBoard> {
  return api.GET('/api/crises', { params: { query: { status } } });
}

/** The board as an XLSX workbook, downloaded. */
export function downloadBoard(filename: string): Promise<void> {
  return downloadFile('/api/crises/export.xlsx', filename);
}

/** One crisis with its checklist, records and timeline (the read is audited). */
export function fetchCrisis(id: string) {
  return api.GET('/api/crises/{id}', { params: { path: { id } } });
}

/** Opens a crisis; the people the protocol names are told at once. */
export function openCrisis(input: NewCrisis) {
  return api.POST('/api/crises', { body: input });
}

const inCrisis = (id: string) => ({ params: { path: { id } } });
const onStep = (id: string, code: string) => ({ params: { path: { id, code } } });

export function markStepDone(id: string, code: string, note: string) {
  return api.POST('/api/crises/{id}/steps/{code}/done', { ...onStep(id, code), body: { note } });
}

export function waiveStep(id: string, code: string, reason: string) {
  return api.POST('/api/crises/{id}/steps/{code}/waive', { ...onStep(id, code), body: { reason } });
}

export function recordFamilyContact(id: string, input: NewFamilyContact) {
  return api.POST('/api/crises/{id}/family-contacts', { ...inCrisis(id), body: input });
}

export function recordReferral(id: string, input: NewReferral) {
  return api.POST('/api/crises/{id}/referrals', { ...inCrisis(id), body: input });
}

export function recordReturnAssessment(
  id: string,
  referralId: string,
  input: Schemas['CrisisReferralAssessment'],
) {
  return api.POST('/api/crises/{id}/referrals/{referralId}/assessment', {
    params: { path: { id, referralId } },
    body: input,
  });
}

export function addAffected(id: string, input: NewAffected) {
  return api.POST('/api/crises/{id}/affected', { ...inCrisis(id), body: input });
}

export function closeCrisis(id: string, summary: string) {
  return api.POST('/api/crises/{id}/close', { ...inCrisis(id), body: { summary } });
}

export function reopenCrisis(id: string, reason: string) {
  return api.POST('/api/crises/{id}/reopen', { ...inCrisis(id), body: { reason } });
}

export function recordReview(id: string, input: ReviewRecord) {
  return api.POST('/api/crises/{id}/review', { ...inCrisis(id), body: input });
}

/** The school's contracted hospitals (绿色通道). */
export function fetchHospitals(): Promise<Schemas['HospitalList']> {
  return api.GET('/api/settings/hospitals');
}

export function addHospital(input: HospitalInput): Promise<Hospital> {
  return api.POST('/api/settings/hospitals', { body: input });
}

export function removeHospital(id: string): Promise<unknown> {
  return api.DELETE('/api/settings/hospitals/{id}', { params: { path: { id } } });
}

/** Students the caller sees whose name or number matches, for the pickers. */
export function searchStudents(q: string): Promise<Schemas['StudentPage']> {
  return api.GET('/api/students', { params: { query: { q: q || undefined, pageSize: 20 } } });
}

/** One crisis as the API answers it (the answer of the typed client, which every write returns too). */
export type Crisis = Awaited<ReturnType<typeof fetchCrisis>>;
export type CrisisStep = Crisis['steps'][number];

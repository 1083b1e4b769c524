import { api, type Schemas } from '@xinqiao/web-kit';

export type MyStudent = Schemas['MyStudent'];
export type HelpLine = Schemas['HelpLine'];
export type MyScreenings = Schemas['MyScreenings'];
export type MyScreening = Schemas['MyScreening'];
export type ResponseOutcome = Schemas['ScreeningResponseOutcome'];
export type Slot = Schemas['CounsellingSlot'];
export type SlotList = Schemas['CounsellingSlotList'];
export type MyAppointments = Schemas['MyAppointments'];
export type MyAppointment = Schemas['MyAppointment'];
export type Rating = Schemas['SessionRating'];

/** Who the student is, whether the issued password must be changed, the help line. */
export function fetchMe(): Promise<MyStudent> {
  return api.GET('/api/me/student');
}

export function changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
  return api.POST('/api/me/password', { body: { currentPassword, newPassword } });
}

/** The waves open for the student, with consent and progress, and the consent text. */
export function fetchScreenings(): Promise<MyScreenings> {
  return api.GET('/api/me/screenings');
}

export function decideConsent(waveId: string, decision: 'consented' | 'declined', version: string) {
  return api.POST('/api/me/screenings/{waveId}/consent', {
    params: { path: { waveId } },
    body: { decision, version },
  });
}

export function fetchConsent(waveId: string) {
  return api.GET('/api/me/screenings/{waveId}/consent', { params: { path: { waveId } } });
}

/** Saves progress (`submit: false`) or submits the answers once. */
export function saveAnswers(
  waveId: string,
  answers: (number | null)[],
  submit: boolean,
): Promise<ResponseOutcome> {
  return api.POST('/api/me/screenings/{waveId}/responses', {
    params: { path: { waveId } },
    body: { answers, submit },
  });
}

export function fetchSlots(): Promise<SlotList> {
  return api.GET('/api/appointments/slots');
}

export function fetchMyAppointments(): Promise<MyAppointments> {
  return api.GET('/api/appointments/mine');
}

export function book(slotId: string) {
  return api.POST('/api/appointments', { body: { slotId } });
}

export function cancelAppointment(id: string) {
  return api.POST('/api/appointments/{id}/cancel', { params: { path: { id } } });
}

export function setWaitlisted(waiting: boolean) {
  return api.PUT('/api/appointments/waitlist', { body: { waiting } });
}

export function rate(rating: Rating) {
  return api.POST('/api/appointments/feedback', { body: rating });
}

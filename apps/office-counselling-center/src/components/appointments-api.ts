import { api, type Schemas } from '@xinqiao/web-kit';

export type DayList = Schemas['AppointmentDay'];
export type DayAppointment = Schemas['DayAppointment'];
export type Satisfaction = Schemas['CounsellingSatisfaction'];

/** The day's appointments (China day) and the waitlist. */
export function fetchDay(date: string): Promise<DayList> {
  return api.GET('/api/appointments/day', { params: { query: { date } } });
}

/** Records a session: attended (with a note only the center reads) or a no-show; answers the feedback code. */
export function recordSession(id: string, outcome: 'attended' | 'no_show', note?: string) {
  return api.POST('/api/appointments/{id}/record', {
    params: { path: { id } },
    body: note ? { outcome, note } : { outcome },
  });
}

export function publishSlot(body: { startsAt: string; endsAt: string; location: string; priority: boolean }) {
  return api.POST('/api/appointments/slots', { body });
}

export function fetchSatisfaction(): Promise<Satisfaction> {
  return api.GET('/api/appointments/satisfaction');
}

import { api, problemFromResponse } from '@xinqiao/web-kit';
import type {
  AllianceEvent,
  AllianceOverview,
  EventSheet,
  MemberLedger,
  PendingRecord,
  TermStandings,
} from './types.ts';

const BASE = '/api/alliance';
const id = (value: string) => encodeURIComponent(value);

/** The school's alliance: plugin, base score, departments, terms, what the caller may do. */
export function fetchOverview(): Promise<AllianceOverview> {
  return api.get(BASE);
}

/** Meetings, duty shifts, activities and tasks of a term. */
export async function fetchEvents(termId: string): Promise<AllianceEvent[]> {
  return (await api.get<{ events: AllianceEvent[] }>(`${BASE}/terms/${id(termId)}/events`)).events;
}

export interface NewEvent {
  kind: 'routine_meeting' | 'plenary_meeting' | 'duty_shift' | 'activity';
  title: string;
  departmentId?: string;
  stars: number;
  startsAt: string;
}

/** Schedules a meeting, duty shift or activity. */
export function createEvent(termId: string, event: NewEvent): Promise<AllianceEvent> {
  return api.post(`${BASE}/terms/${id(termId)}/events`, event);
}

/** The check-in sheet of an event: expected members, their records, the plugin's verdicts, current scores. */
export function fetchSheet(eventId: string): Promise<EventSheet> {
  return api.get(`${BASE}/events/${id(eventId)}/sheet`);
}

/** Checks a member in now (or at `arrivedAt`); the API prices it with the school's plugin. */
export function checkIn(eventId: string, memberId: string, arrivedAt?: string): Promise<unknown> {
  return api.post(`${BASE}/events/${id(eventId)}/check-ins`, {
    memberId,
    ...(arrivedAt ? { arrivedAt } : {}),
  });
}

/** Records a leave request for the event. */
export function requestLeave(eventId: string, memberId: string, reason: string): Promise<unknown> {
  return api.post(`${BASE}/events/${id(eventId)}/leave-requests`, { memberId, reason });
}

/** Records a member absent without leave. */
export function markAbsent(eventId: string, memberId: string): Promise<unknown> {
  return api.post(`${BASE}/events/${id(eventId)}/absences`, { memberId });
}

/** Records that a checked-in member left early (now). */
export function markEarlyLeave(eventId: string, memberId: string): Promise<unknown> {
  return api.post(`${BASE}/events/${id(eventId)}/early-leaves`, { memberId });
}

/** Closes the event: meetings record the members who did not come as absent. */
export function closeEvent(eventId: string): Promise<unknown> {
  return api.post(`${BASE}/events/${id(eventId)}/close`, {});
}

/** Corrects a record (void it, or a new arrival time) with a reason: the ledger gets reversing entries. */
export function correctRecord(
  recordId: string,
  correction: { reason: string; void?: boolean; arrivedAt?: string },
): Promise<unknown> {
  return api.post(`${BASE}/records/${id(recordId)}/corrections`, correction);
}

/** A reward, mistake or finding an officer records against a member (the plugin prices it, or refuses). */
export type MemberRecordInput =
  | { recordKind: 'reward'; rewardKind: string; requestedPoints: number; note?: string }
  | { recordKind: 'mistake'; mistakeKind: string; requestedPoints: number; note?: string }
  | { recordKind: 'finding'; finding: string; note?: string };

/** Records a reward, mistake or finding against a member. */
export function recordForMember(memberId: string, input: MemberRecordInput): Promise<unknown> {
  return api.post(`${BASE}/records`, { ...input, memberId });
}

/** A member's ledger, every line with its reason. */
export function fetchLedger(memberId: string): Promise<MemberLedger> {
  return api.get(`${BASE}/members/${id(memberId)}/ledger`);
}

/** The term sheet: scores, ranks, sanctions, eligibility, departments. */
export function fetchStandings(termId: string): Promise<TermStandings> {
  return api.get(`${BASE}/terms/${id(termId)}/standings`);
}

/** Records waiting for approval in a term. */
export async function fetchPending(termId: string): Promise<PendingRecord[]> {
  return (await api.get<{ records: PendingRecord[] }>(`${BASE}/terms/${id(termId)}/records?approval=pending`))
    .records;
}

/** Approves or rejects a pending reward. */
export function decide(recordId: string, approve: boolean): Promise<unknown> {
  return api.post(`${BASE}/records/${id(recordId)}/approval`, { approve });
}

/** The URL of the term's XLSX sheet. */
export function exportUrl(termId: string): string {
  return `${BASE}/terms/${id(termId)}/export.xlsx`;
}

/** Downloads the term's XLSX sheet through the session cookie and saves it under `filename`. */
export async function downloadTermSheet(termId: string, filename: string): Promise<void> {
  const res = await fetch(exportUrl(termId), { credentials: 'same-origin' });
  if (!res.ok) throw await problemFromResponse(res);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

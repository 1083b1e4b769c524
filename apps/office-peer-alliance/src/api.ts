import { ApiProblem, api, downloadFile, type Schemas } from '@xinqiao/web-kit';

// The alliance API as this module calls it: every call and shape is the generated contract's (`pnpm generate:api`).

export type AllianceOverview = Schemas['AllianceOverview'];
export type AllianceRule = Schemas['AllianceRule'];
export type AllianceEvent = Schemas['AllianceEvent'];
export type EventPhase = AllianceEvent['phase'];
export type EventKind = AllianceEvent['kind'];
export type EventSheet = Schemas['AllianceEventSheet'];
export type SheetRow = Schemas['AllianceSheetRow'];
export type SheetRecord = Schemas['AllianceSheetRecord'];
export type SheetLine = Schemas['AllianceSheetLine'];
export type Member = Schemas['AllianceMember'];
export type MemberLedger = Schemas['AllianceMemberLedger'];
export type LedgerLine = Schemas['AllianceLedgerLine'];
export type TermStandings = Schemas['AllianceTermStandings'];
export type MemberStanding = Schemas['AllianceMemberStanding'];
export type DepartmentStanding = Schemas['AllianceDepartmentStanding'];
export type SanctionLevel = Schemas['AllianceSanction']['level'];
export type AllianceRecord = Schemas['AllianceRecord'];
/** How a record is stored (`attendance`, `reward`, `finding:failedCourseThisTerm`...). */
export type RecordKind = AllianceRecord['kind'];
export type RecordFacts = Schemas['AllianceRecordFacts'];
export type MemberRole = Member['memberRole'];
/** A meeting, duty shift or activity an officer schedules. */
export type NewEvent = Schemas['AllianceNewEvent'];
export type AttendedKind = NewEvent['kind'];
type NewRecord = Schemas['AllianceNewRecord'];
/** A reward, mistake or finding an officer records against a member (the plugin prices it, or refuses). */
export type MemberRecordInput = WithoutTarget<
  Extract<NewRecord, { recordKind: 'reward' | 'mistake' | 'finding' }>
>;
/** A record body without whom or where it is recorded (kept per kind of the union). */
type WithoutTarget<T> = T extends unknown ? Omit<T, 'memberId' | 'departmentId' | 'eventId'> : never;
export type RewardKind = Extract<NewRecord, { recordKind: 'reward' }>['rewardKind'];
export type MistakeKind = Extract<NewRecord, { recordKind: 'mistake' }>['mistakeKind'];
export type MemberFinding = Extract<NewRecord, { recordKind: 'finding' }>['finding'];

const event = (eventId: string) => ({ params: { path: { eventId } } });

/** The problem the API answers when the school's plugin has no alliance rules (no points scale, no sanctions). */
const NO_POINTS_SCALE = 'alliance.no-points-scale' satisfies Schemas['Problem']['code'];

/** Whether a problem says the school's plugin has no alliance rules: the school must add them, nothing broke. */
export function isNoPointsScale(problem: unknown): boolean {
  return problem instanceof ApiProblem && problem.code === NO_POINTS_SCALE;
}

/** The school's alliance: plugin, base score, departments, terms, rules, what the caller may do. */
export function fetchOverview(): Promise<AllianceOverview> {
  return api.GET('/api/alliance');
}

/** Meetings, duty shifts, activities and tasks of a term, each with its phase now. */
export async function fetchEvents(termId: string): Promise<AllianceEvent[]> {
  return (await api.GET('/api/alliance/terms/{termId}/events', { params: { path: { termId } } })).events;
}

/** Schedules a meeting, duty shift or activity. */
export function createEvent(termId: string, body: NewEvent): Promise<AllianceEvent> {
  return api.POST('/api/alliance/terms/{termId}/events', { params: { path: { termId } }, body });
}

/** The check-in sheet of an event: expected members, their records, the plugin's verdicts, current scores. */
export function fetchSheet(eventId: string): Promise<EventSheet> {
  return api.GET('/api/alliance/events/{eventId}/sheet', event(eventId));
}

/** Checks a member in now (or at `arrivedAt`); the API prices it with the school's plugin. */
export function checkIn(eventId: string, memberId: string, arrivedAt?: string): Promise<unknown> {
  return api.POST('/api/alliance/events/{eventId}/check-ins', {
    ...event(eventId),
    body: { memberId, ...(arrivedAt ? { arrivedAt } : {}) },
  });
}

/** Records a leave request for the event. */
export function requestLeave(eventId: string, memberId: string, reason: string): Promise<unknown> {
  return api.POST('/api/alliance/events/{eventId}/leave-requests', {
    ...event(eventId),
    body: { memberId, reason },
  });
}

/** Records a member absent without leave. */
export function markAbsent(eventId: string, memberId: string): Promise<unknown> {
  return api.POST('/api/alliance/events/{eventId}/absences', { ...event(eventId), body: { memberId } });
}

/** Records that a checked-in member left early (now). */
export function markEarlyLeave(eventId: string, memberId: string): Promise<unknown> {
  return api.POST('/api/alliance/events/{eventId}/early-leaves', { ...event(eventId), body: { memberId } });
}

/** Closes the event: meetings record the members who did not come as absent. */
export function closeEvent(eventId: string): Promise<unknown> {
  return api.POST('/api/alliance/events/{eventId}/close', event(eventId));
}

/** Corrects a record (void it, or a new arrival time) with a reason: the ledger gets reversing entries. */
export function correctRecord(recordId: string, correction: Schemas['AllianceCorrection']): Promise<unknown> {
  return api.POST('/api/alliance/records/{recordId}/corrections', {
    params: { path: { recordId } },
    body: correction,
  });
}

/** Records a reward, mistake or finding against a member. */
export function recordForMember(memberId: string, input: MemberRecordInput): Promise<unknown> {
  return api.POST('/api/alliance/records', { body: { ...input, memberId } as NewRecord });
}

/** A member's ledger, every line with its reason. */
export function fetchLedger(memberId: string): Promise<MemberLedger> {
  return api.GET('/api/alliance/members/{memberId}/ledger', { params: { path: { memberId } } });
}

/** The term sheet: scores, ranks, sanctions, eligibility, departments best first. */
export function fetchStandings(termId: string): Promise<TermStandings> {
  return api.GET('/api/alliance/terms/{termId}/standings', { params: { path: { termId } } });
}

/** Records waiting for approval in a term. */
export async function fetchPending(termId: string): Promise<AllianceRecord[]> {
  const answer = await api.GET('/api/alliance/terms/{termId}/records', {
    params: { path: { termId }, query: { approval: 'pending' } },
  });
  return answer.records;
}

/** Approves or rejects a pending reward. */
export function decide(recordId: string, approve: boolean): Promise<unknown> {
  return api.POST('/api/alliance/records/{recordId}/approval', {
    params: { path: { recordId } },
    body: { approve },
  });
}

/** The URL of the term's XLSX sheet. */
export function exportUrl(termId: string): string {
  return `/api/alliance/terms/${encodeURIComponent(termId)}/export.xlsx`;
}

/** Downloads the term's XLSX sheet through the session cookie and saves it under `filename`. */
export function downloadTermSheet(termId: string, filename: string): Promise<void> {
  return downloadFile(exportUrl(termId), filename);
}

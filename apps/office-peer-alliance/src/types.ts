/** Shapes of the alliance API's answers (GET/POST /api/alliance/...), as this module reads them. */

export type MemberRole = 'cadre' | 'staff';
export type SanctionLevel = 'warning' | 'demerit' | 'dismissal';
export type Attendance = 'present' | 'late' | 'absent' | 'early-leave' | 'on-leave';

export interface BaseScore {
  points: number;
  ruleName: string | null;
  pluginId: string;
  pluginVersion: string;
  zh: string;
  en: string;
}

export interface Department {
  id: string;
  name: string;
  kind: string;
  collegeUnitId: string | null;
}

export interface Term {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
}

export interface AllianceOverview {
  plugin: { id: string; version: string };
  base: BaseScore;
  departments: Department[];
  terms: Term[];
  currentTermId: string | null;
  access: { canWrite: boolean; scoringTerms: string[] };
  ranges: { ruleName: string; min: number; max: number }[];
}

export interface Member {
  id: string;
  termId: string;
  name: string;
  memberRole: MemberRole;
  departmentId: string;
  departmentName: string;
  studentNumber: string | null;
  isOfficer: boolean;
  active: boolean;
}

export interface AllianceEvent {
  id: string;
  termId: string;
  departmentId: string | null;
  kind: string;
  title: string;
  stars: number;
  startsAt: string;
  endsAt: string | null;
  status: 'scheduled' | 'open' | 'closed';
  isTask: boolean;
}

/** One ledger line a record booked, as the sheet shows it. */
export interface SheetLine {
  entryId: number;
  points: number;
  ruleName: string;
  reason: string;
  reasonEn: string;
  counts: string[];
}

export interface SheetRecord {
  id: string;
  kind: string;
  facts: Record<string, unknown>;
  context: Record<string, unknown>;
  approval: string;
  recordedAt: string;
  lines: SheetLine[];
}

export interface SheetRow {
  member: Member;
  score: number;
  records: SheetRecord[];
}

export interface EventSheet {
  event: AllianceEvent;
  base: BaseScore;
  rows: SheetRow[];
}

export interface LedgerEntry {
  id: number;
  memberId: string;
  recordId: string | null;
  delta: number;
  ruleName: string;
  pluginId: string;
  pluginVersion: string;
  reason: string;
  reasonEn: string;
  reversesEntryId: number | null;
  reversedByEntryId: number | null;
  createdAt: string;
  createdByName: string | null;
  balance: number;
  record: {
    id: string;
    kind: string;
    facts: Record<string, unknown>;
    context: Record<string, unknown>;
    event: { id: string; title: string; kind: string; startsAt: string } | null;
  } | null;
}

export interface MemberLedger {
  member: Member;
  base: BaseScore;
  score: number;
  entries: LedgerEntry[];
  pendingRecords: { id: string; kind: string; facts: Record<string, unknown> }[];
}

export interface BackedReason {
  ruleName: string;
  zh: string;
  en: string;
  recordIds: string[];
}

export interface MemberStanding {
  member: Pick<
    Member,
    'id' | 'name' | 'memberRole' | 'departmentId' | 'departmentName' | 'isOfficer' | 'studentNumber'
  >;
  base: number;
  points: number;
  score: number;
  rankInAlliance: number;
  rankInDepartment: number;
  term: {
    facts: Record<string, unknown>;
    sanction: SanctionLevel | null;
    sanctions: (BackedReason & { level: SanctionLevel; from: 'term' | 'record' })[];
    eligibleForEvaluation: boolean;
    ineligibility: BackedReason[];
    lateConversion: {
      ruleName: string;
      latesPerAbsence: number;
      convertedAbsences: number;
      effectiveAbsenceCount: number;
    } | null;
  };
}

export interface DepartmentStanding {
  department: { id: string; name: string; kind: string };
  members: number;
  averageScore: number | null;
  rank: number | null;
  warnings: (BackedReason & { eventIds: string[] })[];
}

export interface TermStandings {
  term: Term;
  plugin: { id: string; version: string };
  base: BaseScore;
  members: MemberStanding[];
  departments: DepartmentStanding[];
}

export interface PendingRecord {
  id: string;
  memberId: string;
  kind: string;
  facts: Record<string, unknown>;
  context: Record<string, unknown>;
  approval: string;
  recordedAt: string;
}

/** The shapes of /api/screening (see the API's OpenAPI document). */
export interface Wave {
  id: string;
  academicYear: number;
  name: string;
  instrument: string;
  cohort: string;
  opensOn: string;
  closesOn: string;
  status: 'planned' | 'open' | 'closed';
  results: number;
  tiers: { 1: number; 2: number; 3: number };
}

export interface WaveDetail {
  wave: Wave;
  completion: { collegeName: string; className: string; students: number; screened: number }[];
}

export interface ProposedWave {
  key: string;
  name: string;
  nameEn: string;
  instrument: string;
  cohort: string;
  opensOn: string;
  closesOn: string;
  createdWaveId: string | null;
}

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportView {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsUnchanged: number;
  rowsRejected: number;
  followUpsOpened: number;
  errors: RowError[];
}

export interface TierCounts {
  collegeName: string;
  screened: number;
  tier1: number;
  tier2: number;
  tier3: number;
  interviewedInTime: number;
  overdue: number;
  interviewedInTimeShare: number;
}

export interface Reason {
  zh: string;
  en: string;
}

export interface FollowUpState {
  dueDate: string | null;
  responsible: { displayName: string } | null;
  interviewedOn: string | null;
  overdue: boolean;
}

export interface StudentRef {
  id: string;
  studentNumber: string;
  name: string;
  collegeName: string;
  className: string;
}

export interface ResultPage {
  total: number;
  rows: {
    resultId: string;
    student: StudentRef;
    tier: number;
    reasons: Reason[];
    followUp: FollowUpState | null;
  }[];
}

/** Which follow-ups to list: not yet interviewed, overdue, interviewed, or all. */
export type FollowUpFilterState = 'open' | 'overdue' | 'interviewed' | 'all';

export interface FollowUp extends FollowUpState {
  student: StudentRef;
  wave: { name: string; instrument: string };
  tier: number;
  reasons: Reason[];
}

export interface StudentHistory {
  student: { studentNumber: string; name: string };
  entries: {
    wave: { name: string; instrument: string; opensOn: string };
    tier: number;
    reasons: Reason[];
    trend: 'worse' | 'better' | 'same' | null;
  }[];
}

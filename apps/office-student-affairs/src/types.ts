import type { FundingResult, StaffingResult, TrainingResult } from '@xinqiao/policy/browser';

/** Employment of a center staff member, as the API stores it. */
export type Employment = 'full_time' | 'part_time';

/** The plugin's name for the same thing (the training-hours area's `staffType` fact). */
export type StaffType = 'full-time' | 'part-time';

export interface StaffMember {
  id: string;
  name: string;
  employment: Employment;
  trainingHours: number;
}

/** One area's facts and the plugin's decision on them, as `GET /api/student-affairs/overview` returns it. */
export interface AreaFigure<Facts, Result> {
  facts: Facts;
  result: Result & { firedRules: string[] };
}

/** `GET /api/student-affairs/overview`: one academic year computed by the school's plugin. */
export interface StudentAffairsOverview {
  academicYear: number;
  academicYears: number[];
  plugin: { id: string; version: string };
  enrolment: number | null;
  staff: StaffMember[];
  staffing:
    | (AreaFigure<{ enrolment: number; fullTimeStaff?: number }, StaffingResult> & { partTimeStaff: number })
    | null;
  funding: AreaFigure<{ enrolment: number }, FundingResult> | null;
  training: {
    requirements: Record<StaffType, number | null>;
    members: (AreaFigure<{ staffType: StaffType; hours?: number }, TrainingResult> & { staffId: string })[];
  } | null;
  issues: { area: string; message: string }[];
}

export const STAFF_TYPE: Record<Employment, StaffType> = { full_time: 'full-time', part_time: 'part-time' };

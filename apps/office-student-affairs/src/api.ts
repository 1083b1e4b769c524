import { api } from '@xinqiao/web-kit';
import type { Employment, StudentAffairsOverview } from './types.ts';

const BASE = '/api/student-affairs';

/** The figures of one academic year (the latest with data when no year is given). */
export function fetchOverview(academicYear?: number): Promise<StudentAffairsOverview> {
  return api.get(`${BASE}/overview${academicYear ? `?academicYear=${academicYear}` : ''}`);
}

/** Sets a year's enrolment; answers the recomputed year. The API audits the change. */
export function saveEnrolment(academicYear: number, enrolment: number): Promise<StudentAffairsOverview> {
  return api.put(`${BASE}/enrolment`, { academicYear, enrolment });
}

export interface NewStaffMember {
  name: string;
  employment: Employment;
  trainingHours: number;
}

/** Adds a center staff member to a year; answers the recomputed year. */
export function addStaff(academicYear: number, member: NewStaffMember): Promise<StudentAffairsOverview> {
  return api.post(`${BASE}/staff`, { academicYear, ...member });
}

/** Changes a staff member; answers the recomputed year. */
export function changeStaff(id: string, changes: Partial<NewStaffMember>): Promise<StudentAffairsOverview> {
  return api.patch(`${BASE}/staff/${encodeURIComponent(id)}`, changes);
}

/** Removes a staff member; answers the recomputed year. */
export function removeStaff(id: string): Promise<StudentAffairsOverview> {
  return api.delete(`${BASE}/staff/${encodeURIComponent(id)}`);
}

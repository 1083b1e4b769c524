import { api, type Schemas } from '@xinqiao/web-kit';

/** `GET /api/student-affairs/overview`: one academic year computed by the school's plugin. */
export type StudentAffairsOverview = Schemas['StudentAffairsOverview'];

/** A member of the center staff in one academic year. */
export type StaffMember = Schemas['StudentAffairsStaffMember'];

/** Employment of a center staff member, as the API stores it. */
export type Employment = StaffMember['employment'];

/** The plugin's name for employment (the training-hours area's `staffType` fact). */
export type StaffType = Schemas['TrainingFigure']['facts']['staffType'];

/** What the add-staff form sends besides the year. */
export type NewStaffMember = Omit<Schemas['NewStaffMember'], 'academicYear'>;

/** The figures of one academic year (the latest with data when no year is given). */
export function fetchOverview(academicYear?: number): Promise<StudentAffairsOverview> {
  return api.GET('/api/student-affairs/overview', { params: { query: { academicYear } } });
}

/** Sets a year's enrolment; answers the recomputed year. The API audits the change. */
export function saveEnrolment(academicYear: number, enrolment: number): Promise<StudentAffairsOverview> {
  return api.PUT('/api/student-affairs/enrolment', { body: { academicYear, enrolment } });
}

/** Adds a center staff member to a year; answers the recomputed year. */
export function addStaff(academicYear: number, member: NewStaffMember): Promise<StudentAffairsOverview> {
  return api.POST('/api/student-affairs/staff', { body: { academicYear, ...member } });
}

/** Changes a staff member; answers the recomputed year. */
export function changeStaff(
  id: string,
  changes: Schemas['StaffMemberChange'],
): Promise<StudentAffairsOverview> {
  return api.PATCH('/api/student-affairs/staff/{id}', { params: { path: { id } }, body: changes });
}

/** Removes a staff member; answers the recomputed year. */
export function removeStaff(id: string): Promise<StudentAffairsOverview> {
  return api.DELETE('/api/student-affairs/staff/{id}', { params: { path: { id } } });
}

/** The school's active plugin as the browser runs it (`manifest` and `rules` are the plugin's own JSON). */
export function fetchActivePlugin(): Promise<Schemas['ActivePlugin']> {
  return api.GET('/api/plugins/active');
}

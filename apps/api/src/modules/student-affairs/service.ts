import { academicYearOf } from '@xinqiao/calendar';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import type { ActivePlugin } from '../plugins/catalog.ts';
import { compiledPluginOf, computeOverview, type StudentAffairsOverview } from './overview.ts';
import * as q from './queries.ts';

/** What an overview is computed with besides the caller: the school's active plugin, and the time now. */
export interface OverviewInputs {
  plugin: ActivePlugin | undefined;
  now: Date;
}

const noSuchStaff = () => problem('student-affairs.staff-not-found');

/**
 * The overview of a year for the caller's school, computed with its active plugin: the requested year, else the
 * latest with figures, else the current academic year (China time). The years offered always include the current one.
 */
async function overviewOf(
  caller: Caller,
  inputs: OverviewInputs,
  requestedYear?: number,
): Promise<StudentAffairsOverview> {
  const { tx, me } = caller;
  if (!inputs.plugin) {
    throw problem('plugins.no-active-plugin', { school: me.school.code });
  }
  const years = await q.yearsWithFigures(tx, me.school.id);
  const current = academicYearOf(inputs.now).start;
  const year = requestedYear ?? years[0] ?? current;
  const academicYears = [...new Set([current, ...years])].sort((a, b) => b - a);
  const [enrolment, staff] = await Promise.all([
    q.enrolmentOf(tx, me.school.id, year),
    q.staffOf(tx, me.school.id, year),
  ]);
  return computeOverview(compiledPluginOf(inputs.plugin), {
    academicYear: year,
    academicYears,
    enrolment,
    staff,
  });
}

function audit(caller: Caller, action: string, entity: string, entityId: string) {
  return recordAccess(caller.tx, caller.me, { action, entity, entityId, purpose: caller.purpose });
}

/**
 * Staffing, funding and training compliance of one academic year (student affairs, school admins, the center
 * director).
 *
 * @example
 * const overview = await readOverview(caller, { plugin, now: new Date() }, 2025);
 */
export function readOverview(
  caller: Caller,
  inputs: OverviewInputs,
  academicYear?: number,
): Promise<StudentAffairsOverview> {
  requirePermission(caller, 'student-affairs.read');
  return overviewOf(caller, inputs, academicYear);
}

/** Sets the enrolment of a year (audited); answers the year recomputed. */
export async function setEnrolment(
  caller: Caller,
  inputs: OverviewInputs,
  input: { academicYear: number; enrolment: number },
): Promise<StudentAffairsOverview> {
  requirePermission(caller, 'student-affairs.edit');
  await q.upsertEnrolment(caller.tx, caller.me.school.id, input.academicYear, input.enrolment);
  await audit(caller, 'school_year_figures.update', 'school_year_figures', String(input.academicYear));
  return overviewOf(caller, inputs, input.academicYear);
}

/** Adds a member of the center staff to a year (audited); answers the year recomputed. */
export async function addStaffMember(
  caller: Caller,
  inputs: OverviewInputs,
  input: { academicYear: number } & Omit<q.StaffRow, 'id'>,
): Promise<StudentAffairsOverview> {
  requirePermission(caller, 'student-affairs.edit');
  const { academicYear, ...member } = input;
  const row = await q.insertStaff(caller.tx, caller.me.school.id, academicYear, member);
  await audit(caller, 'center_staff.create', 'center_staff_member', row.id);
  return overviewOf(caller, inputs, academicYear);
}

/** Changes a staff member's name, employment or training hours (audited); 404 when there is no such member. */
export async function changeStaffMember(
  caller: Caller,
  inputs: OverviewInputs,
  id: string,
  change: Partial<Omit<q.StaffRow, 'id'>>,
): Promise<StudentAffairsOverview> {
  requirePermission(caller, 'student-affairs.edit');
  const row = await q.updateStaff(caller.tx, id, change);
  if (!row) throw noSuchStaff();
  await audit(caller, 'center_staff.update', 'center_staff_member', id);
  return overviewOf(caller, inputs, row.academicYear);
}

/** Removes a staff member (audited); 404 when there is no such member. */
export async function removeStaffMember(
  caller: Caller,
  inputs: OverviewInputs,
  id: string,
): Promise<StudentAffairsOverview> {
  requirePermission(caller, 'student-affairs.edit');
  const year = await q.deleteStaff(caller.tx, id);
  if (year === undefined) throw noSuchStaff();
  await audit(caller, 'center_staff.delete', 'center_staff_member', id);
  return overviewOf(caller, inputs, year);
}

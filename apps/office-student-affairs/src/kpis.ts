import type { StaffType, StudentAffairsOverview } from './api.ts';

/** The state of one KPI: met, not met, or nothing to judge yet (no enrolment, no staff of that kind). */
export type KpiStatus = 'met' | 'short' | 'unknown';

/** One KPI row: the target the school's plugin sets and where the school stands. */
export type KpiRow =
  | {
      key: 'staffingRatio';
      studentsPerStaff: number;
      studentsPerFullTimeStaff: number | null;
      status: KpiStatus;
    }
  | { key: 'fundingPerStudent'; perStudentYuan: number; yearlyYuan: number; status: KpiStatus }
  | {
      key: 'trainingFullTime' | 'trainingPartTime';
      requiredHours: number;
      met: number;
      total: number;
      status: KpiStatus;
    };

function trainingRow(o: StudentAffairsOverview, staffType: StaffType): KpiRow | null {
  const requiredHours = o.training?.requirements[staffType];
  if (requiredHours === null || requiredHours === undefined) return null;
  const members = (o.training?.members ?? []).filter((m) => m.facts.staffType === staffType);
  const met = members.filter((m) => m.result.compliant === true).length;
  const status: KpiStatus = members.length === 0 ? 'unknown' : met === members.length ? 'met' : 'short';
  const key = staffType === 'full-time' ? 'trainingFullTime' : 'trainingPartTime';
  return { key, requiredHours, met, total: members.length, status };
}

/**
 * The KPI targets of the year, every target taken from the school's plugin decisions (staffing ratio, per-student
 * funding, training hours per staff type), each with the school's current standing.
 *
 * @example
 * kpiRows(overview)[0] // { key: 'staffingRatio', studentsPerStaff: 4000, studentsPerFullTimeStaff: 6000, status: 'short' }
 */
export function kpiRows(o: StudentAffairsOverview): KpiRow[] {
  const rows: KpiRow[] = [];
  const staffing = o.staffing?.result;
  if (staffing?.studentsPerStaff) {
    const fullTime = staffing.fullTimeStaff ?? 0;
    rows.push({
      key: 'staffingRatio',
      studentsPerStaff: staffing.studentsPerStaff,
      studentsPerFullTimeStaff:
        fullTime > 0 && o.enrolment !== null ? Math.round(o.enrolment / fullTime) : null,
      status: staffing.compliant === null ? 'unknown' : staffing.compliant ? 'met' : 'short',
    });
  }
  const funding = o.funding?.result;
  const perStudent = (funding?.lines ?? []).reduce((sum, line) => sum + (line.perStudentYuan ?? 0), 0);
  if (funding && perStudent > 0) {
    rows.push({
      key: 'fundingPerStudent',
      perStudentYuan: perStudent,
      yearlyYuan: funding.yearlyYuan,
      status: 'unknown',
    });
  }
  for (const staffType of ['full-time', 'part-time'] as const) {
    const row = trainingRow(o, staffType);
    if (row) rows.push(row);
  }
  return rows;
}

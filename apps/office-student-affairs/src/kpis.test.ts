import { describe, expect, it } from 'vitest';
import type { StudentAffairsOverview } from './api.ts';
import { kpiRows } from './kpis.ts';

function overview(partial: Partial<StudentAffairsOverview>): StudentAffairsOverview {
  return {
    academicYear: 2025,
    academicYears: [2025],
    plugin: { id: 'hrbmu', version: '1.0.0' },
    enrolment: 24000,
    staff: [],
    staffing: null,
    funding: null,
    training: null,
    issues: [],
    ...partial,
  };
}

const member = (staffType: 'full-time' | 'part-time', compliant: boolean) => ({
  staffId: `${staffType}-${compliant}`,
  facts: { staffType, hours: compliant ? 50 : 5 },
  result: {
    requiredHours: staffType === 'full-time' ? 40 : 20,
    hours: compliant ? 50 : 5,
    compliant,
    shortfallHours: 0,
    ruleName: 'r',
    firedRules: ['r'],
  },
});

describe('KPI targets', () => {
  it('takes every target from the plugin and says where the school stands', () => {
    const rows = kpiRows(
      overview({
        staffing: {
          facts: { enrolment: 24000, fullTimeStaff: 4 },
          result: {
            studentsPerStaff: 4000,
            requiredFullTimeStaff: 6,
            fullTimeStaff: 4,
            compliant: false,
            shortfall: 2,
            ruleName: 'r',
            firedRules: ['r'],
          },
          partTimeStaff: 1,
        },
        funding: {
          facts: { enrolment: 24000 },
          result: {
            yearlyYuan: 360000,
            lines: [
              {
                ruleName: 'r',
                label: { zh: '生均', en: 'per student' },
                perStudentYuan: 15,
                yuan: 360000,
                ringFenced: true,
              },
            ],
            firedRules: ['r'],
          },
        },
        training: {
          requirements: { 'full-time': 40, 'part-time': 20 },
          members: [member('full-time', true), member('full-time', false), member('part-time', true)],
        },
      }),
    );
    expect(rows).toEqual([
      { key: 'staffingRatio', studentsPerStaff: 4000, studentsPerFullTimeStaff: 6000, status: 'short' },
      { key: 'fundingPerStudent', perStudentYuan: 15, yearlyYuan: 360000, status: 'unknown' },
      { key: 'trainingFullTime', requiredHours: 40, met: 1, total: 2, status: 'short' },
      { key: 'trainingPartTime', requiredHours: 20, met: 1, total: 1, status: 'met' },
    ]);
  });

  it('shows no target the plugin does not set, and no judgement without staff', () => {
    const rows = kpiRows(
      overview({ training: { requirements: { 'full-time': 40, 'part-time': null }, members: [] } }),
    );
    expect(rows).toEqual([
      { key: 'trainingFullTime', requiredHours: 40, met: 0, total: 0, status: 'unknown' },
    ]);
  });
});

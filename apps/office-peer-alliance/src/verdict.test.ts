import { describe, expect, it } from 'vitest';
import type { SheetLine, SheetRecord, SheetRow } from './api.ts';
import { signed, tally, verdictOf } from './verdict.ts';

const line = (points: number, ruleName: string, counts: SheetLine['counts'] = []): SheetLine => ({
  entryId: Math.floor(Math.random() * 1e6),
  points,
  ruleName,
  reason: ruleName,
  reasonEn: ruleName,
  counts,
});

function row(records: Partial<SheetRecord>[]): SheetRow {
  return {
    member: {
      id: 'm1',
      termId: 't',
      name: '韦欣丽',
      memberRole: 'staff',
      departmentId: 'd',
      departmentName: '宣传部',
      studentId: null,
      studentNumber: null,
      personId: null,
      isOfficer: false,
      active: true,
    },
    score: 70,
    records: records.map((r, i) => ({
      id: `r${i}`,
      kind: 'attendance',
      facts: {},
      context: {},
      approval: 'not_needed',
      recordedAt: '',
      lines: [],
      ...r,
    })),
  };
}

describe('peer alliance sheet verdicts', () => {
  it('shows nothing recorded before a check-in', () => {
    expect(verdictOf(row([])).state).toBe('none');
  });

  it('shows a late arrival within the plugin’s limit as late, with its points', () => {
    const v = verdictOf(
      row([
        {
          facts: { attendance: 'late', minutesLate: 4 },
          lines: [line(-1, 'art5-department-routine-late', ['lateCount'])],
        },
      ]),
    );
    expect(v).toMatchObject({ state: 'late', minutesLate: 4, points: -1 });
  });

  it('shows a late arrival the plugin counted as an absence as absent', () => {
    const v = verdictOf(
      row([
        {
          facts: { attendance: 'late', minutesLate: 12 },
          lines: [line(-3, 'art5-department-routine-late-over-10-minutes', ['absenceCount'])],
        },
      ]),
    );
    expect(v.state).toBe('absent');
    expect(v.lines[0]!.ruleName).toBe('art5-department-routine-late-over-10-minutes');
  });

  it('adds an early leave to the row and treats a voided check-in as not recorded', () => {
    const early = verdictOf(
      row([
        { facts: { attendance: 'present' } },
        {
          kind: 'early-leave',
          facts: { attendance: 'early-leave' },
          lines: [line(-1, 'art5-department-routine-early-leave')],
        },
      ]),
    );
    expect(early).toMatchObject({ state: 'present', leftEarly: true, points: -1 });
    const voided = verdictOf(
      row([
        {
          facts: { attendance: 'present' },
          context: { voided: { at: '2025-03-03T12:00:00Z', by: 'p1', reason: 'x' } },
        },
      ]),
    );
    expect(voided.state).toBe('none');
  });

  it('counts a sheet by verdict and signs points', () => {
    expect(tally([row([]), row([{ facts: { attendance: 'on-leave' } }])])).toMatchObject({
      none: 1,
      'on-leave': 1,
    });
    expect([signed(2), signed(-3), signed(0)]).toEqual(['+2', '−3', '0']);
  });
});

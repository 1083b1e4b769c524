import type { SheetLine, SheetRow } from './api.ts';

/** Where a member stands on a check-in sheet, as the plugin priced it. */
export interface RowVerdict {
  /** none: nothing recorded yet. `late` over the plugin's limit shows as `absent` (the plugin counted an absence). */
  state: 'none' | 'present' | 'late' | 'absent' | 'on-leave';
  leftEarly: boolean;
  minutesLate: number | null;
  arrivedAt: string | null;
  /** Points the attendance records booked at this event. */
  points: number;
  /** The plugin's reasons for those points (zh and en). */
  lines: SheetLine[];
  /** The attendance record, for corrections. */
  attendanceRecordId: string | null;
  voided: boolean;
}

/**
 * The verdict of one sheet row: what was recorded and what the plugin made of it. A late arrival the plugin
 * counted as an absence (seed 002: more than 10 minutes late) is shown as absent, with the plugin's reason.
 *
 * @example
 * verdictOf(row).state // 'absent' for 12 minutes late at a routine meeting under plugins/hut
 */
export function verdictOf(row: SheetRow): RowVerdict {
  const attendance = row.records.find((r) => r.kind === 'attendance');
  const early = row.records.find((r) => r.kind === 'early-leave' && !r.context.voided);
  const voided = Boolean(attendance?.context.voided);
  const lines = [...(voided ? [] : (attendance?.lines ?? [])), ...(early?.lines ?? [])];
  const points = lines.reduce((sum, line) => sum + line.points, 0);
  const base = {
    leftEarly: Boolean(early),
    minutesLate: null as number | null,
    arrivedAt: null as string | null,
    points,
    lines,
    attendanceRecordId: attendance?.id ?? null,
    voided,
  };
  if (!attendance || voided) return { ...base, state: 'none' };
  const recorded = String(attendance.facts.attendance ?? '');
  const minutesLate = typeof attendance.facts.minutesLate === 'number' ? attendance.facts.minutesLate : null;
  const arrivedAt = typeof attendance.context.arrivedAt === 'string' ? attendance.context.arrivedAt : null;
  const countedAbsent = attendance.lines.some((line) => line.counts.includes('absenceCount'));
  const state =
    recorded === 'late' && countedAbsent
      ? 'absent'
      : recorded === 'present' || recorded === 'late' || recorded === 'absent' || recorded === 'on-leave'
        ? recorded
        : 'none';
  return { ...base, state, minutesLate, arrivedAt };
}

/** Signed points as shown in the ledger: +2, −3, 0. */
export function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

/** Counts of a sheet by verdict, for the sheet's header. */
export function tally(rows: readonly SheetRow[]): Record<RowVerdict['state'], number> {
  const counts = { none: 0, present: 0, late: 0, absent: 0, 'on-leave': 0 };
  for (const row of rows) counts[verdictOf(row).state]++;
  return counts;
}

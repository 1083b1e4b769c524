// The college station module hosts a student's file and a case's page; the center's staff and director open that
// module too (GET /api/frontends), so the center's lists link into it. Its route is `/college-station`.
const COLLEGE_STATION = '/college-station';

/**
 * The shell path of a student's file.
 *
 * @example
 * studentFilePath('42') // '/college-station/students/42'
 */
export function studentFilePath(studentId: string): string {
  return `${COLLEGE_STATION}/students/${encodeURIComponent(studentId)}`;
}

/**
 * The shell path of a case (a follow-up is a case).
 *
 * @example
 * casePath('7') // '/college-station/cases/7'
 */
export function casePath(caseId: string): string {
  return `${COLLEGE_STATION}/cases/${encodeURIComponent(caseId)}`;
}

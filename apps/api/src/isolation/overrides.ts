import type { BodyOverride } from './probe.ts';

function csvFile(rows: string[][]): FormData {
  const form = new FormData();
  const text = rows.map((row) => row.join(',')).join('\n');
  form.set('file', new File([text], 'isolation-probe.csv', { type: 'text/csv' }));
  return form;
}

const GRADE_HEADER = ['studentNumber', 'term', 'courseCode', 'courseName', 'credit', 'score'];
const gradeFile = (number: string) =>
  csvFile([GRADE_HEADER, [number, '2024-2025-1', 'ISO1', '隔离探测课程', '3', '85']]);

const IMPORT_HEADER = ['学号', '姓名', '性别', '入学年份', '学院', '班级'];

/**
 * Bodies the generator cannot build from the OpenAPI schema, by route. Each returns the bodies that name the given
 * target's records, or undefined when nothing of that target can be named in this body.
 */
export const BODY_OVERRIDES: Readonly<Record<string, BodyOverride>> = {
  // Checking exported audit checkpoints writes nothing and its body names no record: a file of another school is
  // refused naming schoolId before anything is read (audit/export-check.test.ts).
  'POST /api/audit/checkpoints/check': () => undefined,
  // The triage body depends on its action. Aimed at another tenant's report, a close that needs nothing else; on
  // the caller's own report, adding it to another tenant's case (refused naming caseId).
  'POST /api/concerns/{id}/triage': (_prober, target) => {
    if (target.name === 'own') return { action: 'close', reason: '隔离探测' };
    return target.ids.case ? { action: 'add_to_case', caseId: target.ids.case } : undefined;
  },
  // A referral must name a hospital of the caller's own school list and be dated after the crisis opened: another
  // school's hospital is the id to probe (a college of the same school shares the list, so nothing to name there).
  'POST /api/crises/{id}/referrals': (_prober, target) =>
    target.ids.hospital
      ? { hospitalId: target.ids.hospital, referredAt: '2025-03-03T07:30:00.000Z', accompaniedBy: '隔离探测' }
      : undefined,
  // A slot must start after the test clock (2025-03-03) and end after it starts; the counsellor named is the probe.
  'POST /api/appointments/slots': (_prober, target) =>
    target.name !== 'own' && target.ids.person
      ? {
          startsAt: '2025-04-01T02:00:00Z',
          endsAt: '2025-04-01T03:00:00Z',
          location: '隔离探测',
          counsellorId: target.ids.person,
        }
      : undefined,
  // Support records refuse a date after today: the test clock is in 2025, the schema's example in 2026.
  'POST /api/support/sanctions': (_prober, target) =>
    target.ids.student
      ? { studentId: target.ids.student, sanction: '隔离探测', level: 'warning', sanctionedOn: '2025-01-15' }
      : undefined,
  'POST /api/support/hardship': (_prober, target) =>
    target.ids.student
      ? { studentId: target.ids.student, term: '2024-2025-2', level: 'general', certifiedOn: '2025-01-15' }
      : undefined,
  'POST /api/support/aids': (_prober, target) =>
    target.ids.student
      ? {
          studentId: target.ids.student,
          term: '2024-2025-2',
          kind: 'money',
          description: '隔离探测',
          givenOn: '2025-01-15',
        }
      : undefined,
  'POST /api/support/home-visits': (_prober, target) =>
    target.ids.student
      ? {
          studentId: target.ids.student,
          visitedOn: '2025-01-15',
          visitors: '隔离探测',
          familyPresent: '隔离探测',
          findings: '隔离探测',
        }
      : undefined,
  // Both refine across fields: a correction must say what it corrects; a window must end after it starts.
  'POST /api/alliance/records/{recordId}/corrections': () => ({ reason: '隔离探测', attendance: 'present' }),
  'POST /api/alliance/terms/{termId}/full-attendance': () => ({
    key: 'isolation-probe',
    from: '2024-10-01T00:00:00.000Z',
    to: '2024-10-31T00:00:00.000Z',
  }),
  // Units are found by name inside the caller's school, so another school cannot be named in an import at all.
  // Another college can: a row that moves one of its students (by number) into the caller's college, and a row
  // that places a new student in it. Each must reject the file.
  'POST /api/students/import': (prober, target) => {
    if (target.name !== 'other college' || prober.college === undefined) return undefined;
    const own = prober.school.colleges[prober.college];
    const other = prober.school.colleges[prober.college === 0 ? 1 : 0];
    return [
      csvFile([
        IMPORT_HEADER,
        [other.studentNumbers[0]!, '越界改档', '男', '2024', own.collegeName, own.className],
      ]),
      csvFile([IMPORT_HEADER, ['probe-new-1', '越界新生', '女', '2024', other.collegeName, other.className]]),
    ];
  },
  // A feed file names students by number, resolved inside the caller's school (and scope): the caller's own
  // student is imported (the value-keyed probe: `{feed}` names no record); another school's or college's student
  // number is an unknown row, which rejects the whole file.
  'POST /api/warnings/feeds/{feed}/import': (prober, target) => {
    if (target.name === 'own')
      return gradeFile(prober.school.colleges[prober.college ?? 0].studentNumbers[0]!);
    if (target.name === 'other college') {
      return prober.college === undefined
        ? undefined
        : gradeFile(prober.school.colleges[prober.college === 0 ? 1 : 0].studentNumbers[0]!);
    }
    const other = [...prober.forbidden].find(
      ([marker, label]) =>
        label.endsWith('student number') && !label.startsWith(prober.school.code) && marker,
    );
    return other ? gradeFile(other[0]) : undefined;
  },
};

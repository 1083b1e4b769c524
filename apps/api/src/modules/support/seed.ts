import { addCalendarDays, chinaToday } from '@xinqiao/calendar';
import {
  type AidKind,
  aidKinds,
  disciplinarySanctions,
  enteredFailedCourses,
  financialAids,
  type HardshipLevel,
  hardshipCertifications,
  homeVisits,
  queryRows,
  type TenantTx,
} from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { currentTerm } from './terms.ts';

const BATCH = 1000;

/** A stable number 0–9999 from a student number, so the demo is the same on every machine. */
function draw(studentNumber: string, salt: number): number {
  let h = salt * 2_654_435_761;
  for (const char of studentNumber) h = Math.imul(h ^ char.charCodeAt(0), 16_777_619) >>> 0;
  return h % 10_000;
}

/**
 * nuc-shuozhou: in the class of the demo `headteacher`, what the support list is proposed from — failed courses
 * entered for the term (4 and 3: the academic category and parent contact; 1: not listed), a sanction, hardship
 * certifications and a home visit — so the head teacher's term list shows categories and facts at once.
 */
async function seedClassFacts(tx: TenantTx, schoolId: string, today: string, term: string) {
  const rows = await queryRows<{ id: string; person_id: string }>(
    tx,
    sql`SELECT s.id, p.id AS person_id FROM people p
        JOIN role_assignments ra ON ra.person_id = p.id AND ra.role = 'head_teacher'
        JOIN students s ON s.class_unit_id = ra.unit_id
        WHERE p.username = 'headteacher' ORDER BY s.student_number LIMIT 6`,
  );
  if (rows.length < 6) return;
  const [a, b, c, d, e] = rows as [(typeof rows)[number], ...(typeof rows)[number][]];
  const by = a.person_id;
  await tx.insert(enteredFailedCourses).values([
    { schoolId, studentId: a.id, term, count: 4, enteredBy: by },
    { schoolId, studentId: b!.id, term, count: 3, enteredBy: by },
    { schoolId, studentId: e!.id, term, count: 1, enteredBy: by },
  ]);
  await tx.insert(disciplinarySanctions).values({
    schoolId,
    studentId: c!.id,
    sanction: '考试作弊',
    level: 'serious_warning',
    sanctionedOn: addCalendarDays(today, -60),
    recordedBy: by,
  });
  const college = await queryRows<{ id: string; college_unit_id: string }>(
    tx,
    sql`SELECT id, college_unit_id FROM students WHERE id IN (${a.id}::uuid, ${d!.id}::uuid)`,
  );
  await tx.insert(hardshipCertifications).values(
    college.map((s) => ({
      schoolId,
      studentId: s.id,
      collegeUnitId: s.college_unit_id,
      term,
      level: (s.id === a.id ? 'hardship' : 'special') as HardshipLevel,
      certifiedOn: addCalendarDays(today, -30),
      recordedBy: by,
    })),
  );
  await tx.insert(homeVisits).values({
    schoolId,
    studentId: a.id,
    visitedOn: addCalendarDays(today, -90),
    visitors: '班主任、辅导员',
    familyPresent: '母亲、祖父',
    findings: '家庭收入以务农为主，父亲外出务工；学生暑期在家帮忙，学习时间不足。家长支持学校的帮扶安排。',
    recordedBy: by,
  });
}

const AID_TEXT: Record<AidKind, string> = {
  money: '国家助学金',
  job: '就业指导与岗位推荐',
  psychological: '心理健康中心团体辅导',
  growth: '阳光励志成长营',
  self_help: '勤工助学岗位',
};

/**
 * wuhan-polytechnic: the term's hardship certifications and the five aids (seed 001's 四方五助), for about a
 * quarter to a third of each college's students, so the coverage per college sits on both sides of the 30% target.
 */
async function seedFinancialSupport(tx: TenantTx, schoolId: string, today: string, term: string) {
  const students = await queryRows<{
    id: string;
    student_number: string;
    college_unit_id: string;
    college: number;
  }>(
    tx,
    sql`SELECT s.id, s.student_number, s.college_unit_id,
          dense_rank() OVER (ORDER BY s.college_unit_id)::int AS college
        FROM students s ORDER BY s.student_number`,
  );
  const certifiedOn = addCalendarDays(today, -20);
  const certified = students.filter((s) => draw(s.student_number, 1) < 2_300 + (s.college % 4) * 400);
  const hardship = certified.map((s) => ({
    schoolId,
    studentId: s.id,
    collegeUnitId: s.college_unit_id,
    term,
    level: (['special', 'hardship', 'general'] as const)[draw(s.student_number, 2) % 3]!,
    certifiedOn,
  }));
  for (let i = 0; i < hardship.length; i += BATCH) {
    await tx.insert(hardshipCertifications).values(hardship.slice(i, i + BATCH));
  }
  const aids = certified
    .filter((s) => draw(s.student_number, 3) < 9_000)
    .flatMap((s) =>
      aidKinds
        .filter((kind, index) => kind === 'money' || draw(s.student_number, 4 + index) < 3_500)
        .map((kind) => ({
          schoolId,
          studentId: s.id,
          collegeUnitId: s.college_unit_id,
          term,
          kind,
          description: AID_TEXT[kind],
          amountYuan: kind === 'money' ? 1_650 + (draw(s.student_number, 9) % 3) * 825 : null,
          givenOn: addCalendarDays(today, -10),
        })),
    );
  for (let i = 0; i < aids.length; i += BATCH)
    await tx.insert(financialAids).values(aids.slice(i, i + BATCH));
}

/** The support demo of a school (nothing for the schools without the support or financial seeds). */
export async function seedDemoSupportFor(tx: TenantTx, schoolId: string, code: string, now: Date) {
  const today = chinaToday(now);
  const term = currentTerm(now);
  if (code === 'nuc-shuozhou') await seedClassFacts(tx, schoolId, today, term);
  if (code === 'wuhan-polytechnic') await seedFinancialSupport(tx, schoolId, today, term);
}

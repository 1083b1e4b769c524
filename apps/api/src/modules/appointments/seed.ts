import { academicYearOf, toChinaDate } from '@xinqiao/calendar';
import {
  appointments,
  counsellingSlots,
  feedbackRatings,
  people,
  roleAssignments,
  screeningWaves,
  studentAccounts,
  students,
  type TenantTx,
} from '@xinqiao/db';
import { asc, eq, inArray } from 'drizzle-orm';
import { studentUsername } from '../../auth/student-login.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How many named demo students each demo school gets (the first students of the counsellor's college). */
export const DEMO_STUDENT_COUNT = 3;

/**
 * The student side of a demo school: sign-ins for the first three students (by 学号) of the college of the demo
 * `counsellor` (the demo password, already changed, so the README's table works at once), an open online PHQ-9
 * wave, two weeks of published slots of the center's `center` and `director` (one a priority slot), a session of
 * the first demo student that ended an hour ago and waits to be recorded, and twelve earlier anonymous ratings so
 * the satisfaction KPI has a figure (added by {@link seedDemoRatingsFor}). Answers the demo students' numbers and
 * person ids.
 */
export async function seedDemoStudentSideFor(
  tx: TenantTx,
  schoolId: string,
  passwordHash: string,
  now: Date,
): Promise<{ numbers: string[]; personIds: string[] }> {
  const staff = await tx
    .select({ id: people.id, username: people.username, unitId: roleAssignments.unitId })
    .from(people)
    .innerJoin(roleAssignments, eq(roleAssignments.personId, people.id))
    .where(inArray(people.username, ['counsellor', 'center', 'director']));
  const byName = new Map(staff.map((s) => [s.username, s]));
  const counsellor = byName.get('counsellor');
  const center = byName.get('center');
  const director = byName.get('director');
  if (!counsellor || !center || !director) return { numbers: [], personIds: [] };
  // The seed's transaction reaches the whole school; publishing slots and booking need the center's capability.
  const demo = await tx
    .select({
      id: students.id,
      number: students.studentNumber,
      name: students.name,
      classUnitId: students.classUnitId,
    })
    .from(students)
    .where(eq(students.collegeUnitId, counsellor.unitId))
    .orderBy(asc(students.studentNumber))
    .limit(DEMO_STUDENT_COUNT);
  const personIds: string[] = [];
  for (const student of demo) {
    const [person] = await tx
      .insert(people)
      .values({
        schoolId,
        username: studentUsername(student.number),
        displayName: student.name,
        passwordHash,
      })
      .returning({ id: people.id });
    await tx
      .insert(roleAssignments)
      .values({ schoolId, personId: person!.id, role: 'student', unitId: student.classUnitId });
    await tx.insert(studentAccounts).values({
      personId: person!.id,
      schoolId,
      studentId: student.id,
      mustChangePassword: false,
      passwordChangedAt: now,
    });
    personIds.push(person!.id);
  }
  await tx.insert(screeningWaves).values({
    schoolId,
    academicYear: academicYearOf(now).start,
    name: '线上心理测评（演示）',
    instrument: 'PHQ-9',
    cohort: 'all',
    opensOn: toChinaDate(new Date(now.getTime() - 7 * DAY)),
    closesOn: toChinaDate(new Date(now.getTime() + 30 * DAY)),
    status: 'open',
    createdBy: center.id,
  });
  // Slots at 10:00 and 15:00 China time on the next ten days, from the day after tomorrow (past the notice period).
  const slots = [];
  for (let day = 2; day <= 11; day++) {
    const date = toChinaDate(new Date(now.getTime() + day * DAY));
    for (const [hour, who] of [
      [10, center],
      [15, director],
    ] as const) {
      const startsAt = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
      slots.push({
        schoolId,
        counsellorId: who.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        location: '心理健康教育中心 201 咨询室',
        priority: day === 2 && hour === 15,
        createdBy: who.id,
      });
    }
  }
  await tx.insert(counsellingSlots).values(slots);
  const first = demo[0];
  if (first) {
    const startsAt = new Date(now.getTime() - 2 * HOUR);
    const [slot] = await tx
      .insert(counsellingSlots)
      .values({
        schoolId,
        counsellorId: center.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        location: '心理健康教育中心 201 咨询室',
        taken: true,
        createdBy: center.id,
      })
      .returning({ id: counsellingSlots.id });
    await tx.insert(appointments).values({
      schoolId,
      slotId: slot!.id,
      studentId: first.id,
      firstVisit: true,
      bookedAt: new Date(now.getTime() - 3 * DAY),
    });
  }
  return { numbers: demo.map((s) => s.number), personIds };
}

/**
 * Twelve earlier anonymous ratings of the demo's `center` and `director`, so the satisfaction KPI shows a figure.
 * Ratings are added only by a student's transaction (RLS): the caller runs this as a demo student.
 */
export async function seedDemoRatingsFor(tx: TenantTx, schoolId: string, now: Date): Promise<void> {
  const staff = await tx
    .select({ id: people.id, username: people.username })
    .from(people)
    .where(inArray(people.username, ['center', 'director']));
  const center = staff.find((s) => s.username === 'center');
  const director = staff.find((s) => s.username === 'director');
  if (!center || !director) return;
  const overall = [92, 88, 95, 85, 90, 87, 93, 86, 91, 89, 94, 84];
  await tx.insert(feedbackRatings).values(
    overall.map((score, i) => ({
      schoolId,
      counsellorId: i % 3 === 2 ? director.id : center.id,
      attitude: score >= 90 ? 5 : 4,
      professionalism: score >= 88 ? 5 : 4,
      helpfulness: score >= 86 ? 5 : 4,
      overall: score,
      ratedOn: toChinaDate(new Date(now.getTime() - (i + 3) * DAY)),
    })),
  );
}

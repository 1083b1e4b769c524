import { drawMobile, drawOlderName, drawStudentName, drawSurname } from './names.ts';
import type { ClassPlan } from './network.ts';
import type { Random } from './random.ts';
import type { DemoGuardian, DemoStudent, DemoUnit, Gender, GuardianRelation } from './types.ts';

const FLOORS_PER_BUILDING = 6;
const ROOMS_PER_FLOOR = 20;

export interface Placement {
  students: DemoStudent[];
  dorms: DemoUnit[];
}

/**
 * Generates each class's students and lodges them in single-gender rooms of `bedsPerRoom`, one dorm unit per room
 * under the class. Buildings are single-gender and numbered across the school (3号楼312室).
 */
export function placeStudents(classes: readonly ClassPlan[], bedsPerRoom: number, random: Random): Placement {
  const students: DemoStudent[] = [];
  const dorms: DemoUnit[] = [];
  const rooms = roomAllocator();
  const serials = new Map<string, number>();
  for (const plan of classes) {
    const roster = Array.from({ length: plan.size }, () => {
      const gender: Gender = random.chance(plan.college.profile.femaleShare) ? 'female' : 'male';
      return { gender, number: nextStudentNumber(plan, serials) };
    });
    for (const gender of ['female', 'male'] as const) {
      const group = roster.filter((s) => s.gender === gender);
      for (let start = 0; start < group.length; start += bedsPerRoom) {
        const { building, room } = rooms.next(gender);
        const dormRef = `${plan.ref}/dorm-${building}-${room}`;
        dorms.push({ ref: dormRef, parentRef: plan.ref, levelKey: 'dorm', name: `${building}号楼${room}室` });
        for (const member of group.slice(start, start + bedsPerRoom)) {
          students.push(drawStudent(random, plan, member.gender, member.number, dormRef));
        }
      }
    }
  }
  return { students, dorms };
}

// Enrolment year + college code + serial within that year and college: 2024030127.
function nextStudentNumber(plan: ClassPlan, serials: Map<string, number>): string {
  const key = `${plan.enrolmentYear}${plan.college.code}`;
  const serial = (serials.get(key) ?? 0) + 1;
  serials.set(key, serial);
  return key + String(serial).padStart(4, '0');
}

function drawStudent(
  random: Random,
  plan: ClassPlan,
  gender: Gender,
  studentNumber: string,
  dormRef: string,
): DemoStudent {
  const surname = drawSurname(random);
  return {
    studentNumber,
    name: drawStudentName(random, gender, surname),
    gender,
    enrolmentYear: plan.enrolmentYear,
    collegeRef: plan.college.ref,
    classRef: plan.ref,
    dormRef,
    phone: drawMobile(random),
    guardians: drawGuardians(random, surname),
  };
}

// Most students list both parents; some one parent; a few are raised by grandparents or another guardian.
function drawGuardians(random: Random, surname: string): DemoGuardian[] {
  const roll = random.next();
  if (roll < 0.72) return [guardian(random, '父亲', surname), guardian(random, '母亲')];
  if (roll < 0.85) return [guardian(random, '父亲', surname)];
  if (roll < 0.95) return [guardian(random, '母亲')];
  if (roll < 0.98) return [guardian(random, '祖父', surname), guardian(random, '祖母')];
  return [guardian(random, random.pick(['外祖母', '其他监护人'] as const))];
}

// A father or paternal grandfather shares the student's surname; other guardians get their own.
function guardian(random: Random, relation: GuardianRelation, surname?: string): DemoGuardian {
  const gender: Gender = relation === '父亲' || relation === '祖父' ? 'male' : 'female';
  return {
    name: drawOlderName(random, gender, surname ?? drawSurname(random)),
    relation,
    phone: drawMobile(random),
  };
}

// Hands out rooms floor by floor; a full building is replaced by the next free building number for that gender.
function roomAllocator() {
  let lastBuilding = 0;
  const current = new Map<Gender, { building: number; used: number }>();
  return {
    next(gender: Gender): { building: number; room: number } {
      let state = current.get(gender);
      if (!state || state.used === FLOORS_PER_BUILDING * ROOMS_PER_FLOOR) {
        state = { building: ++lastBuilding, used: 0 };
        current.set(gender, state);
      }
      const floor = Math.floor(state.used / ROOMS_PER_FLOOR) + 1;
      const room = floor * 100 + (state.used % ROOMS_PER_FLOOR) + 1;
      state.used++;
      return { building: state.building, room };
    },
  };
}

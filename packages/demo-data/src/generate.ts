import { type AccountAnchors, buildAccounts, DEMO_PASSWORD } from './accounts.ts';
import { assertNetworkLevels, type NetworkPlan, planNetwork } from './network.ts';
import { createRandom } from './random.ts';
import { type SchoolProfile, schoolProfile } from './schools/index.ts';
import { generateCenterStaff } from './staff.ts';
import { staffNetwork } from './staffing.ts';
import { type Placement, placeStudents } from './students.ts';
import type { DemoSchool, EnrolmentFigures, NetworkLevel } from './types.ts';

/** The school year the demo data describes (2026-2027): its freshmen enrolled in 2026. */
export const DEFAULT_ACADEMIC_YEAR = 2026;
export const DEFAULT_STUDENT_COUNT = 5000;
export const DEFAULT_SEED = 1;

export interface DemoSchoolInput {
  /** One of DEMO_SCHOOL_CODES. */
  schoolCode: string;
  /** The school's network levels, root-first, from its policy plugin; must end with college, class, dorm. */
  levels: readonly NetworkLevel[];
  studentCount?: number;
  seed?: number | string;
  /** The school year by its first calendar year; the four enrolment cohorts end with it. */
  academicYear?: number;
}

/**
 * Generates one demo school: its network units (parents before children), students, one demo account per role,
 * the staff every college and class needs (station heads, two counsellors per college, head teachers; see
 * `staffNetwork`) and the figures the student affairs and center screens need. Pure and deterministic: the same input gives deep-equal
 * output; no clock, no Math.random, no I/O.
 *
 * @example
 * const school = generateDemoSchool({ schoolCode: 'hut', levels: plugin.network.levels });
 * school.students.length; // 5000
 */
export function generateDemoSchool(input: DemoSchoolInput): DemoSchool {
  const profile = schoolProfile(input.schoolCode);
  assertNetworkLevels(input.levels);
  const studentCount = input.studentCount ?? DEFAULT_STUDENT_COUNT;
  if (!Number.isInteger(studentCount) || studentCount < 1) {
    throw new RangeError(`studentCount must be a positive integer, got ${studentCount}`);
  }
  const academicYear = input.academicYear ?? DEFAULT_ACADEMIC_YEAR;
  const seed = `${profile.code}:${input.seed ?? DEFAULT_SEED}`;
  // Separate streams: changing the student count does not rename the staff.
  const network = planNetwork(
    profile,
    input.levels,
    studentCount,
    academicYear,
    createRandom(`${seed}:network`),
  );
  const placement = placeStudents(network.classes, profile.bedsPerRoom, createRandom(`${seed}:students`));
  const people = createRandom(`${seed}:people`);
  const anchors = accountAnchors(network, placement);
  const named = buildAccounts(anchors, people);
  return {
    code: profile.code,
    name: profile.name,
    nameEn: profile.nameEn,
    academicYear,
    levels: input.levels.map((level) => ({ ...level })),
    units: [...network.units, ...placement.dorms],
    students: placement.students,
    accounts: [...named, ...networkStaff(network, anchors, createRandom(`${seed}:network-staff`))],
    enrolmentFigures: enrolmentFigures(profile, academicYear, studentCount),
    centerStaff: generateCenterStaff(profile, people),
  };
}

// The named accounts staff the first college (station head, counsellor, one head teacher) and the second (a
// counsellor); every other college and class gets its people here, from a stream of its own.
function networkStaff(
  network: NetworkPlan,
  anchors: AccountAnchors,
  random: ReturnType<typeof createRandom>,
) {
  const counsellorsByCollege = new Map([
    [anchors.refs.college, 1],
    [anchors.refs.secondCollege, 1],
  ]);
  return staffNetwork(
    network.colleges,
    network.classes,
    {
      stationCollegeRef: anchors.refs.college,
      counsellorsByCollege,
      headTeacherClassRef: anchors.refs.class,
    },
    DEMO_PASSWORD,
    random,
  );
}

// The first college's first class that has a dorm carries the class and dorm accounts.
function accountAnchors(network: NetworkPlan, placement: Placement): AccountAnchors {
  const [college, secondCollege] = network.colleges;
  const dorm = placement.dorms.find((d) => d.parentRef?.startsWith(`${college!.ref}/`));
  if (!dorm || !secondCollege) {
    throw new RangeError(
      'studentCount is too small to place the demo accounts: the first college has no students',
    );
  }
  const classRef = dorm.parentRef!;
  const inClass = placement.students.filter((s) => s.classRef === classRef);
  const liaisonStudent = inClass.find((s) => s.dormRef === dorm.ref)!;
  const committeeStudent = inClass.find((s) => s !== liaisonStudent) ?? liaisonStudent;
  const center = network.upperRefs.get('center') ?? network.rootRef;
  return {
    refs: {
      root: network.rootRef,
      center,
      college: college!.ref,
      secondCollege: secondCollege.ref,
      class: classRef,
      dorm: dorm.ref,
    },
    committeeStudent,
    liaisonStudent,
  };
}

function enrolmentFigures(profile: SchoolProfile, academicYear: number, generated: number): EnrolmentFigures {
  const enrolled = profile.enrolledStudents;
  return {
    academicYear,
    enrolledStudents: enrolled,
    generatedStudents: generated,
    note: `${profile.name}${academicYear}学年在校生约${enrolled}人（演示用近似值），其中${generated}人生成为演示学生记录。`,
    noteEn: `${profile.nameEn} enrols about ${enrolled} students in ${academicYear}-${academicYear + 1} (an approximate demo figure); ${generated} of them are generated as demo student records.`,
  };
}

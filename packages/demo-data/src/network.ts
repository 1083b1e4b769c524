import { apportion, type Random } from './random.ts';
import type { CollegeProfile, SchoolProfile } from './schools/index.ts';
import type { DemoUnit, NetworkLevel } from './types.ts';

/** The levels every network ends with, in this order; the levels above `college` vary by school. */
const FIXED_TAIL = ['college', 'class', 'dorm'] as const;
/** Enrolment cohorts on roll at once. */
export const COHORTS = 4;
const MAX_CLASS_SIZE = 40;

export interface CollegePlan {
  ref: string;
  /** Two digits, used in student numbers. */
  code: string;
  profile: CollegeProfile;
}

export interface ClassPlan {
  ref: string;
  name: string;
  college: CollegePlan;
  enrolmentYear: number;
  size: number;
}

export interface NetworkPlan {
  /** Root-first: parents always come before their children. Dorm units are added later by student placement. */
  units: DemoUnit[];
  rootRef: string;
  /** The unit of each level above `college`, by level key (one unit per level). */
  upperRefs: Map<string, string>;
  colleges: CollegePlan[];
  classes: ClassPlan[];
}

/**
 * Checks the plugin's levels: unique keys, ending with college, class, dorm, at least one level above college.
 * Throws naming what is wrong.
 */
export function assertNetworkLevels(levels: readonly NetworkLevel[]): void {
  const keys = levels.map((l) => l.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) throw new RangeError(`network level '${duplicate}' appears twice`);
  const tail = keys.slice(-FIXED_TAIL.length).join(',');
  if (tail !== FIXED_TAIL.join(',') || keys.length <= FIXED_TAIL.length) {
    throw new RangeError(
      `network levels must be root-first, at least one level above college, ending with college, class, dorm; got [${keys.join(', ')}]`,
    );
  }
}

/**
 * Plans the network above the dorms: one unit per upper level, 6-10 colleges, and classes of at most 40 students
 * for each of the four enrolment years, with `studentCount` students spread over them.
 */
export function planNetwork(
  profile: SchoolProfile,
  levels: readonly NetworkLevel[],
  studentCount: number,
  academicYear: number,
  random: Random,
): NetworkPlan {
  const units: DemoUnit[] = [];
  const upperRefs = new Map<string, string>();
  const upperLevels = levels.slice(0, -FIXED_TAIL.length);
  let parentRef: string | null = null;
  for (const level of upperLevels) {
    const ref: string = parentRef === null ? profile.code : `${profile.code}/${level.key}`;
    units.push({ ref, parentRef, levelKey: level.key, name: upperUnitName(profile.name, level.name) });
    upperRefs.set(level.key, ref);
    parentRef = ref;
  }
  const rootRef = profile.code;
  const collegeCount = Math.min(random.int(6, 10), profile.colleges.length);
  const colleges = profile.colleges.slice(0, collegeCount).map((college, i): CollegePlan => {
    const code = String(i + 1).padStart(2, '0');
    return { ref: `${profile.code}/college-${code}`, code, profile: college };
  });
  for (const college of colleges) {
    units.push({ ref: college.ref, parentRef, levelKey: 'college', name: college.profile.name });
  }
  const classes = planClasses(colleges, studentCount, academicYear, random);
  for (const plan of classes) {
    units.push({ ref: plan.ref, parentRef: plan.college.ref, levelKey: 'class', name: plan.name });
  }
  return { units, rootRef, upperRefs, colleges, classes };
}

function planClasses(colleges: CollegePlan[], studentCount: number, academicYear: number, random: Random) {
  const years = Array.from({ length: COHORTS }, (_, i) => academicYear - COHORTS + 1 + i);
  const cells = colleges.flatMap((college) => years.map((year) => ({ college, year })));
  // Jitter keeps cohorts and colleges from being suspiciously equal.
  const sizes = apportion(
    studentCount,
    cells.map((cell) => cell.college.profile.weight * (0.85 + random.next() * 0.3)),
  );
  const classes: ClassPlan[] = [];
  cells.forEach((cell, i) => {
    const cellSize = sizes[i]!;
    const classCount = Math.ceil(cellSize / MAX_CLASS_SIZE);
    const classSizes = apportion(cellSize, Array(classCount).fill(1));
    const majors = cell.college.profile.majors;
    classSizes.forEach((size, c) => {
      const serial = String(c + 1).padStart(2, '0');
      // Named after the major, numbered within it (临床医学2024级2班); the college's majors take turns.
      const name = `${majors[c % majors.length]}${cell.year}级${Math.floor(c / majors.length) + 1}班`;
      const ref = `${cell.college.ref}/class-${cell.year}-${serial}`;
      classes.push({ ref, name, college: cell.college, enrolmentYear: cell.year, size });
    });
  });
  return classes;
}

// 学校领导小组 under 哈尔滨医科大学 reads 哈尔滨医科大学领导小组, not 哈尔滨医科大学学校领导小组.
function upperUnitName(schoolName: string, levelName: string): string {
  return schoolName + levelName.replace(/^学校/, '');
}

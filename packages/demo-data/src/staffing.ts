import { drawOlderName, drawStudentName } from './names.ts';
import type { ClassPlan, CollegePlan } from './network.ts';
import type { Random } from './random.ts';
import type { DemoAccount, Gender } from './types.ts';

/** Counsellors each college has at least, so that a station head has someone to assign follow-ups to. */
export const COUNSELLORS_PER_COLLEGE = 2;

/** The units the named demo accounts already staff (see DEMO_ACCOUNT_TABLE). */
export interface NamedStaffing {
  /** The college whose station head is `station`. */
  stationCollegeRef: string;
  /** Counsellors already placed, by college ref (`counsellor`, `counsellor2`). */
  counsellorsByCollege: ReadonlyMap<string, number>;
  /** The class whose head teacher is `headteacher`. */
  headTeacherClassRef: string;
}

/**
 * The part of a unit ref after the school and `college-`/`class-`: `hrbmu/college-03/class-2024-02` → `03-2024-02`.
 */
function refCode(ref: string): string {
  return ref
    .split('/')
    .slice(1)
    .map((part) => part.replace(/^(college|class)-/, ''))
    .join('-');
}

function person(
  username: string,
  displayName: string,
  role: DemoAccount['roles'][number]['role'],
  unitRef: string,
  password: string,
): DemoAccount {
  return { username, password, displayName, roles: [{ role, unitRef }] };
}

function drawName(random: Random, young: boolean): string {
  const gender: Gender = random.chance(0.5) ? 'female' : 'male';
  return young ? drawStudentName(random, gender) : drawOlderName(random, gender);
}

/**
 * The staff a working network needs beyond the named demo accounts: a station head for every college
 * (`station-<college>`), counsellors up to {@link COUNSELLORS_PER_COLLEGE} per college (`counsellor-<college>-<n>`,
 * n counting after the named ones) and a head teacher for every class (`headteacher-<college>-<year>-<class>`), so
 * nothing waits unassigned only because the demo has nobody.
 *
 * @example
 * staffNetwork(colleges, classes, named, password, random).map((a) => a.username);
 * // ['station-02', 'counsellor-01-2', 'counsellor-02-2', …, 'headteacher-01-2023-01', …]
 */
export function staffNetwork(
  colleges: readonly CollegePlan[],
  classes: readonly ClassPlan[],
  named: NamedStaffing,
  password: string,
  random: Random,
): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (const college of colleges) {
    const code = refCode(college.ref);
    if (college.ref !== named.stationCollegeRef) {
      accounts.push(
        person(`station-${code}`, drawName(random, false), 'college_station_head', college.ref, password),
      );
    }
    const placed = named.counsellorsByCollege.get(college.ref) ?? 0;
    for (let n = placed + 1; n <= COUNSELLORS_PER_COLLEGE; n++) {
      accounts.push(
        person(`counsellor-${code}-${n}`, drawName(random, true), 'counsellor', college.ref, password),
      );
    }
  }
  for (const plan of classes) {
    if (plan.ref === named.headTeacherClassRef) continue;
    accounts.push(
      person(`headteacher-${refCode(plan.ref)}`, drawName(random, true), 'head_teacher', plan.ref, password),
    );
  }
  return accounts;
}

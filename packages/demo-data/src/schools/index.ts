import { hrbmu } from './hrbmu.ts';
import { hut } from './hut.ts';
import { nucShuozhou } from './nuc-shuozhou.ts';
import type { SchoolProfile } from './profile.ts';
import { wuhanPolytechnic } from './wuhan-polytechnic.ts';

export type { CollegeProfile, SchoolProfile } from './profile.ts';

/** The four seed schools, keyed by school code. */
export const SCHOOL_PROFILES = {
  hrbmu,
  'wuhan-polytechnic': wuhanPolytechnic,
  hut,
  'nuc-shuozhou': nucShuozhou,
} as const satisfies Record<string, SchoolProfile>;

export type DemoSchoolCode = keyof typeof SCHOOL_PROFILES;

/** The seed school codes, in the order the seeds list them. */
export const DEMO_SCHOOL_CODES = Object.keys(SCHOOL_PROFILES) as DemoSchoolCode[];

/** The profile of a seed school; throws naming the known codes for any other code. */
export function schoolProfile(code: string): SchoolProfile {
  if (!Object.hasOwn(SCHOOL_PROFILES, code)) {
    throw new RangeError(`unknown demo school '${code}': expected one of ${DEMO_SCHOOL_CODES.join(', ')}`);
  }
  return SCHOOL_PROFILES[code as DemoSchoolCode];
}

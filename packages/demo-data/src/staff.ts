import { drawOlderName, drawStudentName } from './names.ts';
import type { Random } from './random.ts';
import type { SchoolProfile } from './schools/index.ts';
import type { CenterStaffMember, Employment, Gender } from './types.ts';

// Hours drawn on both sides of the seed-000 yearly minimums (full-time 40 h, part-time 20 h), so compliance charts
// show teachers who meet the rule and teachers who do not. The rule itself belongs to the school's plugin.
const HOURS: Record<Employment, { min: number; max: number; below: number }> = {
  fullTime: { min: 24, max: 72, below: 40 },
  partTime: { min: 8, max: 36, below: 20 },
};

/**
 * The center's mental-health teachers with this year's training hours. Each employment kind with two or more
 * members has at least one member under its minimum and at least one at or above it.
 */
export function generateCenterStaff(profile: SchoolProfile, random: Random): CenterStaffMember[] {
  return [
    ...staffOf('fullTime', profile.centerStaff.fullTime, random),
    ...staffOf('partTime', profile.centerStaff.partTime, random),
  ];
}

function staffOf(employment: Employment, count: number, random: Random): CenterStaffMember[] {
  const { min, max, below } = HOURS[employment];
  const staff = Array.from({ length: count }, (): CenterStaffMember => {
    const gender: Gender = random.chance(0.65) ? 'female' : 'male';
    const name = random.chance(0.5) ? drawStudentName(random, gender) : drawOlderName(random, gender);
    return { name, gender, employment, trainingHoursThisYear: random.int(min, max) };
  });
  if (count >= 2) {
    if (!staff.some((s) => s.trainingHoursThisYear < below))
      staff[0]!.trainingHoursThisYear = random.int(min, below - 1);
    if (!staff.some((s) => s.trainingHoursThisYear >= below))
      staff[1]!.trainingHoursThisYear = random.int(below, max);
  }
  return staff;
}

import { createRandom } from './random.ts';
import type { DemoSchool } from './types.ts';

/** One term grade as the 教务 system sends it. */
export interface DemoGrade {
  studentNumber: string;
  term: string;
  courseCode: string;
  courseName: string;
  credit: number;
  score: number;
}

/** One campus-card spending record (a day's total, numbered like the card system's). */
export interface DemoCardSpend {
  studentNumber: string;
  /** ISO instant. */
  occurredAt: string;
  ref: string;
  /** Yuan. */
  amount: number;
  place: 'canteen' | 'shop';
}

/** One last-seen event (door, library, Wi-Fi, roll call). */
export interface DemoActivity {
  studentNumber: string;
  occurredAt: string;
  source: 'door' | 'library' | 'wifi' | 'attendance';
}

export interface DemoFeeds {
  /** The two terms the grades are of, older first (`2025-2026-1`, `2025-2026-2`). */
  terms: [string, string];
  grades: DemoGrade[];
  card: DemoCardSpend[];
  activity: DemoActivity[];
}

const COURSES = ['高等数学', '大学英语', '思想道德与法治', '专业导论', '程序设计基础', '大学物理'] as const;
const DAY_MS = 86_400_000;

/** The last two finished terms before `today` (a term ends in January or July). */
export function finishedTerms(today: string): [string, string] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  // From August the spring term (…-2) of the year that began the September before is over.
  const springYear = month >= 8 ? year - 1 : year - 2;
  return month >= 2 && month < 8
    ? [`${year - 2}-${year - 1}-2`, `${year - 1}-${year}-1`]
    : [`${springYear}-${springYear + 1}-1`, `${springYear}-${springYear + 1}-2`];
}

/**
 * A term of synthetic feeds for a demo school, the same for the same school and day: grades of two finished terms
 * for the students of the first three colleges, a campus-card day total every few days over ten weeks and the last
 * few campus-activity events for the students of the first two colleges. A few students of the first college (the
 * demo `counsellor`'s) are set up to trip each module: a red and a yellow academic card, spending dropped to a
 * fifth, two and five days without activity. Elsewhere about one in sixty fail courses and a few spend less;
 * kept small so a first start stays quick.
 */
export function generateDemoFeeds(school: DemoSchool, today: string): DemoFeeds {
  const random = createRandom(`feeds:${school.code}`);
  const colleges = school.units.filter((unit) => unit.levelKey === 'college').map((unit) => unit.ref);
  const collegeIndex = new Map(colleges.map((ref, index) => [ref, index]));
  const terms = finishedTerms(today);
  const noon = Date.parse(`${today}T12:00:00+08:00`);
  const at = (daysAgo: number, hour: number) =>
    new Date(noon - daysAgo * DAY_MS + (hour - 12) * 3_600_000).toISOString();
  const grades: DemoGrade[] = [];
  const card: DemoCardSpend[] = [];
  const activity: DemoActivity[] = [];
  let firstCollegeSeen = 0;
  for (const student of school.students) {
    const college = collegeIndex.get(student.collegeRef) ?? 99;
    if (college > 2) continue;
    const role = college === 0 ? firstCollegeSeen++ : -1;
    // 0: red card (three failed in the latest term), 1: yellow card (GPA below the line), 2: spending down to a
    // fifth, 3: no activity for five days (lost contact), 4: two days (a first sign).
    // About one in sixty more: a counsellor's own list stays workable (at one in twelve the demo counsellor's My work
    // held ~90 academic warnings, and a new follow-up fell past the page's first hundred items).
    const weak = role === 0 || role === 1 || (role > 8 && random.chance(0.015));
    for (const [t, term] of terms.entries()) {
      COURSES.forEach((name, c) => {
        let score = 70 + random.int(0, 28);
        if (weak && t === 1)
          score = role === 0 ? (c < 3 ? 40 + random.int(0, 15) : 62) : 60 + random.int(0, 6);
        else if (weak && random.chance(0.3)) score = 50 + random.int(0, 15);
        grades.push({
          studentNumber: student.studentNumber,
          term,
          courseCode: `C${t}${c}`,
          courseName: name,
          credit: c < 2 ? 4 : 2,
          score,
        });
      });
    }
    if (college > 1) continue;
    const quiet = role === 3 ? 5 : role === 4 ? 2 : 0;
    const dropped = role === 2 || (role > 8 && random.chance(0.02));
    const usual = 25 + random.int(0, 20);
    for (let day = 69; day >= quiet; day -= 3) {
      const amount = dropped && day < 14 ? Math.round(usual / 5) : usual + random.int(-5, 5);
      card.push({
        studentNumber: student.studentNumber,
        occurredAt: at(day, 12),
        ref: `D${student.studentNumber}${day}`,
        amount: amount * 3,
        place: random.chance(0.8) ? 'canteen' : 'shop',
      });
    }
    activity.push({
      studentNumber: student.studentNumber,
      occurredAt: at(Math.max(quiet, 0), 8),
      source: 'door',
    });
    if (quiet === 0)
      activity.push({
        studentNumber: student.studentNumber,
        occurredAt: at(1, 20),
        source: random.pick(['library', 'wifi', 'attendance'] as const),
      });
  }
  return { terms, grades, card, activity };
}

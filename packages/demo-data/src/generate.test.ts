import { describe, expect, it, vi } from 'vitest';

// Each school's checks walk 5,000 students with several expects each: well under a second alone, but more than
// vitest's 5 s default when the whole monorepo's tests share two cores.
vi.setConfig({ testTimeout: 30_000 });

import { DEMO_ACCOUNT_TABLE, DEMO_PASSWORD } from './accounts.ts';
import { generateDemoSchool } from './generate.ts';
import { DEMO_SCHOOL_CODES, schoolProfile } from './schools/index.ts';
import { DEMO_ROLES, type DemoSchool, type DemoUnit, type NetworkLevel } from './types.ts';

const LOWER_LEVELS: NetworkLevel[] = [
  { key: 'college', name: '学院心理辅导站', nameEn: 'College counselling station' },
  { key: 'class', name: '班级', nameEn: 'Class' },
  { key: 'dorm', name: '寝室', nameEn: 'Dorm' },
];
const CENTER: NetworkLevel = {
  key: 'center',
  name: '心理健康教育中心',
  nameEn: 'Mental-health education center',
};

// hrbmu's five levels start with its leadership group; the other seed schools start at the center.
function levelsOf(code: string): NetworkLevel[] {
  const leadership: NetworkLevel = {
    key: 'leadership',
    name: '学校领导小组',
    nameEn: 'School leadership group',
  };
  return code === 'hrbmu' ? [leadership, CENTER, ...LOWER_LEVELS] : [CENTER, ...LOWER_LEVELS];
}

const schools = new Map<string, DemoSchool>(
  DEMO_SCHOOL_CODES.map((code) => [code, generateDemoSchool({ schoolCode: code, levels: levelsOf(code) })]),
);

function ancestry(units: Map<string, DemoUnit>, ref: string): string[] {
  const chain: string[] = [];
  for (let unit = units.get(ref); unit; unit = unit.parentRef ? units.get(unit.parentRef) : undefined) {
    chain.push(unit.levelKey);
  }
  return chain.reverse();
}

// Map.groupBy arrives with Node 21; the project runs on Node 20.
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe.each(DEMO_SCHOOL_CODES)('generateDemoSchool(%s)', (code) => {
  const school = schools.get(code)!;
  const units = new Map(school.units.map((u) => [u.ref, u]));
  const levelKeys = levelsOf(code).map((l) => l.key);

  it('gives deep-equal output for the same seed and different students for another seed', () => {
    expect(generateDemoSchool({ schoolCode: code, levels: levelsOf(code) })).toEqual(school);
    const other = generateDemoSchool({ schoolCode: code, levels: levelsOf(code), seed: 2 });
    expect(other.students.slice(0, 20).map((s) => s.name)).not.toEqual(
      school.students.slice(0, 20).map((s) => s.name),
    );
  });

  it('builds one tree: unique refs, one root, parents listed before their children, one level down each step', () => {
    expect(units.size).toBe(school.units.length);
    expect(school.units.filter((u) => u.parentRef === null)).toHaveLength(1);
    const seen = new Set<string>();
    for (const unit of school.units) {
      if (unit.parentRef !== null) {
        expect(seen.has(unit.parentRef), `${unit.ref} comes after its parent`).toBe(true);
        const parentLevel = units.get(unit.parentRef)!.levelKey;
        expect(levelKeys.indexOf(unit.levelKey)).toBe(levelKeys.indexOf(parentLevel) + 1);
      }
      seen.add(unit.ref);
    }
  });

  it('opens 6-10 colleges of the school and classes for four enrolment years', () => {
    const colleges = school.units.filter((u) => u.levelKey === 'college');
    expect(colleges.length).toBeGreaterThanOrEqual(6);
    expect(colleges.length).toBeLessThanOrEqual(10);
    const collegeNames = schoolProfile(code).colleges.map((c) => c.name);
    expect(colleges.every((c) => collegeNames.includes(c.name))).toBe(true);
    expect(new Set(school.students.map((s) => s.enrolmentYear))).toEqual(new Set([2023, 2024, 2025, 2026]));
    const classes = school.units.filter((u) => u.levelKey === 'class');
    expect(classes.every((c) => /^\p{Script=Han}+20(23|24|25|26)级\d+班$/u.test(c.name))).toBe(true);
    const dorms = school.units.filter((u) => u.levelKey === 'dorm');
    expect(dorms.every((d) => /^\d+号楼[1-6]\d\d室$/.test(d.name))).toBe(true);
  });

  it('generates 5000 students with unique, well-formed student numbers and contacts', () => {
    expect(school.students).toHaveLength(5000);
    const numbers = school.students.map((s) => s.studentNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const s of school.students) {
      expect(s.studentNumber.slice(0, 4)).toBe(String(s.enrolmentYear));
      expect(s.studentNumber).toMatch(/^20\d{8}$/);
      expect(s.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(s.phone).toMatch(/^1[35789]\d{9}$/);
      expect(s.guardians.length).toBeGreaterThan(0);
      for (const g of s.guardians) expect(g.phone).toMatch(/^1\d{10}$/);
    }
  });

  it('places every student on an existing dorm whose class and college are the student’s own', () => {
    for (const s of school.students) {
      const dorm = units.get(s.dormRef);
      expect(dorm?.levelKey).toBe('dorm');
      expect(dorm?.parentRef).toBe(s.classRef);
      expect(units.get(s.classRef)?.parentRef).toBe(s.collegeRef);
      expect(ancestry(units, s.dormRef)).toEqual(levelKeys);
    }
  });

  it('fills rooms with students of one gender, at most the school’s beds per room, and no empty dorms', () => {
    const byDorm = groupBy(school.students, (s) => s.dormRef);
    expect(byDorm.size).toBe(school.units.filter((u) => u.levelKey === 'dorm').length);
    for (const residents of byDorm.values()) {
      expect(residents.length).toBeLessThanOrEqual(schoolProfile(code).bedsPerRoom);
      expect(new Set(residents.map((s) => s.gender)).size).toBe(1);
    }
    const classSizes = groupBy(school.students, (s) => s.classRef);
    for (const members of classSizes.values()) expect(members.length).toBeLessThanOrEqual(40);
  });

  it('has the named demo accounts first, one per role on a unit of the right level, plus a counsellor in a second college', () => {
    expect(new Set(school.accounts.flatMap((a) => a.roles.map((r) => r.role)))).toEqual(new Set(DEMO_ROLES));
    expect(school.accounts.slice(0, DEMO_ACCOUNT_TABLE.length).map((a) => a.username)).toEqual(
      DEMO_ACCOUNT_TABLE.map((r) => r.username),
    );
    expect(school.accounts.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
    const unitOf = (username: string) =>
      units.get(school.accounts.find((a) => a.username === username)!.roles[0]!.unitRef)!;
    const rootRef = school.units.find((u) => u.parentRef === null)!.ref;
    expect(unitOf('admin').ref).toBe(rootRef);
    expect(unitOf('affairs').ref).toBe(rootRef);
    expect(unitOf('alliance').ref).toBe(rootRef);
    expect(unitOf('director').levelKey).toBe('center');
    expect(unitOf('center').levelKey).toBe('center');
    expect(unitOf('station').levelKey).toBe('college');
    expect(unitOf('counsellor').levelKey).toBe('college');
    expect(unitOf('counsellor2').levelKey).toBe('college');
    expect(unitOf('counsellor2').ref).not.toBe(unitOf('counsellor').ref);
    expect(unitOf('headteacher').parentRef).toBe(unitOf('counsellor').ref);
    expect(unitOf('committee').ref).toBe(unitOf('headteacher').ref);
    expect(unitOf('liaison').parentRef).toBe(unitOf('headteacher').ref);
  });

  it('staffs every college with a station head and two counsellors, every class with a head teacher', () => {
    const usernames = school.accounts.map((a) => a.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    const holders = (role: string, unitRef: string) =>
      school.accounts.filter((a) => a.roles.some((r) => r.role === role && r.unitRef === unitRef));
    for (const college of school.units.filter((u) => u.levelKey === 'college')) {
      expect(holders('college_station_head', college.ref), college.ref).toHaveLength(1);
      expect(holders('counsellor', college.ref), college.ref).toHaveLength(2);
    }
    for (const klass of school.units.filter((u) => u.levelKey === 'class')) {
      expect(holders('head_teacher', klass.ref), klass.ref).toHaveLength(1);
    }
    const extra = usernames.slice(DEMO_ACCOUNT_TABLE.length);
    expect(
      extra.every((u) => /^(station-\d\d|counsellor-\d\d-[12]|headteacher-\d\d-\d{4}-\d\d)$/.test(u)),
    ).toBe(true);
    // The named station head and counsellor keep the first college; its second counsellor is counsellor-01-2.
    expect(
      holders('counsellor', school.accounts.find((a) => a.username === 'counsellor')!.roles[0]!.unitRef).map(
        (a) => a.username,
      ),
    ).toEqual(['counsellor', 'counsellor-01-2']);
    expect(
      extra.every((u) => school.accounts.find((a) => a.username === u)!.password === DEMO_PASSWORD),
    ).toBe(true);
  });

  it('makes the committee member a student of that class and the liaison a resident of that dorm', () => {
    const account = (username: string) => school.accounts.find((a) => a.username === username)!;
    const studentOf = (username: string) =>
      school.students.find((s) => s.studentNumber === account(username).studentNumber)!;
    expect(studentOf('committee').classRef).toBe(account('committee').roles[0]!.unitRef);
    expect(studentOf('committee').name).toBe(account('committee').displayName);
    expect(studentOf('liaison').dormRef).toBe(account('liaison').roles[0]!.unitRef);
  });

  it('reports the school’s real enrolment apart from the generated students', () => {
    expect(school.enrolmentFigures.generatedStudents).toBe(5000);
    expect(school.enrolmentFigures.enrolledStudents).toBe(schoolProfile(code).enrolledStudents);
    expect(school.enrolmentFigures.enrolledStudents).toBeGreaterThan(5000);
    expect(school.enrolmentFigures.note).toContain('演示');
  });

  it('lists center staff on both sides of the 40 h / 20 h training minimums', () => {
    const fullTime = school.centerStaff.filter((s) => s.employment === 'fullTime');
    const partTime = school.centerStaff.filter((s) => s.employment === 'partTime');
    expect(fullTime).toHaveLength(schoolProfile(code).centerStaff.fullTime);
    expect(fullTime.some((s) => s.trainingHoursThisYear < 40)).toBe(true);
    expect(fullTime.some((s) => s.trainingHoursThisYear >= 40)).toBe(true);
    expect(partTime.some((s) => s.trainingHoursThisYear < 20)).toBe(true);
    expect(partTime.some((s) => s.trainingHoursThisYear >= 20)).toBe(true);
  });
});

describe('generateDemoSchool input checks', () => {
  it('puts the center accounts on the root when the center is the root', () => {
    const school = schools.get('hut')!;
    const director = school.accounts.find((a) => a.username === 'director')!;
    expect(director.roles[0]!.unitRef).toBe('hut');
  });

  it('keeps staff names when only the student count changes', () => {
    const small = generateDemoSchool({ schoolCode: 'hut', levels: levelsOf('hut'), studentCount: 300 });
    expect(small.students).toHaveLength(300);
    expect(small.centerStaff).toEqual(schools.get('hut')!.centerStaff);
  });

  it('rejects an unknown school, naming the known codes', () => {
    expect(() => generateDemoSchool({ schoolCode: 'pku', levels: levelsOf('hut') })).toThrow(
      /unknown demo school 'pku'.*hrbmu/,
    );
  });

  it('rejects levels that do not end with college, class, dorm', () => {
    const levels = [CENTER, LOWER_LEVELS[0]!, LOWER_LEVELS[2]!];
    expect(() => generateDemoSchool({ schoolCode: 'hut', levels })).toThrow(
      /ending with college, class, dorm; got \[center, college, dorm\]/,
    );
    expect(() => generateDemoSchool({ schoolCode: 'hut', levels: LOWER_LEVELS })).toThrow(
      /at least one level above college/,
    );
  });

  it('rejects a student count that is not a positive integer', () => {
    expect(() => generateDemoSchool({ schoolCode: 'hut', levels: levelsOf('hut'), studentCount: 0 })).toThrow(
      /studentCount/,
    );
  });
});

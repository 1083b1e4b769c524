/** One level of a school's work network, root-first, as the school's policy plugin declares it. */
export interface NetworkLevel {
  key: string;
  name: string;
  nameEn: string;
}

/** A unit of the work network. `ref` is stable across runs and is how other demo objects point at it. */
export interface DemoUnit {
  ref: string;
  parentRef: string | null;
  levelKey: string;
  /** Chinese name as the school writes it, e.g. 临床医学2024级2班 or 3号楼312室. */
  name: string;
}

export type Gender = 'male' | 'female';

export type GuardianRelation = '父亲' | '母亲' | '祖父' | '祖母' | '外祖父' | '外祖母' | '其他监护人';

export interface DemoGuardian {
  name: string;
  relation: GuardianRelation;
  phone: string;
}

export interface DemoStudent {
  /** Unique per school: enrolment year + two-digit college code + four-digit serial, e.g. 2024030127. */
  studentNumber: string;
  name: string;
  gender: Gender;
  enrolmentYear: number;
  collegeRef: string;
  classRef: string;
  dormRef: string;
  phone: string;
  guardians: DemoGuardian[];
}

/**
 * The server's role ids (`roles` in @xinqiao/db), written out because this package imports nothing of ours; the API's
 * seed fails to compile and its test fails when the two lists differ.
 */
export const DEMO_ROLES = [
  'school_admin',
  'center_director',
  'center_staff',
  'college_station_head',
  'counsellor',
  'head_teacher',
  'class_committee',
  'dorm_liaison',
  'student_affairs',
  'alliance_officer',
] as const;

export type DemoRole = (typeof DEMO_ROLES)[number];

export interface DemoRoleAssignment {
  role: DemoRole;
  unitRef: string;
}

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roles: DemoRoleAssignment[];
  /** Set when the account belongs to a student (class psych committee member, dorm liaison). */
  studentNumber?: string;
}

/**
 * The school's real head count for the year, used by staffing and funding formulas.
 * Only `generatedStudents` of them exist as demo records.
 */
export interface EnrolmentFigures {
  academicYear: number;
  enrolledStudents: number;
  generatedStudents: number;
  /** Says, in Chinese, that the head count is approximate and only part of it is generated. */
  note: string;
  noteEn: string;
}

export type Employment = 'fullTime' | 'partTime';

/** A mental-health teacher of the center, with this year's training hours. */
export interface CenterStaffMember {
  name: string;
  gender: Gender;
  employment: Employment;
  trainingHoursThisYear: number;
}

/** Everything the API's seeding inserts for one school. */
export interface DemoSchool {
  code: string;
  name: string;
  nameEn: string;
  academicYear: number;
  levels: NetworkLevel[];
  units: DemoUnit[];
  students: DemoStudent[];
  accounts: DemoAccount[];
  enrolmentFigures: EnrolmentFigures;
  centerStaff: CenterStaffMember[];
}

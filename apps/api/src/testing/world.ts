import {
  type Database,
  people,
  type Role,
  roleAssignments,
  schools,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import {
  allowSchoolProvisioning,
  runInTransaction,
  scopeTransaction,
} from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { hashPassword } from '../auth/password.ts';
import { tenantScope } from '../auth/scope.ts';

/** The password of every account of the test world. */
export const TEST_PASSWORD = 'xinqiao-test-password';

/** A college of a test school with its one class and one dorm, and the students placed there. */
export interface TestCollege {
  id: string;
  path: string;
  classId: string;
  classPath: string;
  dormId: string;
  dormPath: string;
  /** Student ids: the first two live in the dorm, the third has no dorm. */
  studentIds: string[];
  studentNumbers: string[];
}

/** One school of the test world. */
export interface TestSchool {
  id: string;
  code: string;
  rootId: string;
  centerId: string;
  colleges: [TestCollege, TestCollege];
  /** Person id by username. */
  people: Record<string, string>;
}

/** Two schools, `alpha` and `beta`, each with the same shape: see {@link seedTestWorld}. */
export interface TestWorld {
  schools: { alpha: TestSchool; beta: TestSchool };
}

/** The accounts of each test school: username, role, and where the role sits. */
export const TEST_ACCOUNTS: readonly {
  username: string;
  role: Role;
  on: 'root' | 'center' | 'college1' | 'college2' | 'class1' | 'dorm1';
}[] = [
  { username: 'admin', role: 'school_admin', on: 'root' },
  { username: 'director', role: 'center_director', on: 'center' },
  { username: 'staff', role: 'center_staff', on: 'center' },
  { username: 'station1', role: 'college_station_head', on: 'college1' },
  { username: 'counsellor1', role: 'counsellor', on: 'college1' },
  { username: 'counsellor2', role: 'counsellor', on: 'college2' },
  { username: 'teacher1', role: 'head_teacher', on: 'class1' },
  { username: 'committee1', role: 'class_committee', on: 'class1' },
  { username: 'liaison1', role: 'dorm_liaison', on: 'dorm1' },
  { username: 'affairs', role: 'student_affairs', on: 'root' },
  { username: 'alliance', role: 'alliance_officer', on: 'root' },
];

let passwordHash: Promise<string> | undefined;

/**
 * Seed two small schools through the same RLS-guarded path the platform uses. Each school: a root unit
 * (school) → center → two colleges → one class each → one dorm each; three students per class (two in the
 * dorm); and one account per entry of {@link TEST_ACCOUNTS}, all with {@link TEST_PASSWORD}.
 *
 * @example
 * ```ts
 * const world = await seedTestWorld(db);
 * world.schools.alpha.colleges[0].studentIds; // visible to alpha's counsellor1, to nobody at beta
 * ```
 */
export async function seedTestWorld(db: Database): Promise<TestWorld> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const alpha = await seedSchool(db, 'alpha', '阿尔法大学', hash);
  const beta = await seedSchool(db, 'beta', '贝塔大学', hash);
  return { schools: { alpha, beta } };
}

async function seedSchool(db: Database, code: string, name: string, hash: string): Promise<TestSchool> {
  return runInTransaction(db, async (unscoped) => {
    await allowSchoolProvisioning(unscoped);
    const [school] = await unscoped
      .insert(schools)
      .values({
        code,
        name,
        nameEn: `${code[0]!.toUpperCase()}${code.slice(1)} University`,
        networkLevels: [
          { key: 'school', name: '学校', nameEn: 'School' },
          { key: 'center', name: '心理健康教育中心', nameEn: 'Center' },
          { key: 'college', name: '学院', nameEn: 'College' },
          { key: 'class', name: '班级', nameEn: 'Class' },
          { key: 'dorm', name: '寝室', nameEn: 'Dorm' },
        ],
      })
      .returning({ id: schools.id });
    const schoolId = school!.id;
    const tx = await scopeTransaction(
      unscoped,
      tenantScope({
        schoolId,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
      }),
    );
    const root = await addUnit(tx, schoolId, null, 'school', name);
    const center = await addUnit(tx, schoolId, root.id, 'center', '心理健康教育中心');
    const colleges = [] as unknown as [TestCollege, TestCollege];
    for (const n of [1, 2]) {
      const college = await addUnit(tx, schoolId, center.id, 'college', `第${n}学院`);
      const klass = await addUnit(tx, schoolId, college.id, 'class', `第${n}学院2024级1班`);
      const dorm = await addUnit(tx, schoolId, klass.id, 'dorm', `${n}号楼101室`);
      const placed = await addStudents(tx, schoolId, code, n, college.id, klass.id, dorm.id);
      colleges.push({
        id: college.id,
        path: college.path,
        classId: klass.id,
        classPath: klass.path,
        dormId: dorm.id,
        dormPath: dorm.path,
        ...placed,
      });
    }
    const unitOf = {
      root: root.id,
      center: center.id,
      college1: colleges[0].id,
      college2: colleges[1].id,
      class1: colleges[0].classId,
      dorm1: colleges[0].dormId,
    };
    const peopleIds: Record<string, string> = {};
    for (const account of TEST_ACCOUNTS) {
      const [person] = await tx
        .insert(people)
        .values({
          schoolId,
          username: account.username,
          displayName: `${name}${account.username}`,
          passwordHash: hash,
        })
        .returning({ id: people.id });
      peopleIds[account.username] = person!.id;
      await tx
        .insert(roleAssignments)
        .values({ schoolId, personId: person!.id, role: account.role, unitId: unitOf[account.on] });
    }
    return { id: schoolId, code, rootId: root.id, centerId: center.id, colleges, people: peopleIds };
  });
}

async function addUnit(
  tx: TenantTx,
  schoolId: string,
  parentId: string | null,
  levelKey: string,
  name: string,
) {
  const [unit] = await tx
    .insert(units)
    .values({ schoolId, parentId, levelKey, name, depth: 0, path: '' })
    .returning({ id: units.id, path: units.path });
  return unit!;
}

async function addStudents(
  tx: TenantTx,
  schoolId: string,
  code: string,
  college: number,
  collegeUnitId: string,
  classUnitId: string,
  dormUnitId: string,
): Promise<{ studentIds: string[]; studentNumbers: string[] }> {
  const studentIds: string[] = [];
  const studentNumbers: string[] = [];
  for (const n of [1, 2, 3]) {
    const studentNumber = `${code}-${college}-${n}`;
    const [student] = await tx
      .insert(students)
      .values({
        schoolId,
        studentNumber,
        name: `学生${college}${n}`,
        gender: n % 2 ? 'female' : 'male',
        enrolmentYear: 2024,
        collegeUnitId,
        classUnitId,
        dormUnitId: n < 3 ? dormUnitId : null,
      })
      .returning({ id: students.id });
    studentIds.push(student!.id);
    studentNumbers.push(studentNumber);
  }
  return { studentIds, studentNumbers };
}

import {
  appendAudit,
  centerStaffMembers,
  type Database,
  type NetworkLevel,
  people,
  type Role,
  refreshStatistics,
  roleAssignments,
  schools,
  schoolYearFigures,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import {
  allowSchoolProvisioning,
  runInTransaction,
  scopeTransaction,
} from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { DEMO_SCHOOL_CODES, type DemoSchool, generateDemoSchool } from '@xinqiao/demo-data';
import { hashPassword } from '../auth/password.ts';
import { tenantScope } from '../auth/scope.ts';
import { seedDemoAllianceFor } from '../modules/alliance/seed.ts';
import { seedDemoRatingsFor, seedDemoStudentSideFor } from '../modules/appointments/seed.ts';
import { seedDemoHospitalsFor } from '../modules/crises/seed.ts';
import { seedDemoSupportFor } from '../modules/support/seed.ts';
import { seedDemoTreeHoleFor } from '../modules/tree-hole/seed.ts';
import { seedDemoFeeds } from './demo-warnings.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 bound parameters for the widest table. */
const BATCH = 1000;

export type SeedProgress = (message: string) => void;

/**
 * Seeds the four seed schools with their networks, about 5,000 synthetic students each and one demo account
 * per role, when the database has no school yet. Each school is one transaction: a failure leaves nothing.
 * Network levels come from each school's policy plugin; a school whose plugin did not load is skipped.
 *
 * @example
 * await seedDemoDataIfEmpty(db, (code) => catalog.active(code)?.manifest.network.levels, console.log);
 */
export async function seedDemoDataIfEmpty(
  db: Database,
  levelsFor: (schoolCode: string) => NetworkLevel[] | undefined,
  progress: SeedProgress = () => {},
  studentCount?: number | ((schoolCode: string) => number | undefined),
): Promise<string[]> {
  const existing = await runInTransaction(db, (tx) => tx.select({ id: schools.id }).from(schools).limit(1));
  if (existing.length > 0) return [];
  const seeded: string[] = [];
  for (const code of DEMO_SCHOOL_CODES) {
    const levels = levelsFor(code);
    if (!levels) {
      progress(`跳过 ${code}: 该校策略插件未加载 (skipped ${code}: its policy plugin did not load)`);
      continue;
    }
    const count = typeof studentCount === 'function' ? studentCount(code) : studentCount;
    const school = generateDemoSchool({
      schoolCode: code,
      levels,
      ...(count ? { studentCount: count } : {}),
    });
    const schoolId = await seedDemoSchool(db, school);
    // A term of synthetic grades, card spending and campus activity; its warnings are evaluated by the job worker.
    await seedDemoFeeds(db, schoolId, school);
    progress(`已创建演示学校 ${school.name} (${school.students.length} 名学生) / seeded ${school.nameEn}`);
    seeded.push(code);
  }
  // The planner needs statistics to use the indexes; PGlite gathers none by itself (docs/performance.md).
  if (seeded.length > 0) await refreshStatistics(db);
  return seeded;
}

/** Inserts one generated school through the same RLS-guarded transaction every request uses. */
export async function seedDemoSchool(db: Database, school: DemoSchool): Promise<string> {
  // Every demo account shares one published password: hash it once, not a few hundred times per school.
  const hashOf = new Map<string, Promise<string>>();
  for (const { password } of school.accounts)
    if (!hashOf.has(password)) hashOf.set(password, hashPassword(password));
  const hashes = await Promise.all(school.accounts.map((account) => hashOf.get(account.password)!));
  const seeded = await runInTransaction(db, async (unscoped) => {
    await allowSchoolProvisioning(unscoped);
    const [row] = await unscoped
      .insert(schools)
      .values({ code: school.code, name: school.name, nameEn: school.nameEn, networkLevels: school.levels })
      .returning({ id: schools.id });
    const schoolId = row!.id;
    const tx = await scopeTransaction(
      unscoped,
      tenantScope({
        schoolId,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
        // The student side's demo publishes the center's slots and books one, and answers the tree hole (RLS
        // checks the capabilities).
        capabilities: ['counselling.manage', 'treehole.reply'],
      }),
    );
    const unitIds = await insertUnits(tx, schoolId, school);
    await insertStudents(tx, schoolId, school, unitIds);
    await insertAccounts(tx, schoolId, school, unitIds, hashes);
    await insertStudentAffairsFigures(tx, schoolId, school);
    await seedDemoAllianceFor(tx, schoolId, school.code);
    await seedDemoHospitalsFor(tx, schoolId, school.code, new Date());
    await seedDemoSupportFor(tx, schoolId, school.code, new Date());
    const studentSide = await seedDemoStudentSideFor(tx, schoolId, hashes[0]!, new Date());
    await seedDemoTreeHoleFor(tx, schoolId, school.code, new Date());
    await appendAudit(tx, {
      schoolId,
      actorPersonId: null,
      actorRole: 'platform',
      actorUnitId: null,
      action: 'school.seed_demo',
      entity: 'school',
      entityId: schoolId,
      purpose: '演示数据初始化',
    });
    return { schoolId, demoStudent: studentSide.personIds[0] };
  });
  // Anonymous ratings are added by a student's transaction only (RLS): the first demo student's.
  const { schoolId, demoStudent } = seeded;
  if (demoStudent) {
    await runInTransaction(db, async (unscoped) => {
      const asStudent = await scopeTransaction(
        unscoped,
        tenantScope({ schoolId, personId: demoStudent, fullScopePaths: [], reducedScopePaths: [] }),
      );
      await seedDemoRatingsFor(asStudent, schoolId, new Date());
    });
  }
  return schoolId;
}

async function insertUnits(tx: TenantTx, schoolId: string, school: DemoSchool): Promise<Map<string, string>> {
  const ids = new Map(school.units.map((unit) => [unit.ref, crypto.randomUUID()]));
  // Parents first: the path trigger reads each unit's parent, so insert level by level.
  for (const level of school.levels) {
    const rows = school.units
      .filter((unit) => unit.levelKey === level.key)
      .map((unit) => ({
        id: ids.get(unit.ref)!,
        schoolId,
        parentId: unit.parentRef ? ids.get(unit.parentRef)! : null,
        levelKey: unit.levelKey,
        name: unit.name,
        depth: 0,
        path: '',
      }));
    for (let i = 0; i < rows.length; i += BATCH) await tx.insert(units).values(rows.slice(i, i + BATCH));
  }
  return ids;
}

async function insertStudents(
  tx: TenantTx,
  schoolId: string,
  school: DemoSchool,
  unitIds: Map<string, string>,
) {
  const rows = school.students.map((student) => ({
    schoolId,
    studentNumber: student.studentNumber,
    name: student.name,
    gender: student.gender,
    enrolmentYear: student.enrolmentYear,
    collegeUnitId: unitIds.get(student.collegeRef)!,
    classUnitId: unitIds.get(student.classRef)!,
    dormUnitId: unitIds.get(student.dormRef) ?? null,
    phone: student.phone,
    guardians: student.guardians,
  }));
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(students).values(rows.slice(i, i + BATCH));
}

async function insertAccounts(
  tx: TenantTx,
  schoolId: string,
  school: DemoSchool,
  unitIds: Map<string, string>,
  hashes: string[],
) {
  const personRows = await tx
    .insert(people)
    .values(
      school.accounts.map((account, index) => ({
        schoolId,
        username: account.username,
        displayName: account.displayName,
        passwordHash: hashes[index]!,
      })),
    )
    .returning({ id: people.id, username: people.username });
  const personIds = new Map(personRows.map((row) => [row.username, row.id]));
  // Assigned in the order of the account table, a millisecond apart: where a unit has two counsellors, the named
  // one (`counsellor`) was there first, and the screening import gives follow-ups to the first assigned.
  const since = Date.now();
  const assignments = school.accounts.flatMap((account, index) =>
    account.roles.map((assignment) => ({
      schoolId,
      personId: personIds.get(account.username)!,
      role: assignment.role satisfies Role, // demo-data's role ids must be the server's
      unitId: unitIds.get(assignment.unitRef)!,
      createdAt: new Date(since + index),
    })),
  );
  for (let i = 0; i < assignments.length; i += BATCH) {
    await tx.insert(roleAssignments).values(assignments.slice(i, i + BATCH));
  }
}

async function insertStudentAffairsFigures(tx: TenantTx, schoolId: string, school: DemoSchool) {
  const year = school.enrolmentFigures.academicYear;
  await tx
    .insert(schoolYearFigures)
    .values({ schoolId, academicYear: year, enrolment: school.enrolmentFigures.enrolledStudents });
  await tx.insert(centerStaffMembers).values(
    school.centerStaff.map((member) => ({
      schoolId,
      academicYear: year,
      name: member.name,
      employment: member.employment === 'fullTime' ? ('full_time' as const) : ('part_time' as const),
      trainingHours: member.trainingHoursThisYear,
    })),
  );
}

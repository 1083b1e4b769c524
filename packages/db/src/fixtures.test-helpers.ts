import { eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { schools, students, units } from './schema/index.ts';
import {
  allowSchoolProvisioning,
  issueTenantScope,
  runInTransaction,
  scopeTransaction,
  type TenantScope,
} from './transaction.ts';

/** A small school for database tests: a center with two colleges, each with one class and one dorm. */
export interface TinySchool {
  schoolId: string;
  center: { id: string; path: string };
  colleges: {
    id: string;
    path: string;
    classId: string;
    classPath: string;
    dormId: string;
    dormPath: string;
  }[];
  studentIds: string[];
}

export function fullScope(schoolId: string, paths: string[]): TenantScope {
  return issueTenantScope({ schoolId, personId: null, fullScopePaths: paths, reducedScopePaths: [] });
}

/** Creates a school through the same RLS-guarded path the platform uses. */
export async function createTinySchool(db: Database, code: string): Promise<TinySchool> {
  return runInTransaction(db, async (unscoped) => {
    await allowSchoolProvisioning(unscoped);
    const [school] = await unscoped
      .insert(schools)
      .values({
        code,
        name: `${code} 大学`,
        nameEn: code,
        networkLevels: [
          { key: 'center', name: '中心', nameEn: 'Center' },
          { key: 'college', name: '学院', nameEn: 'College' },
          { key: 'class', name: '班级', nameEn: 'Class' },
          { key: 'dorm', name: '寝室', nameEn: 'Dorm' },
        ],
      })
      .returning();
    const schoolId = school!.id;
    const tx = await scopeTransaction(unscoped, fullScope(schoolId, ['/']));
    const addUnit = async (parentId: string | null, levelKey: string, name: string) => {
      const [unit] = await tx
        .insert(units)
        .values({ schoolId, parentId, levelKey, name, depth: 0, path: '' })
        .returning();
      return unit!;
    };
    const center = await addUnit(null, 'center', '心理健康教育中心');
    const colleges: TinySchool['colleges'] = [];
    const studentIds: string[] = [];
    for (const [index, collegeName] of ['医学院', '药学院'].entries()) {
      const college = await addUnit(center.id, 'college', collegeName);
      const klass = await addUnit(college.id, 'class', `${collegeName}2024级1班`);
      const dorm = await addUnit(klass.id, 'dorm', `${index + 1}号楼101室`);
      colleges.push({
        id: college.id,
        path: college.path,
        classId: klass.id,
        classPath: klass.path,
        dormId: dorm.id,
        dormPath: dorm.path,
      });
      for (let n = 1; n <= 2; n++) {
        const [student] = await tx
          .insert(students)
          .values({
            schoolId,
            studentNumber: `2024${index}${n}`,
            name: `学生${index}${n}`,
            gender: n % 2 ? 'female' : 'male',
            enrolmentYear: 2024,
            collegeUnitId: college.id,
            classUnitId: klass.id,
            dormUnitId: n === 1 ? dorm.id : null,
          })
          .returning({ id: students.id });
        studentIds.push(student!.id);
      }
    }
    await tx.select().from(schools).where(eq(schools.id, schoolId));
    return { schoolId, center: { id: center.id, path: center.path }, colleges, studentIds };
  });
}

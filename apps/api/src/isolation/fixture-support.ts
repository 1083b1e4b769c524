import { randomUUID } from 'node:crypto';
import { disciplinarySanctions, supportFiles, supportListEntries, supportLists } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { tenantScope } from '../auth/scope.ts';
import type { TestApp } from '../testing/index.ts';
import type { FixtureSchool } from './fixture.ts';

/**
 * A support list per college's class (issue 14) with the college's first student confirmed, the support file with a
 * plan, and a sanction: written by the college's counsellor, who runs support there. The plan and the sanction are
 * sensitive: the reduced view never sees a support file (seed 004's 保密原则).
 */
export async function addSupport(t: TestApp, school: FixtureSchool): Promise<void> {
  for (const college of school.colleges) {
    const where = `${school.code} college ${college.index + 1}`;
    const counsellorId = school.world.people[college.index === 0 ? 'counsellor1' : 'counsellor2']!;
    const classId = school.world.colleges[college.index].classId;
    const ids = { list: randomUUID(), entry: randomUUID(), file: randomUUID(), sanction: randomUUID() };
    const plan = `${school.code}${college.index + 1}帮扶方案：每周学业辅导`;
    const sanction = `${school.code}${college.index + 1}处分：考试作弊`;
    const scope = tenantScope({
      schoolId: school.world.id,
      personId: counsellorId,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    await withTenant(t.db, scope, async (tx) => {
      const schoolId = school.world.id;
      const studentId = college.ids.student!;
      await tx.insert(supportLists).values({
        id: ids.list,
        schoolId,
        classUnitId: classId,
        term: '2024-2025-2',
        status: 'confirmed',
        pluginId: school.code,
        pluginVersion: '1.0.0',
      });
      await tx.insert(supportListEntries).values({
        id: ids.entry,
        schoolId,
        listId: ids.list,
        studentId,
        categories: [
          { category: 'academic', ruleName: 'three-failed-courses', zh: '不及格三门次以上', en: '3+' },
        ],
        facts: [],
        origin: 'rules',
        status: 'confirmed',
      });
      await tx.insert(supportFiles).values({
        id: ids.file,
        schoolId,
        entryId: ids.entry,
        listId: ids.list,
        studentId,
        plan: { academic: plan },
        planDueOn: '2025-03-17',
      });
      await tx.insert(disciplinarySanctions).values({
        id: ids.sanction,
        schoolId,
        studentId,
        sanction,
        level: 'warning',
        sanctionedOn: '2025-01-10',
      });
    });
    college.ids.supportList = ids.list;
    college.ids.supportEntry = ids.entry;
    college.ids.supportFile = ids.file;
    college.ids.sanction = ids.sanction;
    for (const marker of [plan, sanction]) school.sensitive.set(marker, `${where} support file`);
    for (const marker of [...Object.values(ids), plan, sanction]) {
      college.markers.set(marker, `${where} support`);
      school.markers.set(marker, `${where} support`);
    }
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { integrationTokens, warnings } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { sql } from 'drizzle-orm';
import { tenantScope } from '../auth/scope.ts';
import type { TestApp } from '../testing/index.ts';
import type { FixtureSchool } from './fixture.ts';

/**
 * An open academic warning per college (about the college's first student, so the reduced view never sees it) and
 * an integration token per school: the records `/api/warnings/{id}` and `/api/integration/tokens/{id}` name.
 */
export async function addWarnings(t: TestApp, school: FixtureSchool): Promise<void> {
  const schoolId = school.world.id;
  for (const college of school.colleges) {
    const where = `${school.code} college ${college.index + 1}`;
    const id = randomUUID();
    const reason = `${school.code}${college.index + 1}预警：不及格三门次`;
    const scope = tenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] });
    await withTenant(t.db, scope, (tx) =>
      tx.insert(warnings).values({
        id,
        schoolId,
        studentId: college.ids.student!,
        placementPath: sql`(SELECT placement_path FROM students WHERE id = ${college.ids.student!}::uuid)`,
        module: 'academic',
        level: 'red',
        reasons: [
          { ruleName: 'three-failed-courses', zh: reason, en: '3+ failed courses', values: { failed: 3 } },
        ],
        actions: ['talk'],
        deadlineWorkingDays: 5,
        dueOn: '2025-03-10',
        term: '2024-2025-1',
        pluginId: school.code,
        pluginVersion: '1.0.0',
      }),
    );
    college.ids.warning = id;
    school.sensitive.set(reason, `${where} warning`);
    for (const marker of [id, reason]) {
      college.markers.set(marker, `${where} warning`);
      school.markers.set(marker, `${where} warning`);
    }
  }
  const token = { id: randomUUID(), name: `${school.code}隔离令牌` };
  const scope = tenantScope({
    schoolId,
    personId: school.world.people.director!,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['integration.manage'],
  });
  await withTenant(t.db, scope, (tx) =>
    tx.insert(integrationTokens).values({
      ...token,
      schoolId,
      tokenHash: createHash('sha256').update(`isolation-${token.id}`).digest('hex'),
      prefix: `iso${school.code}`,
      feeds: ['grades'],
      createdBy: school.world.people.director!,
    }),
  );
  school.schoolIds.integrationToken = token.id;
  for (const marker of [token.id, token.name]) school.markers.set(marker, `${school.code} integration token`);
}

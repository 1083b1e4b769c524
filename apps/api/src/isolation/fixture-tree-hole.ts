import { randomUUID } from 'node:crypto';
import { treeHoleMessages } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { tenantScope } from '../auth/scope.ts';
import type { TestApp } from '../testing/index.ts';
import type { FixtureSchool } from './fixture.ts';

/**
 * A tree-hole message per school (a school's record: the center reads all of its school's, nobody else any), the
 * record `/api/tree-hole/messages/{id}` names. Written as the center could (the test schools have no plugin, so no
 * student can write one through the API); its text is a marker no other school and no college role may see.
 */
export async function addTreeHole(t: TestApp, school: FixtureSchool): Promise<void> {
  const schoolId = school.world.id;
  const id = randomUUID();
  const body = `${school.code}树洞留言：最近很难过`;
  const scope = tenantScope({
    schoolId,
    personId: school.world.people.director!,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['treehole.reply'],
  });
  await withTenant(t.db, scope, (tx) =>
    tx.insert(treeHoleMessages).values({
      id,
      schoolId,
      body,
      noticeVersion: '1',
      replyDueAt: new Date('2025-03-05T00:00:00Z'),
      pluginId: school.code,
      pluginVersion: '1.0.0',
    }),
  );
  school.schoolIds.treeHoleMessage = id;
  school.sensitive.set(body, `${school.code} tree-hole message`);
  for (const marker of [id, body]) school.markers.set(marker, `${school.code} tree-hole message`);
}

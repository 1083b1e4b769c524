import { allianceDepartments } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../../auth/caller.ts';
import { tenantScope } from '../../../auth/scope.ts';
import type { Me } from '../../../auth/session-types.ts';
import { createTestApp, type TestApp } from '../../../testing/index.ts';
import type { AllianceCaller } from '../access.ts';
import { createDepartment, overview } from './structure.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Runs `work` as `username` of school alpha (one role, on the school's root) through a service, as a job would. */
function asAlpha<T>(
  username: string,
  role: Me['roles'][number]['role'],
  work: (caller: AllianceCaller, asked: { plugin: boolean }) => Promise<T>,
): { result: Promise<T>; asked: { plugin: boolean } } {
  const alpha = t.world.schools.alpha;
  const me: Me = {
    person: { id: alpha.people[username]!, username, displayName: username },
    school: { id: alpha.id, code: alpha.code, name: '阿尔法大学', nameEn: 'Alpha University' },
    roles: [{ role, unitId: alpha.rootId, unitPath: '/', unitName: 'root', levelKey: 'school' }],
    csrfToken: '',
  };
  const scope = tenantScope({
    schoolId: alpha.id,
    personId: me.person.id,
    fullScopePaths: [],
    reducedScopePaths: [],
  });
  const asked = { plugin: false };
  const result = withTenant(t.db, scope, (tx) =>
    work(
      {
        ...callerFor(tx, me, scope, 'test'),
        plugin: () => {
          asked.plugin = true;
          throw new Error('the plugin is asked only after the access check');
        },
        now: new Date('2025-03-03T02:00:00Z'),
      },
      asked,
    ),
  );
  return { result, asked };
}

describe('alliance services check access themselves', () => {
  it('refuses a caller without alliance.read before the plugin is asked', async () => {
    const { result, asked } = asAlpha('counsellor1', 'counsellor', (caller) => overview(caller));
    await expect(result).rejects.toMatchObject({
      status: 403,
      code: 'auth.permission-denied',
      params: { permission: 'alliance.read' },
    });
    expect(asked.plugin).toBe(false);
  });

  it('refuses a caller without alliance.manage before anything is written', async () => {
    const alpha = t.world.schools.alpha;
    // Student affairs reads the alliance (alliance.read) but does not manage it.
    const { result } = asAlpha('affairs', 'student_affairs', async (caller) => {
      expect(caller.permissions).toContain('alliance.read');
      return createDepartment(caller, { name: '宣传部', kind: 'office' });
    });
    await expect(result).rejects.toMatchObject({
      status: 403,
      code: 'auth.permission-denied',
      params: { permission: 'alliance.manage' },
    });
    const everyone = tenantScope({
      schoolId: alpha.id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    expect(await withTenant(t.db, everyone, (tx) => tx.select().from(allianceDepartments))).toEqual([]);
  });
});

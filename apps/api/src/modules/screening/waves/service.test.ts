import { screeningWaves } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../../auth/caller.ts';
import { tenantScope } from '../../../auth/scope.ts';
import type { Me } from '../../../auth/session-types.ts';
import { createTestApp, type TestApp } from '../../../testing/index.ts';
import { createWave } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('screening waves: the service checks access itself', () => {
  it('refuses a caller without screening.manage before anything is written, whoever calls it', async () => {
    const alpha = t.world.schools.alpha;
    const college = alpha.colleges[0];
    const me: Me = {
      person: { id: alpha.people.counsellor1!, username: 'counsellor1', displayName: 'counsellor1' },
      school: { id: alpha.id, code: alpha.code, name: '阿尔法大学', nameEn: 'Alpha University' },
      roles: [
        {
          role: 'counsellor',
          unitId: college.id,
          unitPath: college.path,
          unitName: 'c1',
          levelKey: 'college',
        },
      ],
      csrfToken: '',
    };
    const scope = tenantScope({
      schoolId: alpha.id,
      personId: me.person.id,
      fullScopePaths: [college.path],
      reducedScopePaths: [],
    });
    const attempt = withTenant(t.db, scope, (tx) =>
      createWave(callerFor(tx, me, scope, 'test'), {
        academicYear: 2025,
        name: '越权批次',
        instrument: 'PHQ-9',
        cohort: 'all',
        opensOn: '2025-10-01',
        closesOn: '2025-10-31',
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      status: 403,
      code: 'auth.permission-denied',
      params: { permission: 'screening.manage' },
    });
    const everyone = tenantScope({
      schoolId: alpha.id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    const waves = await withTenant(t.db, everyone, (tx) => tx.select().from(screeningWaves));
    expect(waves).toEqual([]);
  });
});

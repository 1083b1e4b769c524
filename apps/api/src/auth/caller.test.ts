import type { TenantScope, TenantTx } from '@xinqiao/db';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../http/problem.ts';
import { callerFor, can, requirePermission, rolesGranting } from './caller.ts';
import { tenantScope } from './scope.ts';
import type { Me, RoleOnUnit } from './session-types.ts';

const on = (role: RoleOnUnit['role'], unitPath: string): RoleOnUnit => ({
  role,
  unitPath,
  unitId: unitPath,
  unitName: unitPath,
  levelKey: 'x',
});

const meWith = (...roles: RoleOnUnit[]): Me => ({
  person: { id: 'p', username: 'u', displayName: 'U' },
  school: { id: 's', code: 'alpha', name: '阿尔法大学', nameEn: 'Alpha University' },
  roles,
  csrfToken: '',
});

const scope: TenantScope = tenantScope({
  schoolId: 's',
  personId: 'p',
  fullScopePaths: [],
  reducedScopePaths: [],
});
const callerWith = (...roles: RoleOnUnit[]) =>
  callerFor(undefined as unknown as TenantTx, meWith(...roles), scope, 'test');

describe('auth/caller', () => {
  it('carries the permissions of all the caller’s roles', () => {
    const caller = callerWith(on('counsellor', '/r/c1/'), on('class_committee', '/r/c2/k/'));
    expect(can(caller, 'cases.write')).toBe(true);
    expect(can(caller, 'screening.answers')).toBe(false);
    expect(callerWith().permissions).toEqual([]);
  });

  it('refuses with the 403 problem when the roles do not allow the action, and lets it pass otherwise', () => {
    const committee = callerWith(on('class_committee', '/r/c1/k/'));
    expect(() => requirePermission(committee, 'cases.write')).toThrow(ProblemError);
    expect(() => requirePermission(committee, 'students.read')).not.toThrow();
    const refusal = (() => {
      try {
        requirePermission(committee, 'cases.write');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({
      status: 403,
      code: 'auth.permission-denied',
      params: { permission: 'cases.write' },
    });
  });

  it('names the role assignments that grant a permission, with their units', () => {
    const me = meWith(
      on('counsellor', '/r/c1/'),
      on('school_admin', '/r/c2/'),
      on('center_director', '/r/m/'),
    );
    expect(rolesGranting(me, 'people.manage').map((r) => r.unitPath)).toEqual(['/r/c2/']);
    expect(rolesGranting(me, 'network.manage').map((r) => r.role)).toEqual([
      'school_admin',
      'center_director',
    ]);
    expect(rolesGranting(me, 'screening.answers').map((r) => r.role)).toEqual(['center_director']);
  });
});

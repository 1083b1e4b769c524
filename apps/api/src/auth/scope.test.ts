import { describe, expect, it } from 'vitest';
import { scopeOf, tenantScope } from './scope.ts';
import type { RoleOnUnit } from './session-types.ts';

const on = (role: RoleOnUnit['role'], unitPath: string): RoleOnUnit => ({
  role,
  unitPath,
  unitId: unitPath,
  unitName: unitPath,
  levelKey: 'x',
});

describe('auth/scope', () => {
  it('gives each role its unit subtree, in full unless it is a reduced-view role', () => {
    const scope = scopeOf('s', 'p', [on('counsellor', '/r/c1/'), on('dorm_liaison', '/r/c2/k/d/')]);
    expect(scope).toEqual(
      tenantScope({
        schoolId: 's',
        personId: 'p',
        fullScopePaths: ['/r/c1/'],
        reducedScopePaths: ['/r/c2/k/d/'],
        capabilities: [],
        student: false,
      }),
    );
  });

  it('marks a student, and a student who is also a class committee member, as a student', () => {
    expect(scopeOf('s', 'p', [on('student', '/r/c1/k/')]).student).toBe(true);
    const both = scopeOf('s', 'p', [on('student', '/r/c1/k/'), on('class_committee', '/r/c1/k/')]);
    expect(both).toMatchObject({ student: true, reducedScopePaths: ['/r/c1/k/'] });
    expect(scopeOf('s', 'p', [on('counsellor', '/r/c1/')]).student).toBe(false);
  });

  it('lets only the mental-health center read screening answers and manage screening', () => {
    expect(scopeOf('s', 'p', [on('center_staff', '/r/m/')]).capabilities).toEqual([
      'counselling.manage',
      'counselling.ratings',
      'screening.answers',
      'screening.manage',
      'treehole.reply',
    ]);
    expect(scopeOf('s', 'p', [on('center_director', '/r/m/')]).capabilities).toEqual([
      'counselling.manage',
      'counselling.ratings',
      'financial-support.counts',
      'screening.answers',
      'screening.manage',
      'treehole.identify',
      'treehole.reply',
    ]);
    for (const role of ['counsellor', 'college_station_head', 'class_committee'] as const)
      expect(scopeOf('s', 'p', [on(role, '/r/')]).capabilities).toEqual([]);
  });

  it("lets only the school admin read and change the school's notification channels", () => {
    expect(scopeOf('s', 'p', [on('school_admin', '/r/')]).capabilities).toEqual([
      'counselling.ratings',
      'feeds.raw',
      'financial-support.counts',
      'integration.manage',
      'notifications.manage',
    ]);
  });

  it('drops subtrees already inside a wider one, and reduced paths already seen in full', () => {
    const scope = scopeOf('s', 'p', [
      on('head_teacher', '/r/c1/k1/'),
      on('counsellor', '/r/c1/'),
      on('class_committee', '/r/c1/k1/'),
      on('class_committee', '/r/c2/k2/'),
      on('dorm_liaison', '/r/c2/k2/d/'),
    ]);
    expect(scope.fullScopePaths).toEqual(['/r/c1/']);
    expect(scope.reducedScopePaths).toEqual(['/r/c2/k2/']);
  });

  it('sees nothing without roles', () => {
    expect(scopeOf('s', 'p', [])).toMatchObject({ fullScopePaths: [], reducedScopePaths: [] });
  });
});

import { describe, expect, it } from 'vitest';
import type { RoleOnUnit } from '../../auth/session-types.ts';
import { branchOf, pathInBranch } from './branch.ts';

const on = (role: RoleOnUnit['role'], unitPath: string): RoleOnUnit => ({
  role,
  unitPath,
  unitId: unitPath.split('/').at(-2)!,
  unitName: unitPath,
  levelKey: 'x',
});

describe('units/branch', () => {
  it("reaches a role's subtree and the units above it, not the sibling branches", () => {
    const branch = branchOf({ roles: [on('counsellor', '/r/c/k1/'), on('head_teacher', '/r/c/k1/d/')] });
    expect(branch).toEqual({
      schoolWide: false,
      subtreePaths: ['/r/c/k1/'],
      ancestorIds: ['r', 'c', 'k1', 'd'],
    });
    expect(pathInBranch(branch, '/r/')).toBe(true);
    expect(pathInBranch(branch, '/r/c/')).toBe(true);
    expect(pathInBranch(branch, '/r/c/k1/d2/')).toBe(true);
    expect(pathInBranch(branch, '/r/c/k2/')).toBe(false);
    expect(pathInBranch(branch, '/r/c2/')).toBe(false);
  });

  it('makes a role on the root school-wide, and no role reaches nothing', () => {
    expect(branchOf({ roles: [on('school_admin', '/r/')] }).schoolWide).toBe(true);
    const none = branchOf({ roles: [] });
    expect(none).toEqual({ schoolWide: false, subtreePaths: [], ancestorIds: [] });
    expect(pathInBranch(none, '/r/')).toBe(false);
  });
});

import type { Permission, RoleAssignment } from '@xinqiao/web-kit';
import { describe, expect, it } from 'vitest';
import type { UnitNode } from './api.ts';
import { childLevelKey, indexNetwork, mayAddUnder, mayRename, pathTo } from './network.ts';

const node = (id: string, levelKey: string, depth: number, children: UnitNode[] = []): UnitNode => ({
  id,
  levelKey,
  depth,
  name: id,
  children,
});

// leadership → center → two colleges; one class with a dorm under the first college; the second college is empty.
const tree = [
  node('root', 'leadership', 0, [
    node('center', 'center', 1, [
      node('c1', 'college', 2, [node('k1', 'class', 3, [node('d1', 'dorm', 4)])]),
      node('c2', 'college', 2),
    ]),
  ]),
];
const index = indexNetwork(tree);
/** A role on a unit with what the API says it allows there. */
const role = (r: RoleAssignment['role'], unitId: string, permissions: Permission[]): RoleAssignment => ({
  role: r,
  unitId,
  unitName: unitId,
  levelKey: '',
  permissions,
});

describe('the network tree', () => {
  it('finds the path from the root to a unit', () => {
    expect(pathTo(index, 'd1')).toEqual(['root', 'center', 'c1', 'k1', 'd1']);
    expect(pathTo(index, 'root')).toEqual(['root']);
  });

  it('gives a new child the level one below its parent, even where the parent has no children yet', () => {
    expect(childLevelKey(index, index.byId.get('c1')!)).toBe('class');
    expect(childLevelKey(index, index.byId.get('c2')!)).toBe('class');
    expect(childLevelKey(index, index.byId.get('center')!)).toBe('college');
    expect(childLevelKey(index, index.byId.get('d1')!)).toBeUndefined();
  });

  it('lets a school admin change everything under their unit', () => {
    const admin = [role('school_admin', 'root', ['network.manage', 'network.rename-own-unit'])];
    expect(mayAddUnder(index, admin, 'root')).toBe(true);
    expect(mayRename(index, admin, 'root')).toBe(true);
    expect(mayRename(index, admin, 'd1')).toBe(true);
  });

  it('lets a center director add under the center and rename below it, not the center itself', () => {
    const director = [role('center_director', 'center', ['audit.read', 'network.manage'])];
    expect(mayAddUnder(index, director, 'center')).toBe(true);
    expect(mayRename(index, director, 'c2')).toBe(true);
    expect(mayRename(index, director, 'center')).toBe(false);
    expect(mayAddUnder(index, director, 'root')).toBe(false);
  });

  it('offers a person with two roles only what the role on that branch allows', () => {
    const both = [
      role('counsellor', 'c1', ['cases.write']),
      role('center_director', 'c2', ['network.manage']),
    ];
    expect(mayAddUnder(index, both, 'k1')).toBe(false);
    expect(mayAddUnder(index, both, 'c2')).toBe(true);
  });

  it('offers nothing to other roles', () => {
    const counsellor = [role('counsellor', 'c1', ['cases.read', 'cases.write', 'students.read'])];
    expect(mayAddUnder(index, counsellor, 'c1')).toBe(false);
    expect(mayRename(index, counsellor, 'k1')).toBe(false);
  });
});

import { type Role, roles, studentReach } from '@xinqiao/db';
import { describe, expect, it } from 'vitest';
import {
  permissionNames,
  permissionsOf,
  ROLE_PERMISSIONS,
  rlsCapabilitiesOf,
  rolesWith,
} from './permissions.ts';

/** Short column heads for the table below, in the order of the role list. */
const HEADS: Record<Role, string> = {
  school_admin: 'admin',
  center_director: 'dir',
  center_staff: 'staff',
  college_station_head: 'head',
  counsellor: 'couns',
  head_teacher: 'teach',
  class_committee: 'comm',
  dorm_liaison: 'dorm',
  student_affairs: 'affrs',
  alliance_officer: 'allnc',
  student: 'stud',
};

/** The table as a reviewer reads it: one line per permission, an x under each role that grants it. */
function table(): string {
  const row = (first: string, cells: readonly string[]) =>
    `${first.padEnd(24)}${cells.map((cell) => cell.padEnd(6)).join('')}`.trimEnd();
  return [
    row(
      '',
      roles.map((role) => HEADS[role]),
    ),
    ...permissionNames.map((permission) =>
      row(
        permission,
        roles.map((role) => (permissionsOf([role]).includes(permission) ? 'x' : '.')),
      ),
    ),
  ].join('\n');
}

describe('auth/permissions', () => {
  it('gives each role exactly these permissions (a change here is a change of who may do what)', () => {
    expect(`\n${table()}\n`).toMatchInlineSnapshot(`
      "
                              admin dir   staff head  couns teach comm  dorm  affrs allnc stud
      alliance.manage         x     .     .     .     .     .     .     .     .     x     .
      alliance.read           x     x     x     .     .     .     .     .     x     x     .
      alliance.score          x     .     .     .     .     .     .     .     .     x     .
      alliance.score-any-term x     .     .     .     .     .     .     .     .     .     .
      audit.read              x     x     .     .     .     .     .     .     .     .     .
      audit.verify            x     x     .     .     .     .     .     .     .     .     .
      calendar.edit           .     x     x     .     .     .     .     .     .     .     .
      calendar.read           .     x     x     x     x     .     .     .     .     .     .
      case-work.kpis          .     x     x     x     .     .     .     .     .     .     .
      cases.assign            .     x     x     x     .     .     .     .     .     .     .
      cases.read              x     x     x     x     x     x     .     .     .     .     .
      cases.write             x     x     x     x     x     x     .     .     .     .     .
      concerns.report         x     x     x     x     x     x     x     x     .     .     .
      concerns.triage         x     x     x     x     x     x     .     .     .     .     .
      counselling.manage      .     x     x     .     .     .     .     .     .     .     .
      counselling.ratings     x     x     x     .     .     .     .     .     x     .     .
      crises.read             .     x     x     x     x     x     .     .     .     .     .
      crises.review           .     x     x     .     .     .     .     .     .     .     .
      crises.run              .     x     x     x     x     x     .     .     .     .     .
      crises.waive            .     x     .     .     .     .     .     .     .     .     .
      feeds.raw               x     .     .     .     .     .     .     .     .     .     .
      financial-support.countsx     x     .     .     .     .     .     .     x     .     .
      hospitals.manage        x     x     x     .     .     .     .     .     .     .     .
      integration.manage      x     .     .     .     .     .     .     .     .     .     .
      key-students.approve    .     x     x     x     .     .     .     .     .     .     .
      key-students.manage     .     x     x     x     x     .     .     .     .     .     .
      network.manage          x     x     .     .     .     .     .     .     .     .     .
      network.rename-own-unit x     .     .     .     .     .     .     .     .     .     .
      notifications.manage    x     .     .     .     .     .     .     .     .     .     .
      people.manage           x     .     .     .     .     .     .     .     .     .     .
      screening.answers       .     x     x     .     .     .     .     .     .     .     .
      screening.counts        x     x     x     x     x     .     .     .     x     .     .
      screening.import        .     x     x     .     .     .     .     .     .     .     .
      screening.manage        .     x     x     .     .     .     .     .     .     .     .
      screening.read          .     x     x     x     x     .     .     .     .     .     .
      student-affairs.edit    x     .     .     .     .     .     .     .     x     .     .
      student-affairs.read    x     x     .     .     .     .     .     .     x     .     .
      student.self            .     .     .     .     .     .     .     .     .     .     x
      students.import         x     x     x     x     x     x     .     .     .     .     .
      students.read           x     x     x     x     x     x     x     x     .     .     .
      students.write          x     x     x     x     x     x     .     .     .     .     .
      support.manage          .     .     .     x     x     x     .     .     .     .     .
      support.read            .     x     x     x     x     x     .     .     .     .     .
      support.records         .     x     x     x     x     x     .     .     .     .     .
      support.write           .     x     x     x     x     x     .     .     .     .     .
      treehole.identify       .     x     .     .     .     .     .     .     .     .     .
      treehole.reply          .     x     x     .     .     .     .     .     .     .     .
      warnings.handle         .     x     x     x     x     .     .     .     .     .     .
      warnings.overview       .     x     x     x     .     .     .     .     .     .     .
      warnings.read           .     x     x     x     x     .     .     .     .     .     .
      "
    `);
  });

  it('lets every role that reaches students read them, and only the full view write them or work on cases', () => {
    for (const role of roles) {
      const granted = permissionsOf([role]);
      expect(granted.includes('students.read'), role).toBe(studentReach[role] !== 'none');
      for (const permission of ['students.write', 'students.import', 'cases.read', 'cases.write'] as const)
        expect(granted.includes(permission), `${role} ${permission}`).toBe(studentReach[role] === 'full');
    }
  });

  it("sets the capabilities RLS checks: the center's screening ones, the school admin's notification channels, feeds and integration tokens", () => {
    expect(rlsCapabilitiesOf(['center_staff'])).toEqual([
      'counselling.manage',
      'counselling.ratings',
      'screening.answers',
      'screening.manage',
      'treehole.reply',
    ]);
    expect(rlsCapabilitiesOf(['center_director', 'counsellor'])).toEqual(
      expect.arrayContaining([
        'counselling.manage',
        'counselling.ratings',
        'screening.answers',
        'screening.manage',
      ]),
    );
    expect(rlsCapabilitiesOf(['student_affairs'])).toEqual(expect.arrayContaining(['counselling.ratings']));
    expect(rlsCapabilitiesOf(['school_admin'])).toEqual([
      'counselling.ratings',
      'feeds.raw',
      'financial-support.counts',
      'integration.manage',
      'notifications.manage',
    ]);
    for (const role of roles.filter(
      (r) => !r.startsWith('center_') && r !== 'school_admin' && r !== 'student_affairs',
    ))
      expect(rlsCapabilitiesOf([role]), role).toEqual([]);
  });

  it('grants every permission to some role', () => {
    const unused = permissionNames.filter((permission) => rolesWith(permission).length === 0);
    expect(unused).toEqual([]);
  });

  it('joins the permissions of several roles, sorted, each once', () => {
    expect(permissionsOf(['class_committee', 'dorm_liaison'])).toEqual(['concerns.report', 'students.read']);
    expect(permissionsOf([])).toEqual([]);
    const both = permissionsOf(['student_affairs', 'alliance_officer']);
    expect(both).toEqual([...new Set(both)].sort());
    expect(both).toEqual(expect.arrayContaining([...ROLE_PERMISSIONS.alliance_officer]));
  });

  it('names the roles that grant a permission in the order of the role list', () => {
    expect(rolesWith('student-affairs.read')).toEqual(['school_admin', 'center_director', 'student_affairs']);
    expect(rolesWith('people.manage')).toEqual(['school_admin']);
  });
});

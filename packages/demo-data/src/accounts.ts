import { drawOlderName, drawStudentName } from './names.ts';
import type { Random } from './random.ts';
import type { DemoAccount, DemoRole, DemoStudent, Gender } from './types.ts';

/** The one password of every demo account, in every demo school. Demo only: never on a real deployment. */
export const DEMO_PASSWORD = 'Xinqiao-demo-2026';

/** Where a demo account's role sits in the network. */
export type DemoPlacement = 'root' | 'center' | 'college' | 'secondCollege' | 'class' | 'dorm';

/** One row of the demo account table: the same usernames in every school. */
export interface DemoAccountSpec {
  username: string;
  role: DemoRole;
  roleName: string;
  roleNameEn: string;
  placement: DemoPlacement;
  unitName: string;
  unitNameEn: string;
}

const PLACEMENT_NAMES: Record<DemoPlacement, readonly [string, string]> = {
  root: ['学校（网络根单位）', 'school (network root)'],
  center: [
    '心理健康教育中心（无中心层级时为根单位）',
    'mental-health center (the root when the center is the root)',
  ],
  college: ['第一个学院', 'first college'],
  secondCollege: ['第二个学院', 'second college'],
  class: ['第一个学院的一个班级', 'a class of the first college'],
  dorm: ['该班级的一间寝室', 'a dorm of that class'],
};

/** The demo accounts of each school, one per role plus a second counsellor in another college. */
export const DEMO_ACCOUNT_TABLE: readonly DemoAccountSpec[] = [
  spec('admin', 'school_admin', '学校管理员', 'School administrator', 'root'),
  spec('director', 'center_director', '心理健康教育中心主任', 'Mental-health center director', 'center'),
  spec('center', 'center_staff', '心理健康教育中心专职教师', 'Mental-health center staff', 'center'),
  spec(
    'station',
    'college_station_head',
    '学院心理辅导站站长',
    'College counselling station head',
    'college',
  ),
  spec('counsellor', 'counsellor', '辅导员', 'Counsellor', 'college'),
  spec('counsellor2', 'counsellor', '辅导员（另一学院）', 'Counsellor (another college)', 'secondCollege'),
  spec('headteacher', 'head_teacher', '班主任', 'Head teacher', 'class'),
  spec('committee', 'class_committee', '班级心理委员', 'Class psych committee member', 'class'),
  spec('liaison', 'dorm_liaison', '寝室心理联络员', 'Dorm liaison', 'dorm'),
  spec('affairs', 'student_affairs', '学生工作处', 'Student affairs office', 'root'),
  spec('alliance', 'alliance_officer', '朋辈互助联盟干部', 'Peer alliance officer', 'root'),
];

function spec(
  username: string,
  role: DemoRole,
  roleName: string,
  roleNameEn: string,
  placement: DemoPlacement,
): DemoAccountSpec {
  const [unitName, unitNameEn] = PLACEMENT_NAMES[placement];
  return { username, role, roleName, roleNameEn, placement, unitName, unitNameEn };
}

/** Where the placements resolve to in one generated school. */
export interface AccountAnchors {
  refs: Record<DemoPlacement, string>;
  /** Students who hold the student roles: the committee member is in the class, the liaison lives in the dorm. */
  committeeStudent: DemoStudent;
  liaisonStudent: DemoStudent;
}

/**
 * Builds the school's demo accounts from the table: staff get generated names, the class committee member and the dorm
 * liaison are students of that class and dorm.
 */
export function buildAccounts(anchors: AccountAnchors, random: Random): DemoAccount[] {
  return DEMO_ACCOUNT_TABLE.map((row): DemoAccount => {
    const student =
      row.role === 'class_committee'
        ? anchors.committeeStudent
        : row.role === 'dorm_liaison'
          ? anchors.liaisonStudent
          : undefined;
    const account: DemoAccount = {
      username: row.username,
      password: DEMO_PASSWORD,
      displayName: student?.name ?? staffName(random, row.role),
      roles: [{ role: row.role, unitRef: anchors.refs[row.placement] }],
    };
    if (student) account.studentNumber = student.studentNumber;
    return account;
  });
}

// Counsellors and head teachers are mostly young staff; office heads are a generation older.
function staffName(random: Random, role: DemoRole): string {
  const gender: Gender = random.chance(0.5) ? 'female' : 'male';
  const young = role === 'counsellor' || role === 'head_teacher' || role === 'center_staff';
  return young ? drawStudentName(random, gender) : drawOlderName(random, gender);
}

/**
 * The demo account table as Markdown, for the README: one row per account, the shared password below.
 *
 * @example
 * console.log(demoAccountsMarkdown());
 */
export function demoAccountsMarkdown(): string {
  const lines = [
    '| 用户名 username | 角色 role | 角色 role id | 所在单位 unit |',
    '|---|---|---|---|',
    ...DEMO_ACCOUNT_TABLE.map(
      (r) =>
        `| \`${r.username}\` | ${r.roleName} ${r.roleNameEn} | \`${r.role}\` | ${r.unitName} ${r.unitNameEn} |`,
    ),
    '',
    '每个学院另有辅导站站长和第二名辅导员，每个班级另有班主任，用户名按单位编号 (every college and class is staffed as',
    "well, so nothing waits unassigned only because the demo has nobody; usernames follow the unit's number):",
    '',
    '| 用户名 username | 角色 role | 所在单位 unit |',
    '|---|---|---|',
    '| `station-<学院>`, e.g. `station-02` | 学院心理辅导站站长 station head (`college_station_head`) | the college with that number (01 is `station`’s) |',
    '| `counsellor-<学院>-<n>`, e.g. `counsellor-01-2`, `counsellor-03-1` | 辅导员 counsellor | the college; two per college, `counsellor` and `counsellor2` being the first of colleges 01 and 02 |',
    '| `headteacher-<学院>-<年级>-<班>`, e.g. `headteacher-01-2024-02` | 班主任 head teacher | that class (one class of college 01 has `headteacher`) |',
    '',
    `密码 password (all demo accounts, all schools): \`${DEMO_PASSWORD}\``,
  ];
  return lines.join('\n');
}

import type { LocalizedText, RoleId } from '../contract.ts';

/**
 * Every role's name in the platform's two languages, keyed by the API's role id: the one place a screen names a
 * role. The ids are the server's (`roles` in @xinqiao/db, sent in the API's types): a role the API adds and this
 * table lacks, or an id it no longer sends, fails the typecheck here. Entries follow the server's order.
 */
export const ROLE_NAMES = {
  school_admin: { zh: '学校管理员', en: 'School administrator' },
  center_director: { zh: '心理中心主任', en: 'Center director' },
  center_staff: { zh: '心理中心教师', en: 'Center staff' },
  college_station_head: { zh: '学院辅导站站长', en: 'College station head' },
  counsellor: { zh: '辅导员', en: 'Counsellor' },
  head_teacher: { zh: '班主任', en: 'Head teacher' },
  class_committee: { zh: '心理委员', en: 'Class psych committee member' },
  dorm_liaison: { zh: '寝室联络员', en: 'Dorm liaison' },
  student_affairs: { zh: '学生处', en: 'Student affairs office' },
  alliance_officer: { zh: '朋辈联盟干部', en: 'Peer alliance officer' },
  student: { zh: '学生', en: 'Student' },
} as const satisfies Record<RoleId, LocalizedText>;

/**
 * Every role id, in the server's order: for a screen that offers a choice of roles.
 *
 * @example
 * ROLE_IDS[0] // 'school_admin'
 */
export const ROLE_IDS = Object.keys(ROLE_NAMES) as RoleId[];

/**
 * The role names of one language, as the i18n messages' `roles` section (`t('roles.counsellor')`).
 *
 * @example
 * roleMessages('zh').counsellor // '辅导员'
 */
export function roleMessages(language: keyof LocalizedText): Record<RoleId, string> {
  const names = ROLE_IDS.map((role) => [role, ROLE_NAMES[role][language]]);
  return Object.fromEntries(names) as Record<RoleId, string>;
}

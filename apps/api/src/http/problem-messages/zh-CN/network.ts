import type { CataloguePart } from '../catalogue.ts';

/** The texts of the work network, accounts and the audit log, in simplified Chinese. */
export const network = {
  problems: {
    'units.not-found': { title: '未找到单位', detail: '没有这个单位，或它不在你的管理范围内。' },
    'units.outside-branch': { title: '单位不在管理范围内', detail: '这个单位不在你管理的范围内。' },
    'units.name-taken': {
      title: '单位名称重复',
      detail: ({ name }) => `同一上级下已有名为「${name}」的单位。`,
    },

    'people.not-found': { title: '未找到人员', detail: '没有这个人员，或此人不在你的管理范围内。' },
    'people.role-outside-administration': {
      title: '角色超出管理范围',
      detail: '有角色所在的单位不在你管理的范围内。',
    },
    'people.person-outside-administration': {
      title: '人员不在管理范围内',
      detail: '此人的角色不在你管理的范围内。',
    },
    'people.username-taken': {
      title: '用户名已被使用',
      detail: ({ username }) => `用户名 ${username} 已被使用。`,
    },

    'audit.student-outside-units': { title: '学生不在负责范围内', detail: '这名学生不在你负责的范围内。' },
    'audit.export-too-large': {
      title: '导出的记录过多',
      detail: ({ total, max }) => `匹配 ${total} 条记录，超过单次导出上限 ${max} 条，请缩小日期范围。`,
    },
  },
  messages: {
    'units.no-such-unit': '没有这个单位',
    'units.no-such-parent': '没有这个上级单位',
    'units.lowest-level': ({ parent }) => `「${parent}」是最低一级，不能再添加下级`,
    'units.wrong-level': ({ parent, expected, expectedName, given }) =>
      `「${parent}」的下一级是 ${expected}（${expectedName}），不是 ${given}`,
    'units.name-taken': ({ name }) => `同一上级下已有同名单位「${name}」`,

    'people.role-listed-twice': '重复的角色',
    'people.username-taken': '用户名已被使用',
    'people.username-characters': '只能用字母、数字和 . _ @ -',
    'people.password-too-short': ({ minimum }) => `密码至少 ${minimum} 个字符`,
    'people.nothing-to-change': '请至少修改一项：显示名、停用或角色',
    'people.cannot-disable-self': '不能停用自己的账号',
    'people.cannot-drop-own-admin': '不能移除自己的管理员角色',
  },
} satisfies CataloguePart;

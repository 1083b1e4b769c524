import type { CataloguePart } from '../catalogue.ts';

/** 学生帮扶教育的文字（简体中文）。 */
export const support = {
  problems: {
    'support.no-rules': {
      title: '没有帮扶对象认定规则',
      detail: ({ school }) => `学校 ${school} 的策略插件没有帮扶对象认定规则（support-targets）。`,
    },
    'support.list-not-found': { title: '未找到帮扶名单', detail: '帮扶名单不存在，或您无权查看。' },
    'support.entry-not-found': { title: '名单中没有该学生', detail: '帮扶名单中没有这一条记录。' },
    'support.file-not-found': { title: '未找到帮扶档案', detail: '帮扶档案不存在，或您无权查看。' },
    'support.class-not-found': { title: '未找到班级', detail: '班级不存在，或您不负责该班级的帮扶工作。' },
    'support.record-not-found': { title: '未找到记录', detail: '记录不存在，或您无权查看。' },
  },
  messages: {
    'support.not-a-class': '请选择一个班级',
    'support.not-in-class': '该学生不在本班级',
    'support.already-listed': '该学生已在名单中',
    'support.removed-entry': '该学生已从名单中移除',
    'support.not-on-list': '该学生不在本学期确认的帮扶名单中',
    'support.helper-outside-network': '帮扶责任人不在该学生所在的工作网络中',
    'support.helper-kind': ({ kind }) =>
      kind === 'staff'
        ? '教师类责任人请选择教职工（personId）'
        : '学生党员或学生帮扶人请选择学生（studentId）',
    'support.plan-empty': '请至少填写帮扶方案的一项内容',
    'support.before-term-end': ({ termEnd }) => `学期结束（${termEnd}）后才能填写效果评价`,
    'support.in-future': '不能晚于今天',
    'support.revoked-before': '解除日期早于处分日期',
    'support.already-revoked': '该处分已解除',
    'support.already-certified': '该学生本学期已有困难认定',
  },
} satisfies CataloguePart;

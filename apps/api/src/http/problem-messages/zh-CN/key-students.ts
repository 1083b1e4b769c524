import type { CataloguePart } from '../catalogue.ts';

/** The texts of the key-student roster (重点关注学生), in simplified Chinese. */
export const keyStudents = {
  problems: {
    'key-students.not-found': { title: '未找到重点关注记录', detail: '该重点关注记录不存在，或你无权查看。' },
    'key-students.already-on-roster': {
      title: '已在重点关注名单中',
      detail: '这名学生已在重点关注名单中，不能重复添加。',
    },
    'key-students.no-removal-requested': {
      title: '没有待审批的移出申请',
      detail: '这条记录没有待审批的移出申请，或已经移出。',
    },
  },
  messages: {},
} satisfies CataloguePart;

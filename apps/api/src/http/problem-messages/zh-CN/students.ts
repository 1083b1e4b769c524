import type { CataloguePart } from '../catalogue.ts';
import type { StudentAction } from '../codes.ts';

const actions: Record<StudentAction, string> = {
  'open-case': '建立个案',
  'record-in-file': '记录档案',
  change: '修改学生信息',
};

const caseStatuses: Record<string, string> = { open: '待处理', in_progress: '处理中', closed: '已结案' };

/** The texts of students, their files, imports and cases, in simplified Chinese. */
export const students = {
  problems: {
    'students.not-found': { title: '未找到学生', detail: '没有这个学生，或你无权查看。' },
    'students.reduced-view': {
      title: '只能查看基本信息',
      detail: ({ action }) => `你的角色只能查看该学生的基本信息，不能${actions[action]}。`,
    },
    'students.number-taken': { title: '学号已存在', detail: '本校已有这个学号的学生。' },
    'students.placement-outside-units': {
      title: '班级或宿舍不在负责范围内',
      detail: '这个班级或宿舍不在你负责的范围内。',
    },
    'import.rows-rejected': {
      title: '导入被拒绝',
      detail: ({ count }) => `共 ${count} 处错误，文件未导入。`,
    },
    'import.file-unreadable': { title: '无法读取文件', detail: ({ zh }) => zh },
    'import.file-over-limit': { title: '文件超出上限', detail: ({ zh }) => zh },
    'cases.not-found': { title: '未找到个案', detail: '没有这个个案，或你无权查看。' },
  },
  messages: {
    'students.no-such-student': '没有这个学生，或你无权查看',
    'students.phone-format': '电话号码格式不正确（只能有数字和 -）',
    'students.number-characters': '学号只能包含字母、数字、- 和 _',
    'students.number-taken': '学号已存在',
    'students.outside-units': '不在你负责的范围内',
    'students.not-a-college': '不是本校的学院',
    'students.not-a-class-of-college': '不是该学院下的班级',
    'students.not-a-dorm-of-class': '不是该班级下的宿舍',
    'students.gender': '性别应为“男”或“女”',
    'students.enrolment-year-format': '入学年份应为四位数字，如 2024',
    'students.guardian-name-missing': '填写了监护人信息，但缺少监护人姓名',
    'students.guardian-phone-missing': '填写了监护人信息，但缺少监护人电话',
    'import.file-missing': '请上传文件（字段 file）',
    'import.body-missing': '请求体中没有文件',
    'import.file-unreadable': ({ zh }) => zh,
    'import.stray-cells': ({ count, first }) =>
      `有 ${count} 个单元格不在任何表头之下（“${first}”），这一行的列可能错位了`,
    'import.number-repeated': ({ first, again }) =>
      `学号与第 ${first} 行重复（第 ${first} 行和第 ${again} 行）`,
    'import.no-college': ({ college }) => `本校没有名为“${college}”的学院`,
    'import.ambiguous-college': ({ college }) => `本校有多个名为“${college}”的学院，无法确定是哪一个`,
    'import.no-class': ({ college, className }) => `学院“${college}”下没有名为“${className}”的班级`,
    'import.ambiguous-class': ({ college, className }) => `学院“${college}”下有多个名为“${className}”的班级`,
    'import.no-dorm': ({ className, dorm }) => `班级“${className}”下没有名为“${dorm}”的宿舍`,
    'import.ambiguous-dorm': ({ className, dorm }) => `班级“${className}”下有多个名为“${dorm}”的宿舍`,
    'import.placement-outside-units': '这个班级或宿舍不在你负责的范围内，不能导入',
    'import.student-outside-units': '这个学号的学生不在你负责的范围内，不能修改',
    'import.number-taken-outside-units': '本校已有这个学号的学生，且不在你负责的范围内',

    'cases.responsible-out-of-reach': '负责人必须是本校在该学生所在单位任职的老师',
    'cases.date-in-past': ({ today }) => `不能早于今天（${today}）`,
    'cases.closed': '个案已结案，不能再修改',
    'cases.status-transition': ({ from, to }) =>
      `个案状态不能从“${caseStatuses[from] ?? from}”改为“${caseStatuses[to] ?? to}”`,
    'cases.assignee-out-of-reach':
      '只能分派给你负责范围内、能查看该学生的辅导员、班主任、辅导站站长或心理中心老师',
    'cases.talk-in-future': '谈话时间不能晚于现在',
    'cases.talk-before-case': '谈话时间不能早于个案建立的时间',
    'cases.next-step-before-talk': '下一步的日期不能早于谈话当天',
  },
} satisfies CataloguePart;

import type { CataloguePart } from '../catalogue.ts';

/** The texts of the student side (学生端): accounts, online screening, appointments, feedback, in simplified Chinese. */
export const studentSide = {
  problems: {
    'student.no-account': { title: '没有学生账号', detail: '该账号不是学生账号。' },
    'student.password-change-required': {
      title: '请先修改初始密码',
      detail: '首次登录或密码被重置后，须先修改密码才能继续使用。',
    },
    'student.wave-not-open': { title: '测评未开放', detail: '该测评不存在、未开放，或不面向你。' },
    'student.consent-required': { title: '请先阅读并同意知情同意书', detail: '同意后才能作答。' },
    'student.screening-submitted': { title: '测评已提交', detail: '每次测评只能提交一次。' },
    'student.no-rules': { title: '学校尚未设置分级规则', detail: '请联系心理健康教育中心。' },
    'student-accounts.not-found': { title: '未找到学生账号', detail: '该学生还没有账号，或你无权查看。' },
    'student-accounts.class-not-found': {
      title: '未找到要发放账号的班级',
      detail: '该班级不存在，或不在你的管理范围内。',
    },
    'appointments.not-found': { title: '未找到预约', detail: '该预约不存在，或你无权查看。' },
    'appointments.slot-not-found': { title: '未找到咨询时段', detail: '该咨询时段不存在或已取消。' },
    'appointments.refused': { title: '无法办理该预约', detail: '请查看具体原因。' },
    'feedback.refused': { title: '无法提交评价', detail: '请查看具体原因。' },
  },
  messages: {
    'student.wrong-current-password': '当前密码不正确',
    'student.same-password': '新密码不能与当前密码相同',
    'student.consent-version-changed': ({ version }) => `知情同意书已更新为第 ${version} 版，请重新阅读`,
    'student.answer-count': ({ expected }) => `应有 ${expected} 道题的作答`,
    'student.answer-missing': ({ item }) => `第 ${item} 题尚未作答`,
    'student.answer-out-of-range': ({ item, min, max }) => `第 ${item} 题的作答应在 ${min}–${max} 之间`,
    'student.answers-differ': '测评已提交，不能再修改作答',
    'appointments.slot-taken': '该时段已被预约',
    'appointments.slot-past': '该时段已开始或已过去',
    'appointments.notice-too-short': ({ hours }) => `须至少提前 ${hours} 小时办理`,
    'appointments.too-many-open': ({ max }) => `同时最多可有 ${max} 个未完成的预约`,
    'appointments.priority-only': '该时段为优先时段，仅面向一级关注学生',
    'appointments.not-booked': '该预约已取消或已结束',
    'appointments.not-started': '咨询时段尚未开始',
    'feedback.code-unknown': '反馈码不正确',
    'feedback.code-used': '该反馈码已使用',
  },
} satisfies CataloguePart;

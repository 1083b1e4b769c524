import type { CataloguePart } from '../catalogue.ts';

const attendanceWords: Record<string, string> = {
  present: '准时',
  late: '迟到',
  absent: '旷会',
  'on-leave': '请假',
};
const attendance = (was: string) => attendanceWords[was] ?? was;
const approvals: Record<string, string> = { pending: '待审批', approved: '已批准', rejected: '未批准' };

/** The texts of the peer alliance, in simplified Chinese. */
export const alliance = {
  problems: {
    'alliance.no-points-scale': {
      title: '本校还没有朋辈互助联盟的考核规则',
      detail: ({ school }) =>
        `学校 ${school} 的策略插件没有“考核加减分”（penalty-points）和“学期处分”（term-sanctions）规则：请在插件中加入这两个领域的规则（可参照 plugins/hut）。`,
    },
    'alliance.term-not-found': { title: '未找到学期', detail: '没有这个学期。' },
    'alliance.event-not-found': { title: '未找到会议、活动或任务', detail: '没有这个会议、活动或任务。' },
    'alliance.member-not-found': { title: '未找到联盟成员', detail: '没有这名成员。' },
    'alliance.record-not-found': { title: '未找到积分记录', detail: '没有这条记录。' },
    'alliance.not-a-member': { title: '不是联盟成员', detail: '所选的人不是朋辈互助联盟的成员。' },
    'alliance.term-closed': {
      title: '学期已结束',
      detail: ({ term }) => `学期“${term}”已结束，积分不能再改。`,
    },
    'alliance.no-open-term': { title: '没有进行中的学期', detail: '没有进行中的学期，请先开始一个学期。' },
    'alliance.not-attended': {
      title: '不是需要出勤的活动',
      detail: ({ event }) => `“${event}”不是会议、值班或活动，不记出勤。`,
    },
    'alliance.event-closed': {
      title: '活动已结束',
      detail: ({ event }) => `“${event}”已结束，不能再签到或请假。`,
    },
    'alliance.not-expected-at-event': {
      title: '不是这次活动的成员',
      detail: ({ member, event }) => `${member} 不是“${event}”的参会成员。`,
    },
    'alliance.attendance-exists': {
      title: '已有出勤记录',
      detail: ({ member, was }) => `${member} 已有本次出勤记录（${attendance(was)}）。`,
    },
    'alliance.record-exists': {
      title: '已有这类记录',
      detail: ({ member }) => `${member} 在这次已有这类记录。`,
    },
    'alliance.not-checked-in': {
      title: '没有签到',
      detail: ({ member }) => `${member} 没有签到，不能记早退。`,
    },
    'alliance.early-leave-exists': {
      title: '已记早退',
      detail: ({ member }) => `${member} 在这次已记早退。`,
    },
    'alliance.finding-exists': {
      title: '本学期已记录此项',
      detail: ({ member }) => `${member} 本学期已记录此项。`,
    },
    'alliance.full-attendance-done': {
      title: '已评过全勤',
      detail: ({ key }) => `考核“${key}”已经评过全勤。`,
    },
    'alliance.not-a-task': { title: '不是任务', detail: ({ task }) => `“${task}”不是任务。` },
    'alliance.task-closed': { title: '任务已结束', detail: ({ task }) => `任务“${task}”已结束。` },
    'alliance.not-assigned': {
      title: '不是任务的成员',
      detail: ({ member, task }) => `${member} 不是任务“${task}”的成员。`,
    },
    'alliance.task-acknowledged': { title: '已答收到', detail: ({ member }) => `${member} 已答收到。` },
    'alliance.task-submitted': { title: '已提交', detail: ({ member }) => `${member} 已提交。` },
    'alliance.member-inactive': {
      title: '成员已不在联盟',
      detail: ({ member }) => `成员 ${member} 已不在联盟。`,
    },
    'alliance.record-not-pending': {
      title: '记录不在待审批状态',
      detail: ({ approval }) => `这条记录不在待审批状态（${approvals[approval] ?? approval}）。`,
    },
    'alliance.record-voided': { title: '记录已作废', detail: '这条记录已作废。' },
    'alliance.record-not-voided': { title: '记录未作废', detail: '只有作废的记录可以重新记录。' },
    'alliance.unknown-record-kind': { title: '未知的记录类型', detail: '不认识这种记录类型。' },
    'alliance.no-base-score': {
      title: '插件未规定起评分',
      detail: ({ plugin }) => `学校策略插件 ${plugin} 没有规定起评分（记录类型 term-start）。`,
    },
    'alliance.repricing-stale': {
      title: '预览已过时',
      detail: '积分或插件在预览之后有变化，请重新预览。',
    },
    'alliance.repricing-refused': {
      title: '插件不接受部分记录',
      detail: ({ count }) => `当前插件不接受 ${count} 条记录，请先更正。`,
    },
    'alliance.plugin-refuses-facts': {
      title: '插件不接受这些信息',
      detail: ({ detail }) => `学校插件不接受这条记录的信息：${detail}`,
    },
    'alliance.plugin-rules-refuse': {
      title: '插件规则不允许',
      detail: ({ detail }) => `学校插件的规则不允许这条记录：${detail}`,
    },
  },
  messages: {
    'alliance.no-such-member': '不是联盟成员',
    'alliance.no-such-department': '没有这个部门',
    'alliance.no-such-account': '本校没有这个账号',
    'alliance.no-such-event': '没有这个会议、活动或任务',
    'alliance.no-such-event-in-term': '该成员的学期里没有这个会议、活动或任务',
    'alliance.member-or-department': '请选择一名成员或一个部门',
    'alliance.department-empty': '这个部门本学期没有在任的成员',
    'alliance.fact-protected': '这一项不能更正',
    'alliance.only-check-in': '只有签到记录可以更正这一项',
    'alliance.event-closed': '活动已结束',
    'alliance.task-closed': '任务已结束',
    'alliance.not-expected-at-event': ({ member, event }) => `${member} 不是“${event}”的参会成员`,
    'alliance.not-assigned': ({ member, task }) => `${member} 不是任务“${task}”的成员`,
    'alliance.not-checked-in': ({ member, event }) => `${member} 没有在“${event}”签到`,
    'alliance.attendance-exists': ({ was }) => `已记为${attendance(was)}`,
    'alliance.record-exists': '这次已有这类记录',
    'alliance.early-leave-exists': '已记早退',
    'alliance.finding-exists': '本学期已记录此项',
    'alliance.key-used': '这个考核名称已用过',
    'alliance.task-acknowledged': '已答收到',
    'alliance.task-submitted': '已提交',
    'alliance.repricing-stale': '预览之后有变化，请重新预览',
    'alliance.plugin-refuses': ({ detail }) => `插件不接受：${detail}`,
    'alliance.branch-needs-college': '学院分会需要选择所属学院',
    'alliance.routine-needs-department': '部门例会需要选择部门',
    'alliance.plenary-without-department': '全体大会面向整个联盟，不选部门',
    'alliance.ends-before-starts': '结束时间应晚于开始时间',
    'alliance.deadline-before-assigned': '截止时间应晚于布置时间',
    'alliance.correction-empty': '请说明要更正什么（签到时间、出勤或事实），或作废这条记录',
  },
} satisfies CataloguePart;

// The text of My work (the shell's home page) and of the shared case widgets (tier reasons, the assign dialog), in
// both languages with the same keys (the messages test checks them through zh-CN.ts and en.ts).

export const workZh = {
  work: {
    title: '我的待办',
    subtitle: '需要您现在处理的事项，最紧急的在前：自伤风险优先，其次已逾期，再按期限。',
    empty: '暂无待办事项',
    emptyHint: '新的随访、个案和需分派的事项会出现在这里。',
    total: '共 {n} 项',
    more: '另有 {n} 项未显示',
    kinds: {
      follow_up: '筛查随访',
      case: '个案',
      unassigned: '待分派',
      concern_report: '关注报告',
      key_student_talk: '重点学生谈话',
      crisis_step: '危机处置步骤',
      crisis_review: '危机复盘会',
      warning: '学生预警',
    },
    selfHarm: '自伤风险',
    overdue: '已逾期',
    new: '新',
    due: '期限 {date}',
    noDue: '无期限',
    handle: '去处理',
    navBadge: '{n} 项待办',
    loadFailed: '无法读取待办事项',
  },
  reasons: {
    heading: '关注原因',
    decidedBy: '判定依据：{plugin} 插件 {version} 版',
    none: '暂无筛查原因',
  },
  assign: {
    action: '分派',
    reassign: '改派',
    title: '分派个案',
    assignee: '负责人',
    assigneeHint: '选择负责范围内能查看该学生的老师',
    reason: '分派原因',
    reasonHint: '例如：按班级分工，由该辅导员负责',
    submit: '确认分派',
    done: '已分派给 {name}',
    noCandidates: '没有可以分派的人员',
    unassigned: '未分派',
  },
} as const;

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const workEn: Texts<typeof workZh> = {
  work: {
    title: 'My work',
    subtitle:
      'What needs you now, most urgent first: self-harm findings, then what is overdue, then by deadline.',
    empty: 'Nothing to do right now',
    emptyHint: 'New follow-ups, cases and work to assign appear here.',
    total: '{n} items',
    more: '{n} more not shown',
    kinds: {
      follow_up: 'Screening follow-up',
      case: 'Case',
      unassigned: 'To assign',
      concern_report: 'Concern report',
      key_student_talk: 'Key-student talk',
      crisis_step: 'Crisis step',
      crisis_review: 'Crisis review',
      warning: 'Student warning',
    },
    selfHarm: 'Self-harm risk',
    overdue: 'Overdue',
    new: 'New',
    due: 'Due {date}',
    noDue: 'No deadline',
    handle: 'Handle',
    navBadge: '{n} to do',
    loadFailed: 'Could not load your work',
  },
  reasons: {
    heading: 'Why',
    decidedBy: 'Decided by the {plugin} plugin, version {version}',
    none: 'No screening reasons',
  },
  assign: {
    action: 'Assign',
    reassign: 'Reassign',
    title: 'Assign the case',
    assignee: 'Responsible person',
    assigneeHint: 'Someone within your part of the network who reaches the student',
    reason: 'Why',
    reasonHint: 'e.g. by class: this counsellor looks after the class',
    submit: 'Assign',
    done: 'Assigned to {name}',
    noCandidates: 'Nobody to assign to',
    unassigned: 'Unassigned',
  },
};

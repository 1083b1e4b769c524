import { i18n, type Texts } from '@xinqiao/web-kit';

// The texts of triage and assignment in this module (`collegeStation.triage`): the case page's decision and
// assignment, the interview's next step and template, the follow-up lists' queues and filters, the student file's
// screening history and the student list's attention filters. zh-CN first; `en` has the same keys (a test checks).

export const triageZh = {
  selfHarm: '自伤风险',
  screening: '筛查判定',
  tier: '关注等级',
  wave: '筛查批次',
  assignedBy: '分派',
  assignedByImport: '筛查导入时自动分派',
  assignedByPerson: '{name} 分派于 {time}',
  assign: '分派',
  reassign: '改派',
  assigned: '已分派给 {name}',
  nextStep: '下一步',
  nextStepHint: '例如：一周后再谈；联系家长',
  nextStepOn: '下一步日期',
  template: '本校记录要求（{name}）',
  templateHint: '请按以下要点记录：',
  queues: {
    unassigned: '待分派',
    all: '全部个案',
    mine: '我的跟进',
  },
  filters: {
    class: '班级',
    allClasses: '全部班级',
    responsible: '负责人',
    anyone: '全部',
    nobody: '未分派',
    me: '我负责的',
    state: '状态',
    open: '未结案',
    closed: '已结案',
    any: '全部',
    kind: '类型',
    allKinds: '全部类型',
  },
  reasons: '关注原因',
  history: {
    heading: '心理筛查记录',
    empty: '该学生暂无筛查记录',
    wave: '批次',
    date: '开始日期',
    tier: '关注等级',
    reasons: '原因',
    trend: '变化',
    trends: { worse: '加重', better: '好转', same: '持平' },
    followUp: '随访',
    interviewedOn: '{date} 已谈话',
    due: '期限 {date}',
  },
  attention: {
    tier: '最近筛查',
    anyTier: '全部等级',
    keyStudent: '重点关注',
    keyOnly: '重点关注学生',
    notKey: '非重点关注',
    anyKey: '全部',
    openItems: '待办事项',
    withOpenItems: '有未结事项',
    noTier: '未筛查',
    yes: '是',
  },
};

export const triageEn: Texts<typeof triageZh> = {
  selfHarm: 'Self-harm risk',
  screening: 'Screening decision',
  tier: 'Tier',
  wave: 'Screening wave',
  assignedBy: 'Assigned',
  assignedByImport: 'Assigned by the screening import',
  assignedByPerson: 'by {name} on {time}',
  assign: 'Assign',
  reassign: 'Reassign',
  assigned: 'Assigned to {name}',
  nextStep: 'Next step',
  nextStepHint: 'e.g. talk again in a week; call the parents',
  nextStepOn: 'Next step by',
  template: "The school's record ({name})",
  templateHint: 'Cover these points:',
  queues: {
    unassigned: 'To assign',
    all: 'All cases',
    mine: 'My follow-ups',
  },
  filters: {
    class: 'Class',
    allClasses: 'All classes',
    responsible: 'Responsible',
    anyone: 'Anyone',
    nobody: 'Unassigned',
    me: 'Mine',
    state: 'State',
    open: 'Not closed',
    closed: 'Closed',
    any: 'All',
    kind: 'Kind',
    allKinds: 'All kinds',
  },
  reasons: 'Why',
  history: {
    heading: 'Screening history',
    empty: 'No screening results for this student',
    wave: 'Wave',
    date: 'Opened',
    tier: 'Tier',
    reasons: 'Why',
    trend: 'Trend',
    trends: { worse: 'Worse', better: 'Better', same: 'Same' },
    followUp: 'Follow-up',
    interviewedOn: 'Talked to on {date}',
    due: 'Due {date}',
  },
  attention: {
    tier: 'Latest screening',
    anyTier: 'Any tier',
    keyStudent: 'Key student',
    keyOnly: 'Key students',
    notKey: 'Not key students',
    anyKey: 'Anyone',
    openItems: 'Open items',
    withOpenItems: 'With open items',
    noTier: 'Not screened',
    yes: 'Yes',
  },
};

let installed = false;

/** Adds these texts to the shared i18n under `collegeStation.triage` (once; the components that use them call it). */
export function installTriageMessages(): void {
  if (installed) return;
  installed = true;
  i18n.global.mergeLocaleMessage('zh-CN', { collegeStation: { triage: triageZh } });
  i18n.global.mergeLocaleMessage('en', { collegeStation: { triage: triageEn } });
}

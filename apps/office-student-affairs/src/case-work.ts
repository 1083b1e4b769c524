import { api, downloadFile, i18n, type Schemas } from '@xinqiao/web-kit';

// The case-work KPIs (tier-1 talks in time, concern reports triaged in time, key students talked to this week) as
// the KPI table shows them next to staffing and funding: the school's figures and the XLSX export. Texts under
// `studentAffairs.caseWork`, zh-CN first (a test checks both languages have the same keys).

export type CaseWorkKpis = Schemas['CaseWorkKpis'];
export type KpiShare = Schemas['KpiShare'];
export type CaseWorkMeasure = keyof CaseWorkKpis['school'];
export const CASE_WORK_MEASURES: readonly CaseWorkMeasure[] = [
  'tier1TalksInTime',
  'concernsTriagedInTime',
  'keyStudentsTalkedThisWeek',
];

/** The KPIs of everything the caller sees (the center: the school). */
export function fetchCaseWorkKpis(): Promise<CaseWorkKpis> {
  return api.GET('/api/case-work/kpis');
}

/** Downloads the KPI sheet (a row per college and the school) through the session cookie. */
export function downloadCaseWorkSheet(filename: string): Promise<void> {
  return downloadFile('/api/case-work/kpis/export.xlsx', filename);
}

/** "3 / 4（75%）", or "—" when nothing is due yet. */
export function formatShare(share: KpiShare): string {
  if (share.share === null) return '—';
  return `${share.done} / ${share.total}（${Math.round(share.share * 1000) / 10}%）`;
}

export const caseWorkZh = {
  title: '个案工作指标（全校）',
  measure: '指标',
  figure: '完成 / 应完成（占比）',
  tier1TalksInTime: '一级关注学生按期谈话',
  concernsTriagedInTime: '关注报告按期处理',
  keyStudentsTalkedThisWeek: '重点关注学生本周已谈话',
  export: '导出 XLSX',
  fileName: '个案工作指标.xlsx',
};

export const caseWorkEn: typeof caseWorkZh = {
  title: 'Case-work KPIs (school)',
  measure: 'Measure',
  figure: 'Done / due (share)',
  tier1TalksInTime: 'Tier-1 students talked to in time',
  concernsTriagedInTime: 'Concern reports triaged in time',
  keyStudentsTalkedThisWeek: 'Key students talked to this week',
  export: 'Export XLSX',
  fileName: 'case-work-kpis.xlsx',
};

let installed = false;

/** Adds these texts to the shared i18n under `studentAffairs.caseWork` (once). */
export function installCaseWorkMessages(): void {
  if (installed) return;
  installed = true;
  i18n.global.mergeLocaleMessage('zh-CN', { studentAffairs: { caseWork: caseWorkZh } });
  i18n.global.mergeLocaleMessage('en', { studentAffairs: { caseWork: caseWorkEn } });
}

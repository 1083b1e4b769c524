import { api, downloadFile, i18n, type Schemas } from '@xinqiao/web-kit';

/** Financial-support coverage per college (seed 001's 四方五助), as `GET /api/support/financial/coverage` answers. */
export type FinancialCoverage = Schemas['FinancialCoverage'];

/** The five aids in the seed's order. */
export const AID_KINDS = ['money', 'job', 'psychological', 'growth', 'self_help'] as const;

export function fetchCoverage(): Promise<FinancialCoverage> {
  return api.GET('/api/support/financial/coverage', { params: { query: {} } });
}

export function downloadCoverage(filename: string): Promise<void> {
  return downloadFile('/api/support/financial/coverage.xlsx', filename);
}

/** A share as a percentage with one decimal, or a dash. */
export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

const zh = {
  tab: '资助育人',
  title: '{term} 资助覆盖情况（四方五助）',
  target: '学校目标：{text}（{percent}%）',
  noTarget: '学校策略插件未设定资助覆盖目标',
  college: '学院',
  students: '在校学生',
  certified: '困难认定',
  aided: '受助学生',
  coverage: '覆盖率',
  meets: '达标',
  yes: '达标',
  no: '未达标',
  school: '全校',
  amount: '资助金额（元）',
  kinds: {
    money: '资金资助',
    job: '就业协助',
    psychological: '心理援助',
    growth: '成长帮助',
    self_help: '个人自助',
  },
  export: '导出 XLSX',
  fileName: '资助覆盖.xlsx',
};
const en: typeof zh = {
  tab: 'Financial support',
  title: 'Financial-support coverage, {term} (the five aids)',
  target: 'School target: {text} ({percent}%)',
  noTarget: 'The school’s plugin sets no coverage target',
  college: 'College',
  students: 'Students',
  certified: 'Certified hardship',
  aided: 'Aided',
  coverage: 'Coverage',
  meets: 'Target',
  yes: 'Met',
  no: 'Not met',
  school: 'School',
  amount: 'Amount (yuan)',
  kinds: {
    money: 'Money',
    job: 'Job help',
    psychological: 'Psychological help',
    growth: 'Growth',
    self_help: 'Self-help',
  },
  export: 'Export XLSX',
  fileName: 'financial-coverage.xlsx',
};

let installed = false;

/** Adds these texts to the shared i18n under `studentAffairs.financial` (once). */
export function installFinancialMessages(): void {
  if (installed) return;
  installed = true;
  i18n.global.mergeLocaleMessage('zh-CN', { studentAffairs: { financial: zh } });
  i18n.global.mergeLocaleMessage('en', { studentAffairs: { financial: en } });
}

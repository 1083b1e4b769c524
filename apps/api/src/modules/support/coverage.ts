import { aidKinds } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { newWorkbook } from '../../http/workbook.ts';
import { recordAccess } from '../audit/record.ts';
import { schoolSettings } from './propose.ts';
import { aidKindRows, coverageRows } from './queries.ts';
import { currentTerm, termLabel } from './terms.ts';

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Financial-support coverage per college for a term (seed 001's 四方五助): students, certified hardship, students
 * who received any of the five aids, and the share aided against the school's `support-targets` coverage target.
 * Counts only (RLS capability `financial-support.counts`): no student is named.
 */
export async function financialCoverage(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  term: string | undefined,
  now: Date,
) {
  requirePermission(caller, 'financial-support.counts');
  const key = term ?? currentTerm(now);
  const settings = plugin?.areas.includes('support-targets') ? await schoolSettings(plugin) : null;
  const target = settings?.coverageTarget ?? null;
  const [rows, kinds] = await Promise.all([coverageRows(caller.tx, key), aidKindRows(caller.tx, key)]);
  const colleges = rows.map((row) => {
    const coverage = ratio(row.aided, row.students);
    const byKind = Object.fromEntries(
      aidKinds.map((kind) => [
        kind,
        kinds.find((k) => k.college_id === row.college_id && k.kind === kind)?.students ?? 0,
      ]),
    );
    return {
      collegeId: row.college_id,
      collegeName: row.college_name,
      students: row.students,
      certified: row.certified,
      aided: row.aided,
      aids: row.aids,
      amountYuan: row.amount,
      coverage,
      meetsTarget: target && coverage !== null ? coverage * 100 >= target.percent : null,
      byKind,
    };
  });
  const sum = (pick: (c: (typeof colleges)[number]) => number) => colleges.reduce((n, c) => n + pick(c), 0);
  const school = {
    students: sum((c) => c.students),
    certified: sum((c) => c.certified),
    aided: sum((c) => c.aided),
    coverage: ratio(
      sum((c) => c.aided),
      sum((c) => c.students),
    ),
  };
  await recordAccess(caller.tx, caller.me, {
    action: 'financial_coverage.read',
    entity: 'school',
    entityId: caller.me.school.id,
    purpose: caller.purpose,
  });
  return {
    term: key,
    termLabel: termLabel(key),
    target: target ? { percent: target.percent, zh: target.zh, en: target.en } : null,
    colleges,
    school,
  };
}

export type FinancialCoverage = Awaited<ReturnType<typeof financialCoverage>>;

const KIND_ZH: Record<string, string> = {
  money: '资金资助',
  job: '就业协助',
  psychological: '心理援助',
  growth: '成长帮助',
  self_help: '个人自助',
};
const percent = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10);

/** The coverage as a workbook: one row per college, headed in Chinese first. */
export async function coverageWorkbook(coverage: FinancialCoverage): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Xinqiao 心桥';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('资助覆盖');
  sheet.addRow([
    `${coverage.termLabel} 资助覆盖情况`,
    coverage.target ? `目标 ${coverage.target.percent}%` : '',
  ]);
  sheet.addRow([
    '学院 / College',
    '在校学生 / Students',
    '困难认定 / Certified',
    '受助学生 / Aided',
    '覆盖率% / Coverage %',
    '达标 / Meets target',
    ...aidKinds.map((k) => `${KIND_ZH[k]} / ${k}`),
    '资助金额（元）/ Amount (yuan)',
  ]);
  for (const c of coverage.colleges) {
    sheet.addRow([
      c.collegeName,
      c.students,
      c.certified,
      c.aided,
      percent(c.coverage),
      c.meetsTarget === null ? '' : c.meetsTarget ? '是' : '否',
      ...aidKinds.map((k) => c.byKind[k] ?? 0),
      c.amountYuan,
    ]);
  }
  const s = coverage.school;
  sheet.addRow(['全校 / School', s.students, s.certified, s.aided, percent(s.coverage)]);
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

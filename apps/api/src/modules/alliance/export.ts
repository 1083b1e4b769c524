import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../http/workbook.ts';
import type { LedgerRow } from './queries/ledger.ts';
import type { MemberStanding, TermStandings } from './standings.ts';

const SANCTION_ZH = { warning: '警告', demerit: '记过', dismissal: '劝退' } as const;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant as the office reads it in the sheet: Beijing time, to the minute (China keeps UTC+8 all year).
 *
 * @example chinaDateTime(new Date('2025-03-03T11:05:40Z')) // '2025-03-03 19:05'
 */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
const ROLE_ZH = { cadre: '干部', staff: '干事' } as const;

function memberRow(m: MemberStanding) {
  const { facts, lateConversion, sanction, eligibleForEvaluation, sanctions, ineligibility } = m.term;
  return [
    m.rankInAlliance,
    m.member.departmentName,
    m.rankInDepartment,
    m.member.name,
    m.member.studentNumber ?? '',
    ROLE_ZH[m.member.memberRole],
    m.base,
    m.points,
    m.score,
    Number(facts.lateCount ?? 0),
    Number(facts.absenceCount ?? 0),
    lateConversion?.effectiveAbsenceCount ?? Number(facts.absenceCount ?? 0),
    Number(facts.noMinutesCount ?? 0),
    sanction ? SANCTION_ZH[sanction] : '',
    sanctions.map((s) => `${SANCTION_ZH[s.level]}：${s.zh}`).join('；'),
    eligibleForEvaluation ? '是' : '否',
    ineligibility.map((r) => r.zh).join('；'),
  ];
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The term sheet as an XLSX workbook: 积分表 (every member's rank, score, counts, sanctions, eligibility), 部门排名
 * (departments by average score, with warnings) and 积分明细 (every ledger line with its rule, plugin version and
 * record). Plain values only: the sheet is what the office files, not a live formula.
 *
 * @example
 * const buffer = await termWorkbook(await termStandings(tx, plugin, term), entries, names);
 */
export async function termWorkbook(
  standings: TermStandings,
  entries: readonly LedgerRow[],
  memberNames: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Xinqiao 心桥';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('积分表');
  sheet.addRow([
    '总排名',
    '部门',
    '部门排名',
    '姓名',
    '学号',
    '职务',
    '起评分',
    '加减分',
    '总分',
    '迟到',
    '旷会',
    '折算旷会',
    '未做记录',
    '处分',
    '处分依据',
    '可参与评优',
    '不可评优原因',
  ]);
  for (const member of standings.members) sheet.addRow(memberRow(member));
  sheet.columns.forEach((column, i) => {
    column.width = [6, 10, 8, 10, 14, 6, 7, 7, 7, 6, 6, 8, 8, 6, 40, 10, 40][i] ?? 10;
  });
  styleHeader(sheet);

  const departments = workbook.addWorksheet('部门排名');
  departments.addRow(['排名', '部门', '人数', '平均分', '部门警告']);
  for (const d of standings.departments) {
    departments.addRow([
      d.rank ?? '',
      d.department.name,
      d.members,
      d.averageScore ?? '',
      d.warnings.map((w) => w.zh).join('；'),
    ]);
  }
  styleHeader(departments);

  const ledger = workbook.addWorksheet('积分明细');
  ledger.addRow(['编号', '时间（北京时间）', '姓名', '分值', '原因', '规则', '插件版本', '记录', '冲销编号']);
  for (const entry of entries) {
    ledger.addRow([
      entry.id,
      chinaDateTime(entry.createdAt),
      memberNames.get(entry.memberId) ?? entry.memberId,
      entry.delta,
      entry.reason,
      entry.ruleName,
      `${entry.pluginId} ${entry.pluginVersion}`,
      entry.recordId ?? '',
      entry.reversesEntryId ?? '',
    ]);
  }
  styleHeader(ledger);

  const meta = workbook.addWorksheet('说明');
  meta.addRow(['学期', standings.term.name]);
  meta.addRow(['插件', `${standings.plugin.id} ${standings.plugin.version}`]);
  meta.addRow(['起评分', standings.base.points, standings.base.zh]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

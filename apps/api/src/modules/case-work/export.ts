import { newWorkbook } from '../../http/workbook.ts';
import type { CaseWorkFigures, CaseWorkKpis, Share } from './kpis.ts';

const percent = (s: Share) => (s.share === null ? '—' : `${Math.round(s.share * 1000) / 10}%`);
const cells = (f: CaseWorkFigures) =>
  [f.tier1TalksInTime, f.concernsTriagedInTime, f.keyStudentsTalkedThisWeek].flatMap((s) => [
    s.done,
    s.total,
    percent(s),
  ]);

/**
 * The case-work KPIs as the office files them: one sheet, a row per college and one for the school, each measure
 * as done, of and share, headed in Chinese first.
 */
export async function caseWorkWorkbook(kpis: CaseWorkKpis): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Xinqiao 心桥';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('个案工作指标');
  sheet.addRow([
    '学院 / College',
    '一级关注按期谈话 / Tier-1 talks in time',
    '应谈 / Due',
    '占比 / Share',
    '关注报告按期处理 / Reports triaged in time',
    '应处理 / Due',
    '占比 / Share',
    '本周已谈重点学生 / Key students talked to this week',
    '重点学生 / Key students',
    '占比 / Share',
  ]);
  for (const college of kpis.colleges) sheet.addRow([college.collegeName, ...cells(college)]);
  sheet.addRow(['全校 / School', ...cells(kpis.school)]).font = { bold: true };
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 24 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

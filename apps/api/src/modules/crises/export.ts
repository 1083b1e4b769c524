import { newWorkbook } from '../../http/workbook.ts';
import type { CrisisBoard } from './service.ts';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * The crisis board as the office files it: a sheet of crises (student, college, level, opened, hours open, current
 * step, late steps) and a sheet of counts per month and per college, headed in Chinese first.
 */
export async function crisisWorkbook(board: CrisisBoard): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Xinqiao 心桥';
  workbook.created = new Date(0);
  const list = workbook.addWorksheet('危机事件');
  list.addRow([
    '学号 / Student number',
    '姓名 / Name',
    '学院 / College',
    '班级 / Class',
    '等级 / Level',
    '状态 / Status',
    '登记时间 / Opened',
    '已历时（小时）/ Hours open',
    '当前步骤 / Current step',
    '超时步骤 / Late steps',
  ]);
  for (const item of board.items) {
    list.addRow([
      item.student.studentNumber,
      item.student.name,
      item.student.collegeName,
      item.student.className,
      item.levelName.zh,
      item.status === 'open' ? '处置中' : '已结案',
      item.openedAt,
      hours(item.minutesOpen),
      item.currentStep?.zh ?? '',
      item.lateSteps.map((s) => s.zh).join('、'),
    ]);
  }
  const counts = workbook.addWorksheet('统计');
  counts.addRow(['月份 / Month', '登记 / Opened', '已结案 / Closed']);
  for (const m of board.perMonth) counts.addRow([m.month, m.opened, m.closed]);
  counts.addRow([]);
  counts.addRow(['学院 / College', '处置中 / Open', '合计 / Total']);
  for (const c of board.perCollege) counts.addRow([c.collegeName, c.open, c.total]);
  for (const sheet of [list, counts]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

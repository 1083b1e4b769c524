import { newWorkbook } from '../../http/workbook.ts';
import type { presentWarning } from './present.ts';

type Warning = ReturnType<typeof presentWarning>;

const LEVEL = { yellow: '黄', red: '红' } as const;
const STATUS = { open: '待处理', cleared: '已解除', closed: '已关闭' } as const;

/**
 * The warnings as the office files them: one row each (student, college, module, level, reasons with their values,
 * deadline, state), headed in Chinese first. Signal values only: no card transaction or access event is exported.
 */
export async function warningWorkbook(items: readonly Warning[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Xinqiao 心桥';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('预警');
  sheet.addRow([
    '学号 / Student number',
    '姓名 / Name',
    '学院 / College',
    '班级 / Class',
    '模块 / Module',
    '等级 / Level',
    '原因 / Reasons',
    '期限 / Due',
    '紧急 / Urgent',
    '状态 / Status',
    '谈话 / Talked',
    '学业提升计划 / Plan',
  ]);
  for (const w of items) {
    sheet.addRow([
      w.student.studentNumber,
      w.student.name,
      w.student.collegeName,
      w.student.className,
      w.moduleName.zh,
      LEVEL[w.level],
      w.reasons
        .map(
          (r) =>
            `${r.zh}（${Object.entries(r.values)
              .map(([k, v]) => `${k}=${v}`)
              .join('，')}）`,
        )
        .join('；'),
      w.dueOn,
      w.urgent ? '是' : '',
      STATUS[w.status],
      w.talkedAt ? w.talkedAt.slice(0, 10) : '',
      w.hasPlan ? '已制定' : '',
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

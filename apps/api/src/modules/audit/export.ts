import { newWorkbook } from '../../http/workbook.ts';
import type { AuditLogEntryView } from './schemas.ts';

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/**
 * The audit log as the office files it: one XLSX sheet, a row per action with China time, person, role, unit, action
 * (its label and code), what it concerned and the stated purpose, plus the chain position so a printed copy can be
 * checked against `GET /api/audit/verify`.
 */
export async function auditLogWorkbook(entries: readonly AuditLogEntryView[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Xinqiao 心桥';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('审计日志');
  sheet.addRow([
    '序号',
    '时间（北京时间）',
    '用户名',
    '姓名',
    '角色',
    '单位',
    '操作',
    '操作代码',
    '对象',
    '对象编号',
    '学生编号',
    '目的',
  ]);
  for (const e of entries) {
    sheet.addRow([
      e.seq,
      chinaTime.format(new Date(e.at)),
      e.actor?.username ?? '（平台）',
      e.actor?.displayName ?? '',
      e.role ?? '',
      e.unit?.name ?? '',
      e.actionLabel.zh,
      e.action,
      e.entity,
      e.entityId ?? '',
      e.studentId ?? '',
      e.purpose,
    ]);
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    column.width = [8, 20, 14, 12, 18, 20, 18, 24, 12, 38, 38, 20][i] ?? 12;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

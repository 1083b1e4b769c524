import { newWorkbook } from '../../http/workbook.ts';
import type { IssuedLine } from './service.ts';

/** The class's sheet of initial passwords: 学号, 姓名, 初始密码 (或"已有账号"), for the school to print or send. */
export async function issuedWorkbook(className: string, lines: readonly IssuedLine[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(className.slice(0, 31) || 'class');
  sheet.columns = [
    { header: '学号 student number', key: 'studentNumber', width: 18 },
    { header: '姓名 name', key: 'name', width: 14 },
    { header: '初始密码 initial password', key: 'password', width: 22 },
  ];
  for (const line of lines) sheet.addRow({ ...line, password: line.password ?? '已有账号 (has an account)' });
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

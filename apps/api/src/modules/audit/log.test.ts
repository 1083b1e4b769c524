import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';

let t: TestApp;
let director: TestSession;
let counsellor: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [director, counsellor] = await Promise.all([
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'alpha', 'counsellor1'),
  ]);
});
afterAll(() => t?.close());

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the expectations that follow
async function json(res: Response | Promise<Response>, status: number): Promise<any> {
  const answered = await res;
  const body = await answered.json();
  expect(answered.status, JSON.stringify(body)).toBe(status);
  return body;
}

describe('audit/log', () => {
  it('lists what a person did, newest first, with the action named in both languages', async () => {
    const studentId = t.world.schools.alpha.colleges[0].studentIds[2]!;
    await json(counsellor.request(`/api/students/${studentId}/file`), 200);
    const counsellorId = t.world.schools.alpha.people.counsellor1;
    const page = await json(director.request(`/api/audit/log?actor=${counsellorId}`), 200);
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items.every((e: { actor: { personId: string } }) => e.actor.personId === counsellorId)).toBe(
      true,
    );
    expect(page.items[0]).toMatchObject({
      action: 'student_file.read',
      actionLabel: { zh: '查看学生档案', en: 'Read a student file' },
      studentId,
      role: 'counsellor',
    });
    expect(page.actions).toContainEqual({
      action: 'student_file.read',
      label: { zh: '查看学生档案', en: 'Read a student file' },
    });
  });

  it('filters by action and by China-time day, and refuses a range that ends before it starts', async () => {
    const page = await json(director.request('/api/audit/log?action=student_file.read&pageSize=200'), 200);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e: { action: string }) => e.action === 'student_file.read')).toBe(true);
    const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const today = await json(director.request(`/api/audit/log?from=${chinaToday}&to=${chinaToday}`), 200);
    expect(today.total).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
    const none = await json(director.request(`/api/audit/log?from=${tomorrow}`), 200);
    expect(none.total).toBe(0);
    const bad = await json(director.request(`/api/audit/log?from=${tomorrow}&to=${chinaToday}`), 400);
    expect(JSON.stringify(bad.errors)).toContain('to');
  });

  it('records that the log was browsed, so the next reader sees it', async () => {
    await json(director.request('/api/audit/log'), 200);
    const page = await json(director.request('/api/audit/log?action=audit_log.list'), 200);
    expect(page.items[0]).toMatchObject({ action: 'audit_log.list', actor: { username: 'director' } });
  });

  it('exports the filtered rows as an XLSX sheet in China time, and records the export', async () => {
    const res = await director.request('/api/audit/log/export.xlsx?action=student_file.read');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('时间（北京时间）');
    const first = sheet.getRow(2);
    expect(first.getCell(7).value).toBe('查看学生档案');
    expect(String(first.getCell(2).value)).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    const after = await json(director.request('/api/audit/log?action=audit_log.export'), 200);
    expect(after.total).toBe(1);
  });

  it('is closed to everyone but school admins and center directors', async () => {
    await json(counsellor.request('/api/audit/log'), 403);
    const res = await counsellor.request('/api/audit/log/export.xlsx');
    expect(res.status).toBe(403);
  });
});

import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/session.ts';

const SCREENS = process.env.XINQIAO_SCREENS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'screens');

async function openAdministration(page: Page): Promise<void> {
  await page.getByTestId('module-nav').getByRole('link', { name: '学校管理' }).click();
  await expect(page.getByTestId('sadm-network-tree')).toBeVisible();
}

test('a school admin verifies the audit chain and sees who looked at a student', async ({ page }) => {
  await signIn(page, 'admin');
  await openAdministration(page);
  await page.getByRole('tab', { name: '审计' }).click();
  await page.getByTestId('sadm-verify').click();
  await expect(page.getByTestId('sadm-verify-result')).toContainText(/审计链完整，共 \d+ 条记录/);
  // Checked against the head the server committed, kept outside the database (issue 16.4).
  await expect(page.getByTestId('sadm-verify-anchor')).toContainText('已与库外锚点核对');
  const download = page.waitForEvent('download');
  await page.getByTestId('sadm-export-checkpoints').click();
  expect((await download).suggestedFilename()).toBe('审计签名检查点.json');

  // Read one student's file through the API as this admin: the look-up must list that read.
  const listed = await page.request.get('/api/students?pageSize=1');
  const student = ((await listed.json()) as { items: { id: string; studentNumber: string }[] }).items[0]!;
  expect((await page.request.get(`/api/students/${student.id}/file`)).ok()).toBe(true);

  const who = page.getByTestId('sadm-audit-who');
  await who.getByLabel('学号').fill(`${student.studentNumber}x`);
  await who.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText(`没有学号为 ${student.studentNumber}x 的学生`)).toBeVisible();

  await who.getByLabel('学号').fill(student.studentNumber);
  await who.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('sadm-audit-student')).toContainText(student.studentNumber);
  const firstAccess = page.getByTestId('sadm-access-table').locator('tbody tr').first();
  await expect(firstAccess).toContainText('查看学生档案');
  await expect(firstAccess).toContainText('学校管理员');

  // The school's log lists the same read by its label, never by its code.
  await page.getByTestId('sadm-log-search').click();
  const log = page.getByTestId('sadm-log-table');
  await expect(log).toContainText('查看学生档案');
  await expect(log).not.toContainText('student_file.read');
});

test('a school admin adds a unit one level below a college and renames it', async ({ page }) => {
  await signIn(page, 'admin');
  await openAdministration(page);
  const colleges = await page.request.get('/api/units?levelKey=college&pageSize=1');
  const college = ((await colleges.json()) as { items: { name: string }[] }).items[0]!.name;
  const tree = page.getByTestId('sadm-network-tree');
  const editor = page.getByTestId('sadm-unit-editor');
  const add = editor.getByTestId('sadm-add-unit-form');
  const pickCollege = async () => {
    await tree.getByText(college, { exact: true }).click();
    await expect(editor.getByRole('heading', { level: 2 })).toHaveText(college);
  };

  await pickCollege();
  await expect(add.getByRole('heading')).toHaveText('添加下级单位（班级）');
  const name = `测试专业2026级${Date.now() % 100000}班`;
  await add.getByLabel('班级名称').fill(name);
  await add.getByRole('button', { name: '添加' }).click();
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(tree).toContainText(name);

  // The same name twice under one college is refused, next to the name.
  await pickCollege();
  await add.getByLabel('班级名称').fill(name);
  await add.getByRole('button', { name: '添加' }).click();
  await expect(add.locator('.el-form-item')).toContainText('已有同名单位');

  await tree.getByText(name, { exact: true }).click();
  const rename = editor.getByTestId('sadm-rename-form');
  await rename.getByLabel('新名称').fill(`${name}甲`);
  await rename.getByRole('button', { name: '保存名称' }).click();
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText(`${name}甲`);
  await expect(tree).toContainText(`${name}甲`);
});

test('on a phone the accounts table fits the screen: each person in one cell with their username and roles', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'admin');
  await page.goto('/school-admin');
  await page.getByRole('tab', { name: '人员' }).click();
  const table = page.getByTestId('sadm-people-table');
  const counsellor = table.getByTestId('sadm-person-cell').filter({ hasText: 'counsellor' }).first();
  await expect(counsellor).toContainText('辅导员');
  const scroll = table.locator('.el-table__body-wrapper .el-scrollbar__wrap');
  const [wide, shown] = await scroll.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(wide).toBeLessThanOrEqual(shown);
  await page.screenshot({ path: join(SCREENS, 'school-admin-people-phone.png') });
});

import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { SCHOOL, signIn } from '../support/session.ts';

interface StudentPage {
  items: { studentNumber: string }[];
}

/** Opens the college station from the shell's navigation and waits for the student list. */
async function openStation(page: Page): Promise<void> {
  await page.getByTestId('module-nav').getByRole('link', { name: '学院心理辅导站' }).click();
  await expect(page.getByTestId('cs-student-total')).toContainText('名学生');
}

const table = (page: Page) => page.getByTestId('cs-student-table');
const firstNumber = async (page: Page) =>
  (await table(page).locator('tbody tr').first().locator('td').first().textContent())?.trim() ?? '';

/** The unit of the signed-in person's first role, as the shell's header shows it ("辅导员 · 第一临床医学院"). */
async function myUnit(page: Page): Promise<string> {
  const text = (await page.getByTestId('user-roles').locator('li').first().textContent()) ?? '';
  return text.split('·')[1]!.trim();
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('搜索学生').fill(text);
  await page.getByLabel('搜索学生').press('Enter');
}

test("a counsellor sees their college's students, not another college's, and opens a student's file", async ({
  page,
}) => {
  // A student of the second college, as that college's counsellor gets them from the API.
  const login = await page.request.post('/api/auth/login', {
    data: { school: SCHOOL, username: 'counsellor2', password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const others = (await (await page.request.get('/api/students?pageSize=1')).json()) as StudentPage;
  const otherNumber = others.items[0]!.studentNumber;
  await page.context().clearCookies();

  await signIn(page, 'counsellor');
  const college = await myUnit(page);
  await openStation(page);
  await search(page, otherNumber);
  await expect(page.getByTestId('cs-student-total')).toHaveText('共 0 名学生');
  await expect(table(page)).toContainText('没有符合条件的学生');

  // Clearing the search brings the college back; the first student's file is theirs.
  await search(page, '');
  await expect(page.getByTestId('cs-student-total')).not.toHaveText('共 0 名学生');
  const number = await firstNumber(page);
  // By keyboard: the name is a link.
  await table(page).getByTestId('cs-student-link').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cs-student-name')).toContainText(number);
  await expect(page.getByTestId('cs-student-details')).toContainText(college);
  await expect(page.getByTestId('cs-student-contacts')).toBeVisible();
  await expect(page.getByTestId('cs-student-cases')).toBeVisible();
  await expect(page.getByRole('heading', { name: '学生档案（一人一档）' })).toBeVisible();

  // The way back keeps the list (the search lives in the address).
  await page.getByRole('link', { name: '返回学生名单' }).click();
  await expect(table(page).locator('tbody tr').first()).toContainText(number);
});

test('a counsellor opens a case, finds it in their follow-ups and records an interview', async ({ page }) => {
  await signIn(page, 'counsellor');
  await openStation(page);
  await table(page).getByTestId('cs-student-link').nth(1).click();
  await page.getByTestId('cs-open-case').click();
  const form = page.getByTestId('cs-case-form');
  const title = `学业压力大，需要跟进 ${Date.now()}`;
  await form.getByLabel('个案标题').fill(title);

  // A due date in the past is refused, and the reason shows next to the date.
  await form.getByLabel('完成期限').fill('2020-01-01');
  await form.getByRole('button', { name: '建立个案' }).click();
  await expect(form.locator('.el-form-item', { hasText: '完成期限' })).toContainText('不能早于今天');

  const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('完成期限').fill(due);
  await form.getByRole('button', { name: '建立个案' }).click();
  await expect(page.getByTestId('cs-student-cases')).toContainText(title);

  await page.getByTestId('cs-follow-ups-tab').click();
  const open = page.getByTestId('cs-follow-ups-open');
  await expect(open).toContainText(title);
  await expect(open).toContainText(due);
  await open.getByRole('link', { name: title }).click();

  const interview = '在辅导员办公室谈话约40分钟，学生情绪稳定，约定下周再谈。';
  const entryForm = page.getByTestId('cs-case-entry-form');
  await expect(entryForm.getByRole('radio', { name: '谈话' })).toBeChecked();
  // An interview is a record: how it happened, what came of it and the risk are asked for, the time defaults to now.
  await entryForm.getByRole('button', { name: '保存记录' }).click();
  await expect(entryForm).toContainText('请选择一项');
  // Element Plus draws the radio button over its input: click what the person sees.
  await entryForm.getByText('面谈', { exact: true }).click();
  await entryForm.getByLabel('谈话结果').fill('情绪稳定，约定下周再谈');
  await entryForm.getByText('低', { exact: true }).click();
  await entryForm.getByLabel('记录内容').fill(interview);
  await entryForm.getByRole('button', { name: '保存记录' }).click();
  const entries = page.getByTestId('cs-case-entries');
  await expect(entries).toContainText(interview);
  await expect(entries.locator('li').first()).toContainText('谈话');

  await page.getByRole('button', { name: '结案' }).click();
  await page.getByTestId('cs-close-form').getByLabel('结案说明').fill('情况好转，转入常规关注。');
  await page.getByRole('button', { name: '确认结案' }).click();
  await expect(page.getByTestId('cs-case-status')).toHaveText('已结案');
});

test("a dorm liaison sees only their dorm's students, without contacts or cases", async ({ page }) => {
  await signIn(page, 'liaison');
  const dorm = await myUnit(page);
  await openStation(page);
  await expect(page.getByTestId('cs-follow-ups-tab')).toHaveCount(0);
  const rows = table(page).locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId('cs-student-total')).toHaveText(`共 ${count} 名学生`);
  // Each row names the liaison's dorm (the row's last cell is now its 报告关注 link).
  for (let i = 0; i < count; i += 1) await expect(rows.nth(i)).toContainText(dorm);

  await table(page).getByTestId('cs-student-link').first().click();
  await expect(page.getByTestId('cs-reduced-note')).toBeVisible();
  await expect(page.getByTestId('cs-student-details')).toContainText(dorm);
  await expect(page.getByTestId('cs-student-contacts')).toHaveCount(0);
  await expect(page.getByTestId('cs-student-cases')).toHaveCount(0);
  await expect(page.getByTestId('cs-file-entry-form')).toHaveCount(0);
  await expect(page.getByText('监护人')).toHaveCount(0);
});

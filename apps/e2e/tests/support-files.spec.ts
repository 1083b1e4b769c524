import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { poppler } from '../support/pdf.ts';
import { signIn } from '../support/session.ts';

// Support files (帮扶教育, issue 14): at nuc-shuozhou the head teacher proposes the term's support list by the
// school's rules and sees each student's categories and facts (the demo seeds failed courses, a sanction and hardship
// certifications in the class), confirms it, names a helper, writes a plan, logs a parent contact for a student with
// 3+ failed courses and prints the class's record cards as one PDF whose text shows the filled fields; the
// counsellor reads the same file; at wuhan-polytechnic student affairs sees financial-support coverage per college.
const SCREENS = process.env.XINQIAO_SCREENS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'screens');
const PHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

const PLAN = '每周二、四晚与学习委员一对一辅导高等数学，期中前完成两次模拟测验';
const AGREED = '家长每周日与学生通话督促学习，期中考试后到校面谈';
let fileLink = '';

test.describe.configure({ mode: 'serial' });

test('the head teacher proposes, confirms and works the support list, and prints the class cards', async ({
  page,
}) => {
  await signIn(page, 'headteacher', 'nuc-shuozhou');
  await page.goto('/support');
  await expect(page.getByTestId('sp-classes')).toBeVisible();
  await page.locator('[data-testid^="sp-open-"]').first().click();

  const entries = page.getByTestId('sp-entries');
  await expect(entries).toBeVisible();
  await expect(page.getByTestId('sp-list-status')).toHaveText('待确认');
  await expect(entries.getByTestId('sp-category-academic').first()).toBeVisible();
  await expect(entries.getByTestId('sp-category-disciplinary').first()).toBeVisible();
  await expect(entries.getByTestId('sp-category-economic').first()).toBeVisible();
  await expect(
    entries
      .getByTestId('sp-fact')
      .filter({ hasText: /不及格 \d+ 门次/ })
      .first(),
  ).toBeVisible();
  await expect(entries.getByTestId('sp-fact').filter({ hasText: '处分' }).first()).toBeVisible();
  await shot(page, 'support-list-headteacher-desktop');

  await page.getByTestId('sp-confirm').click();
  await expect(page.getByTestId('sp-list-status')).toHaveText('已确认');
  const listPath = new URL(page.url()).pathname;

  // My work: each confirmed student's plan is due, and the parents of a student with 3+ failed courses, with their
  // phone numbers.
  await page.goto('/');
  const work = page.getByTestId('work-list');
  await expect(work.getByText('制定帮扶方案').first()).toBeVisible();
  await expect(work.getByText(/家长联系（不及格三门及以上）：.*1\d{10}/).first()).toBeVisible();
  await page.goto(listPath);

  // The student with 3+ failed courses: parent contact due.
  const row = entries.locator('tr', { has: page.getByTestId('sp-parents-due') }).first();
  await row.locator('[data-testid^="sp-file-"]').click();
  await expect(page.getByTestId('sp-file')).toBeVisible();
  fileLink = new URL(page.url()).pathname;
  await expect(page.getByTestId('sp-guardians').locator('li').first()).toContainText(/1\d{10}/);

  await page.getByTestId('sp-helper-person').click();
  await page.locator('.el-select-dropdown__item:visible').first().click();
  await page.getByTestId('sp-helper-save').click();
  await expect(page.getByTestId('sp-responsible-name')).toBeVisible();

  await page.getByTestId('sp-plan-academic').fill(PLAN);
  await page.getByTestId('sp-plan-psychological').fill('每两周谈心一次，关注考试焦虑');
  await page.getByTestId('sp-plan-save').click();
  await expect(page.getByTestId('sp-plan').getByText('应于')).toHaveCount(0);

  await page.getByTestId('sp-contact-person').fill('母亲');
  await page.getByTestId('sp-contact-agreed').fill(AGREED);
  await page.getByTestId('sp-contact-invited').getByText('是').click();
  await page.getByTestId('sp-contact-save').click();
  await expect(page.getByTestId('sp-contact')).toHaveCount(1);
  await expect(page.getByTestId('sp-contact')).toContainText(AGREED);
  await shot(page, 'support-file-headteacher-desktop');
  await page.setViewportSize(PHONE);
  await shot(page, 'support-file-headteacher-phone');

  // The class's cards in one PDF: every card is A4 front and back, twice; the filled fields are in its text.
  await page
    .getByTestId('sp-file')
    .getByRole('link', { name: /返回本班名单/ })
    .click();
  const href = await page.getByTestId('sp-print-cards').getAttribute('href');
  expect(href).toMatch(/\/api\/support\/lists\/.+\/cards\.pdf$/);
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'xinqiao-e2e-cards-'));
  writeFileSync(join(dir, 'cards.pdf'), await pdf.body());
  const text = await poppler('pdftotext', [join(dir, 'cards.pdf'), '-']);
  expect(text).toContain('学生帮扶教育记录卡');
  expect(text).toContain(PLAN.slice(0, 12));
  expect(text).toContain('母亲');
  const pages = Number(/Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [join(dir, 'cards.pdf')]))?.[1]);
  expect(pages % 4).toBe(0);
  await shot(page, 'support-list-headteacher-phone');
});

test('the counsellor reads the support file the head teacher wrote', async ({ page }) => {
  await signIn(page, 'counsellor', 'nuc-shuozhou');
  await page.goto(fileLink);
  await expect(page.getByTestId('sp-file')).toBeVisible();
  await expect(page.getByTestId('sp-plan-academic')).toHaveValue(PLAN);
  await shot(page, 'support-file-counsellor-desktop');
  await page.setViewportSize(PHONE);
  await shot(page, 'support-file-counsellor-phone');

  // The student file shows the support file and takes a home visit (家访).
  const file = (await (await page.request.get(`/api${fileLink}`)).json()) as {
    student: { id: string };
  };
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/college-station/students/${file.student.id}`);
  const section = page.getByTestId('cs-student-support');
  await expect(section.getByTestId('cs-support-file')).toBeVisible();
  await section.getByTestId('cs-visit-visitors').fill('辅导员、班主任');
  await section.getByTestId('cs-visit-familyPresent').fill('父亲、母亲');
  await section.getByTestId('cs-visit-findings').fill('家长了解学业情况，同意每周督促');
  await section.getByTestId('cs-visit-save').click();
  await expect(section.getByTestId('cs-home-visits')).toContainText('家长了解学业情况');
  await shot(page, 'support-student-file-counsellor-desktop');
});

test('student affairs at wuhan-polytechnic sees financial-support coverage per college', async ({ page }) => {
  await signIn(page, 'affairs', 'wuhan-polytechnic');
  await page.goto('/student-affairs');
  await page.getByRole('tab', { name: '资助育人' }).click();
  const table = page.getByTestId('sa-financial-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('sa-financial-target')).toContainText('30%');
  await expect(table.locator('[data-testid^="sa-coverage-"]').first()).toHaveText(/\d+\.\d%/);
  await expect(table.getByText('未达标').or(table.getByText('达标')).first()).toBeVisible();
  await shot(page, 'support-coverage-affairs-desktop');
  await page.setViewportSize(PHONE);
  await shot(page, 'support-coverage-affairs-phone');
});

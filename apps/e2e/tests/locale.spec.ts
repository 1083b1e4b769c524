import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { SCHOOL } from '../support/session.ts';

test('switching language changes the text of the shell and of the loaded module', async ({ page }) => {
  // Sign in with the keyboard only.
  await page.goto('/login');
  await page.getByLabel('学校').selectOption(SCHOOL);
  await page.getByLabel('用户名').fill('affairs');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('module-nav').getByRole('link', { name: '学生处' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '学生处' })).toBeVisible();
  await expect(page.getByText('应配专职教师')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByTestId('locale-switch').getByText('English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Student Affairs' })).toBeVisible();
  await expect(page.getByText('Full-time staff required')).toBeVisible();
  await expect(page.getByTestId('module-nav')).toContainText('Student Affairs');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'What if' })).toBeVisible();

  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Student Affairs' })).toBeVisible();

  await page.getByTestId('locale-switch').getByText('中文').click();
  await expect(page.getByRole('heading', { level: 1, name: '学生处' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
});

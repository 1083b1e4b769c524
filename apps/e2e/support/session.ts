import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';

/** The seed school whose plugin and demo accounts the browser tests use unless they say otherwise. */
export const SCHOOL = 'hrbmu';

/**
 * Signs in through the login form, as a person would: choose the school, type the username and the shared demo
 * password, press the button, and wait for the home page.
 *
 * @example
 * await signIn(page, 'affairs')
 */
export async function signIn(page: Page, username: string, school = SCHOOL): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('学校').selectOption(school);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-name')).toBeVisible();
}

/** The module links of the shell's navigation (without the home link), in order. */
export function moduleLinks(page: Page) {
  return page.getByTestId('module-nav').locator('a[data-module-id]');
}

/** The module titles of the shell's navigation, without the work counts beside them, in order. */
export function moduleTitles(page: Page) {
  return moduleLinks(page).getByTestId('module-title');
}

import { expect, test } from '@playwright/test';
import { signIn } from '../support/session.ts';

const unreachable = {
  id: 'unreachable',
  title: { zh: '失联模块', en: 'Unreachable module' },
  remoteName: 'xinqiao_unreachable',
  manifestUrl: '/modules/unreachable/mf-manifest.json',
  exposes: './App',
  routePath: '/unreachable',
  source: 'office',
};

test('a module whose manifest is unreachable shows the error panel while the others work', async ({
  page,
}) => {
  // The API lists one more module, whose manifest is nowhere to be found.
  await page.route('**/api/frontends', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { modules: unknown[] };
    await route.fulfill({ response, json: { modules: [...body.modules, unreachable] } });
  });
  await signIn(page, 'affairs');
  const nav = page.getByTestId('module-nav');

  await nav.getByRole('link', { name: '失联模块' }).click();
  const panel = page.getByTestId('module-error');
  await expect(panel).toContainText('“失联模块”模块加载失败');
  await expect(panel).toContainText('/modules/unreachable/mf-manifest.json');
  await expect(panel.getByRole('button', { name: '重试' })).toBeVisible();

  await nav.getByRole('link', { name: '学生处' }).click();
  await expect(page.getByTestId('sa-required-staff')).toBeVisible();
  await expect(page.getByTestId('module-error')).toHaveCount(0);
  await expect(page.getByTestId('user-name')).toBeVisible();
});

test('a module that could not be fetched loads on retry once it is reachable', async ({ page }) => {
  await page.route('**/modules/student-affairs/mf-manifest.json', (route) =>
    route.abort('connectionrefused'),
  );
  await signIn(page, 'affairs');
  await page.getByTestId('module-nav').getByRole('link', { name: '学生处' }).click();
  await expect(page.getByTestId('module-error')).toBeVisible();

  await page.unroute('**/modules/student-affairs/mf-manifest.json');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('sa-required-staff')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { seedPluginUiTitle } from '../support/plugin.ts';
import { moduleLinks, signIn } from '../support/session.ts';

// nuc-shuozhou's plugin declares its own screen (plugins/nuc-shuozhou/ui); the shell loads it for that school only.
const PLUGIN_SCHOOL = 'nuc-shuozhou';
const SCREEN_TITLE = '帮扶对象认定';

test('a nuc-shuozhou head teacher checks a student with 3 failed courses on the plugin screen', async ({
  page,
}) => {
  expect(seedPluginUiTitle(PLUGIN_SCHOOL)).toBe(SCREEN_TITLE);
  await signIn(page, 'headteacher', PLUGIN_SCHOOL);
  await page.getByTestId('module-nav').getByRole('link', { name: SCREEN_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SCREEN_TITLE })).toBeVisible();

  await page.getByLabel('不及格课程门次').fill('3');
  const academic = page.getByTestId('category-academic');
  await expect(academic).toHaveAttribute('data-applies', 'true');
  await expect(academic).toContainText('学业困难');
  await expect(academic).toContainText('不及格课程在三门次以上');
  await expect(academic).toContainText('《中北大学朔州校区本科学生帮扶教育实施指导意见（修订）》');
  await expect(academic).not.toContainText('.txt');
  await expect(page.getByTestId('category-economic')).toHaveAttribute('data-applies', 'false');
  await expect(page.getByTestId('parent-contact')).toContainText('必要时邀请家长到校区面谈');
  await expect(page.getByTestId('follow-up')).toContainText('确立帮扶责任人');

  // A second category, by its labelled checkbox; two failed courses no longer make the student academic.
  await page.getByLabel('经学校认定的家庭经济特殊困难（单亲及父母双亡等）').check();
  await page.getByLabel('不及格课程门次').fill('2');
  await expect(page.getByTestId('category-economic')).toHaveAttribute('data-applies', 'true');
  await expect(academic).toHaveAttribute('data-applies', 'false');
  await expect(page.getByTestId('parent-contact')).toHaveCount(0);

  // The shell's language switch reaches the plugin's screen.
  await page.getByTestId('locale-switch').getByText('English').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support target check' })).toBeVisible();
  await expect(page.getByTestId('category-economic')).toContainText('Economic hardship');
});

test('an hrbmu user gets no nuc-shuozhou screen', async ({ page }) => {
  await signIn(page, 'headteacher', 'hrbmu');
  await expect(moduleLinks(page).first()).toBeVisible();
  await expect(moduleLinks(page)).not.toContainText([SCREEN_TITLE]);
  // The list the shell builds its navigation from does not offer it either.
  const frontends = (await (await page.request.get('/api/frontends')).json()) as {
    modules: { id: string }[];
  };
  expect(frontends.modules.length).toBeGreaterThan(0);
  expect(JSON.stringify(frontends)).not.toContain(PLUGIN_SCHOOL);
});

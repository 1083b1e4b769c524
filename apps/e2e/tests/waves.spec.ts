import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from '../support/session.ts';

// Issue 10 (waves can be renamed and cancelled), end to end: the center renames a wave in a small dialog (a name left
// empty is refused, naming the field), cancels another after confirming, sees it greyed and tagged 已取消, cannot
// choose it for an import any more, and an import into it (still chosen from before) is refused with the API's
// message. On a desktop and on a 390×844 phone. Every run makes its own waves.

const SCREENS = '/work/notes/screens/waves';
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** A day in China, `days` from today, as YYYY-MM-DD. */
const chinaDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The academic year the center's screen shows first: it starts on 1 September (China time). */
function academicYearNow(): number {
  const [year, month] = chinaDay(0).split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

/** As the center, through the API: a PHQ-9 wave of this academic year, opened when asked. */
async function makeWave(page: Page, csrf: string, name: string, open: boolean): Promise<void> {
  const created = await page.request.post('/api/screening/waves', {
    headers: { 'x-csrf-token': csrf },
    data: {
      academicYear: academicYearNow(),
      name,
      instrument: 'PHQ-9',
      cohort: 'all',
      opensOn: chinaDay(-1),
      closesOn: chinaDay(30),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  if (!open) return;
  const id = ((await created.json()) as { wave: { id: string } }).wave.id;
  const opened = await page.request.post(`/api/screening/waves/${id}/status`, {
    headers: { 'x-csrf-token': csrf },
    data: { status: 'open' },
  });
  expect(opened.ok()).toBe(true);
}

/** The body row of an Element Plus table whose text includes `text`. */
const rowWith = (table: Locator, text: string) => table.locator('tbody tr', { hasText: text });

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`screening waves: rename and cancel (${name})`, () => {
    test.use({ viewport });

    test('the center renames one wave and cancels another, which then takes no import', async ({ page }) => {
      test.setTimeout(120_000);
      mkdirSync(SCREENS, { recursive: true });
      const stamp = `${name} ${Date.now()}`;
      const draft = `改名前 ${stamp}`;
      const renamed = `春季复查 ${stamp}`;
      const doomed = `将取消 ${stamp}`;

      await signIn(page, 'center');
      const me = await page.request.get('/api/auth/me');
      expect(me.ok()).toBe(true);
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      await makeWave(page, csrfToken, draft, false);
      await makeWave(page, csrfToken, doomed, true);

      await page.goto('/counselling-center');
      const waves = page.getByTestId('cc-waves');
      await expect(rowWith(waves, draft)).toHaveCount(1);

      await test.step('choose the open wave for an import while it is open', async () => {
        await page.getByRole('tab', { name: '导入结果' }).click();
        await page.getByTestId('cc-import-wave').click();
        await page.locator('.el-select-dropdown__item:visible', { hasText: doomed }).click();
        await expect(page.getByTestId('cc-import-wave')).toContainText(doomed);
        await page.getByRole('tab', { name: '筛查批次' }).click();
      });

      await test.step('rename a wave: an empty name is refused naming the field, then the new name is kept', async () => {
        await rowWith(waves, draft).getByTestId('cc-wave-rename').click();
        const dialog = page.getByTestId('cc-change-wave');
        const nameInput = dialog.getByTestId('cc-change-wave-name');
        await expect(nameInput).toHaveValue(draft);
        await nameInput.fill('   ');
        await dialog.getByTestId('cc-change-wave-save').click();
        await expect(dialog.locator('.el-form-item__error')).toBeVisible();
        await page.screenshot({ path: `${SCREENS}/${name}-rename-refused.png` });
        await nameInput.fill(renamed);
        await dialog.getByTestId('cc-change-wave-save').click();
        await expect(dialog).toBeHidden();
        await expect(rowWith(waves, renamed)).toHaveCount(1);
        await expect(rowWith(waves, draft)).toHaveCount(0);
        await expect(rowWith(waves, renamed).getByTestId('cc-wave-status')).toHaveText('计划中');
      });

      await test.step('cancel the other wave after confirming: greyed and tagged 已取消, no more actions', async () => {
        const row = rowWith(waves, doomed);
        await row.getByTestId('cc-wave-cancel').click();
        const box = page.locator('.el-message-box');
        await expect(box).toContainText(`取消批次“${doomed}”？`);
        await page.screenshot({ path: `${SCREENS}/${name}-cancel-confirm.png` });
        await box.getByRole('button', { name: '取消批次' }).click();
        await expect(row.getByTestId('cc-wave-status')).toHaveText('已取消');
        await expect(row).toHaveClass(/cc__wave--cancelled/);
        await expect(row.getByTestId('cc-wave-cancel')).toHaveCount(0);
        await expect(row.getByTestId('cc-wave-rename')).toHaveCount(0);
        // The completion card of the chosen wave says it counts nowhere.
        await expect(page.getByTestId('cc-completion-cancelled')).toHaveText('批次已取消，不计入完成情况。');
        await row.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENS}/${name}-cancelled.png`, fullPage: true });
      });

      await test.step('the cancelled wave cannot be chosen for an import, and an import into it is refused', async () => {
        await page.getByRole('tab', { name: '导入结果' }).click();
        const picker = page.getByTestId('cc-import-wave');
        await picker.click();
        await expect(
          page.locator('.el-select-dropdown__item.is-disabled:visible', { hasText: doomed }),
        ).toHaveCount(1);
        await expect(
          page.locator('.el-select-dropdown__item:not(.is-disabled):visible', { hasText: renamed }),
        ).toHaveCount(1);
        await page.keyboard.press('Escape');
        // Still the wave chosen before it was cancelled: the API refuses the import and the screen says why.
        await expect(picker).toContainText(doomed);
        await page.getByTestId('cc-file').setInputFiles({
          name: 'late.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('学号,答案\nX1,000000000', 'utf8'),
        });
        await page.getByTestId('cc-start').click();
        const alert = page.getByTestId('problem-alert');
        await expect(alert).toContainText('筛查批次已取消');
        await expect(alert).toContainText(`筛查批次“${doomed}”已取消，不能再导入或修改。`);
        await page.screenshot({ path: `${SCREENS}/${name}-import-refused.png` });
      });
    });
  });
}

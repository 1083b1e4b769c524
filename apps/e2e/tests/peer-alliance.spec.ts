import { expect, type Page, test } from '@playwright/test';
import { evaluate } from '@xinqiao/policy';
import { seedPlugin } from '../support/plugin.ts';
import { signIn } from '../support/session.ts';

// The peer alliance of seed 002's school (hut): its demo officer runs a meeting's check-in on the phone-sized sheet,
// and the member's score moves by what the school's plugin says a late arrival costs.
const SCHOOL = 'hut';

// The office checks members in at the door, on a phone.
test.use({ viewport: { width: 390, height: 844 } });

async function openAlliance(page: Page): Promise<void> {
  await page.getByTestId('module-nav').getByRole('link', { name: '朋辈互助联盟' }).click();
  await expect(page.getByTestId('peer-alliance')).toBeVisible();
}

/** The value of a datetime-local input for `minutesAgo` minutes before now, in the browser's own time zone. */
function localInputValue(page: Page, minutesAgo: number): Promise<string> {
  return page.evaluate((ago) => {
    const d = new Date(Date.now() - ago * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutesAgo);
}

/** The sentence of the school's regulations a plugin rule quotes: the screen names rules by it, not by their ids. */
async function quoteOf(area: 'penalty-points' | 'term-sanctions', ruleName: string): Promise<string> {
  const rule = (await seedPlugin(SCHOOL)).ruleSet(area)?.rules.find((r) => r.name === ruleName);
  const quote = rule?.source.find((s) => s.quote)?.quote;
  if (!quote) throw new Error(`plugins/${SCHOOL} has no quoting rule ${ruleName}`);
  return quote;
}

const scoreOf = async (page: Page, memberId: string) =>
  Number(((await page.getByTestId(`pa-score-${memberId}`).textContent()) ?? '').replace(/[^\d.-]/g, ''));

test('an officer checks a member in at a meeting and sees the score change by the plugin’s price', async ({
  page,
}) => {
  await signIn(page, 'alliance', SCHOOL);
  await openAlliance(page);

  // A plenary meeting that started five minutes ago: whoever arrives now is late, within the 10-minute rule.
  const title = `临时全体会议 ${Date.now()}`;
  await page.getByTestId('pa-new-event').click();
  await page.getByTestId('pa-event-kind').click();
  await page.locator('.el-select-dropdown__item', { hasText: '全体会议' }).click();
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('开始时间').fill(await localInputValue(page, 5));
  await page.getByTestId('pa-event-save').click();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByTestId('pa-sheet')).toBeVisible();

  const button = page.locator('[data-testid^="pa-checkin-"]').first();
  const memberId = (await button.getAttribute('data-testid'))!.replace('pa-checkin-', '');
  const before = await scoreOf(page, memberId);
  await button.click();

  const plugin = await seedPlugin(SCHOOL);
  const priced = await evaluate(plugin, 'penalty-points', {
    recordKind: 'meeting-attendance',
    memberRole: 'staff',
    meetingType: 'plenary',
    meetingStars: 0,
    attendance: 'late',
    minutesLate: 5,
  });
  expect(priced.delta).toBe(-2);
  const row = page.getByTestId(`pa-row-${memberId}`);
  await expect(page.getByTestId(`pa-state-${memberId}`)).toContainText('迟到');
  await expect(page.getByTestId(`pa-score-${memberId}`)).toHaveText(`${before + priced.delta} 分`);
  await expect(row).toContainText(priced.entries[0]!.zh);
  // The rule is named by the regulation it encodes; its id is not shown in zh-CN.
  await expect(row).toContainText(await quoteOf('penalty-points', priced.entries[0]!.ruleName));
  await expect(row).not.toContainText(priced.entries[0]!.ruleName);

  // The member's ledger names the reason and the rule of the new line.
  await row.getByRole('link').first().click();
  await expect(page.getByTestId('pa-ledger')).toBeVisible();
  await expect(page.getByTestId('pa-ledger-score')).toContainText(String(before + priced.delta));
  await expect(page.getByTestId('pa-ledger')).toContainText(priced.entries[0]!.zh);
});

test('a member absent four times shows the dismissal article 7 names, with the regulation behind it', async ({
  page,
}) => {
  await signIn(page, 'alliance', SCHOOL);
  await openAlliance(page);
  await page.getByTestId('pa-tab-sanctions').click();
  const sanctions = page.getByTestId('pa-sanctions');
  await expect(sanctions).toContainText('劝退');
  await expect(sanctions).toContainText('迟到5次或无故缺席4次');
  await expect(sanctions).toContainText(await quoteOf('term-sanctions', 'dismissal-late-5-or-absent-4'));
  await expect(sanctions).not.toContainText('dismissal-late-5-or-absent-4');
  // No internal code of a reward waiting for approval either (the demo has an adopted suggestion pending).
  await expect(sanctions).toContainText('意见被采纳');
  await expect(sanctions).not.toContainText('suggestion-adopted');
});

test('past meetings say they were held, and the ranking of departments is best first', async ({ page }) => {
  await signIn(page, 'alliance', SCHOOL);
  await openAlliance(page);
  // The demo's weekly meetings of past weeks are closed, none of them says it has not started.
  const past = page.getByRole('link', { name: /例会（第1周）/ }).first();
  await expect(past).toContainText('已结束');
  await expect(past).not.toContainText('未开始');
  await page.getByTestId('pa-tab-ranking').click();
  // The ranking loads after the tab opens: wait for its rows before reading them.
  const rankCells = page.getByTestId('pa-departments').locator('tbody tr td:first-child');
  const ranksShown = async () =>
    (await rankCells.allTextContents()).map((r) => Number(r.trim())).filter((n) => n > 0);
  await expect.poll(async () => (await ranksShown()).length).toBeGreaterThan(2);
  const numbers = await ranksShown();
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
});

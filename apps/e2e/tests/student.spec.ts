import { mkdirSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { SCHOOL, signIn } from '../support/session.ts';

// Issue 17 (the student side, 学生端), end to end on a 390×844 phone: a demo student signs in with their 学号,
// consents, takes the open PHQ-9 with a non-zero item 9 and sees the help line at once; their counsellor finds an
// urgent (self-harm) item in My work seconds later. The student books a slot; the center records the student's
// session (the one the demo left waiting an hour ago: a slot booked now starts after the notice period) and the
// student rates it anonymously with the one-time code; the satisfaction KPI in the student affairs table moves.

const SHOTS = '/work/notes/shots';
const PHONE = { width: 390, height: 844 };
const STUDENT = { number: '2023010001', name: '张铭志' };

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN' });
  return context.newPage();
}

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: `${SHOTS}/student-${name}.png`, fullPage });

/** A day in China, as YYYY-MM-DD. */
const chinaDay = (at: number) => new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function satisfactionOf(
  page: Page,
): Promise<{ overall: number | null; ratings: number; target: number }> {
  const res = await page.request.get('/api/appointments/satisfaction');
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

test.describe('student side (学生端)', () => {
  test.setTimeout(180_000);

  test('a student screens with consent and a safety answer, books, is seen, and rates anonymously', async ({
    browser,
  }) => {
    mkdirSync(SHOTS, { recursive: true });
    const student = await phonePage(browser);

    // Sign in as a student: school, 学号, password.
    await student.goto('/login');
    await student.getByTestId('login-as-student').click();
    await student.getByLabel('学校').selectOption(SCHOOL);
    await student.getByLabel('学号').fill(STUDENT.number);
    await student.getByLabel('密码').fill(DEMO_PASSWORD);
    await student.getByRole('button', { name: '登录' }).click();
    await expect(student.getByTestId('student-home')).toBeVisible();
    await expect(student).toHaveURL(/\/student$/);
    await expect(student.getByTestId('help-button')).toBeVisible();
    await expect(student.getByTestId('module-nav').locator('a[data-module-id]')).toHaveCount(1);
    await expect(student.getByTestId('nav-home')).toHaveCount(0);
    await expect(student.getByTestId('open-wave').first()).toBeVisible();
    await shot(student, '1-home');

    // Consent first, then the PHQ-9 on one page; item 9 answered "several days".
    await student.getByTestId('open-wave').filter({ hasText: '线上心理测评（演示）' }).click();
    await expect(student.getByTestId('consent')).toContainText('知情同意书');
    await shot(student, '2-consent');
    await student.getByTestId('consent-agree').click();
    for (let item = 1; item <= 8; item++) await student.getByTestId(`answer-${item}-0`).check();
    await student.getByTestId('answer-9-1').check();
    await expect(student.getByTestId('progress')).toContainText('9 / 9');
    await student.getByTestId('submit').click();
    const safety = student.getByTestId('safety');
    await expect(safety).toBeVisible();
    await expect(safety.getByTestId('help-call')).toHaveAttribute('href', /^tel:/);
    await expect(student.getByTestId('submitted')).toBeVisible();
    await expect(student.getByText('得分')).toHaveCount(0);
    await shot(student, '3-safety');

    // The counsellor finds the urgent item in My work seconds later (the result is stored by a job).
    const counsellor = await phonePage(browser);
    await signIn(counsellor, 'counsellor');
    const urgent = counsellor
      .locator('[data-testid="work-item"][data-self-harm="true"]')
      .filter({ hasText: STUDENT.name });
    await expect(async () => {
      await counsellor.reload();
      await expect(urgent.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(counsellor.getByTestId('work-item').first()).toHaveAttribute('data-self-harm', 'true');
    // The top of My work, as the phone shows it (the whole list is long).
    await shot(counsellor, '4-counsellor-my-work', false);

    // The student books the first free slot.
    await student.getByTestId('help-button').click();
    await expect(student.getByTestId('help-line')).toBeVisible();
    await student.goto('/student/appointments');
    await student.getByTestId('slot').first().getByTestId('book').click();
    await expect(student.getByTestId('ap-notice')).toHaveText('预约成功');
    await expect(student.locator('[data-testid="my-appointment"][data-status="booked"]')).toHaveCount(2);
    await shot(student, '5-booked');

    // The center records the session that ended an hour ago: attended, with a note only the center reads.
    const center = await phonePage(browser);
    await signIn(center, 'center');
    const before = await satisfactionOf(center);
    await center.goto('/counselling-center');
    await center.getByRole('tab', { name: '咨询预约' }).click();
    await center.getByTestId('cc-appt-day').fill(chinaDay(Date.now() - 2 * 3_600_000));
    const session = center
      .locator('[data-testid="cc-appt"][data-status="booked"]')
      .filter({ hasText: STUDENT.name })
      .first();
    await session.getByTestId('cc-appt-attended').click();
    await center.getByTestId('cc-appt-note').fill('初访评估：情绪低落两周，已约定下次咨询。');
    await center.getByTestId('cc-appt-save').click();
    await expect(center.getByTestId('cc-appt-notice')).toContainText('反馈码');
    await shot(center, '6-center-recorded');

    // The student rates the session anonymously with the one-time code (filled in from their appointments).
    await student.reload();
    const rate = student.getByTestId('rate');
    await expect(rate.getByTestId('rate-code')).toHaveValue(/^[A-Z0-9]{8}$/);
    await rate.getByTestId('rate-attitude-3').click();
    await rate.getByTestId('rate-professionalism-3').click();
    await rate.getByTestId('rate-helpfulness-2').click();
    await rate.getByTestId('rate-overall').fill('20');
    await shot(student, '7-rating');
    await rate.getByTestId('rate-submit').click();
    await expect(student.getByTestId('ap-notice')).toHaveText('谢谢你的评价！');
    await shot(student, '7b-rated');

    // The KPI moves: one more rating, a lower mean; the student affairs office sees it in its KPI table.
    const after = await satisfactionOf(center);
    expect(after.ratings).toBe(before.ratings + 1);
    expect(after.overall).not.toBeNull();
    expect(after.overall!).toBeLessThan(before.overall!);
    const affairs = await phonePage(browser);
    await signIn(affairs, 'affairs');
    await affairs.getByTestId('module-nav').getByRole('link', { name: '学生处' }).click();
    const kpi = affairs.getByTestId('sa-kpis').locator('tbody tr', { hasText: '心理咨询服务满意度' });
    await expect(kpi).toContainText(`${after.overall} 分（${after.ratings} 条匿名评价）`);
    await shot(affairs, '8-kpi');
  });
});

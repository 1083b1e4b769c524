import { mkdirSync, writeFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { testClockFile } from '../support/server.ts';
import { SCHOOL, signIn } from '../support/session.ts';

// Issue 17 (the student side, 学生端), end to end: a demo student signs in on a 390×844 phone with their 学号,
// consents, takes the open PHQ-9 with a non-zero item 9 and sees the help line at once; their counsellor finds an
// urgent (self-harm) item in My work seconds later. The center sees the wave's completion move and reminds the
// others. The center publishes a slot a day ahead; the student books THAT slot (a priority slot is explained without
// a reason); a day passes (the test server's clock runs ahead: apps/api/src/clock.ts); the center records that
// session (attended, with a note), the student gets its one-time code and rates it anonymously, and the
// satisfaction KPI in the student affairs table moves.

const SHOTS = '/work/notes/shots/student-gaps';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const STUDENT = { number: '2023010001', name: '张铭志' };
const ROOM = '心理健康教育中心 305 咨询室（端到端）';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function newPage(browser: Browser, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  return context.newPage();
}

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });

/** A day in China, as YYYY-MM-DD, and a time there, as HH:MM. */
const chinaDay = (at: number) => new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const chinaTime = (at: number) =>
  new Date(at).toLocaleTimeString('sv-SE', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

/** Moves the test server's clock ahead of the real time by `ms` (0: back to the real time). */
function runServerClockAhead(ms: number): void {
  writeFileSync(testClockFile(process.env.XINQIAO_E2E_DATA_DIR!), String(ms));
}

async function signInStudent(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-as-student').click();
  await page.getByLabel('学校').selectOption(SCHOOL);
  await page.getByLabel('学号').fill(STUDENT.number);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('student-home')).toBeVisible();
}

async function satisfactionOf(
  page: Page,
): Promise<{ overall: number | null; ratings: number; target: number }> {
  const res = await page.request.get('/api/appointments/satisfaction');
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

test.describe('student side (学生端)', () => {
  test.setTimeout(240_000);
  test.afterEach(() => runServerClockAhead(0));

  test('a student screens with consent and a safety answer, books a slot, is seen in it, and rates it anonymously', async ({
    browser,
  }) => {
    mkdirSync(SHOTS, { recursive: true });
    const student = await newPage(browser);

    // Sign in as a student: school, 学号, password.
    await signInStudent(student);
    await expect(student).toHaveURL(/\/student$/);
    await expect(student.getByTestId('help-button')).toBeVisible();
    await expect(student.getByTestId('module-nav').locator('a[data-module-id]')).toHaveCount(1);
    await expect(student.getByTestId('nav-home')).toHaveCount(0);
    await expect(student.getByTestId('open-wave').first()).toBeVisible();
    await shot(student, 'phone-1-home');

    // Consent first, then the PHQ-9 on one page; item 9 answered "several days".
    await student.getByTestId('open-wave').filter({ hasText: '线上心理测评（演示）' }).click();
    await expect(student.getByTestId('consent')).toContainText('知情同意书');
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
    await shot(student, 'phone-2-safety');

    // The counsellor finds the urgent item in My work seconds later (the result is stored by a job).
    const counsellor = await newPage(browser);
    await signIn(counsellor, 'counsellor');
    const urgent = counsellor
      .locator('[data-testid="work-item"][data-self-harm="true"]')
      .filter({ hasText: STUDENT.name });
    await expect(async () => {
      await counsellor.reload();
      await expect(urgent.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(counsellor.getByTestId('work-item').first()).toHaveAttribute('data-self-harm', 'true');

    // The center, at a desk: the online wave's completion per college and class, and a reminder to the others.
    const center = await newPage(browser, DESKTOP);
    await signIn(center, 'center');
    await center.goto('/counselling-center');
    await center.getByRole('tab', { name: '导入结果' }).click();
    await center.getByTestId('cc-import-wave').click();
    await center
      .locator('.el-select-dropdown__item')
      .filter({ hasText: '线上心理测评（演示）' })
      .first()
      .click();
    await center.getByRole('tab', { name: '筛查批次' }).click();
    const completion = center.getByTestId('cc-completion');
    await expect(completion).toBeVisible();
    await expect(center.getByTestId('cc-completion-live')).toContainText('自动刷新');
    for (const column of ['已提交', '作答中', '已同意未开始', '已拒绝', '未打开']) {
      await expect(completion.locator('thead')).toContainText(column);
    }
    // Somewhere a college has submitted answers (ours, at least).
    const submitted = completion.locator('tbody [data-testid="cc-completion-submitted"]');
    await expect(async () => {
      const counts = (await submitted.allTextContents()).map(Number);
      expect(counts.some((n) => n > 0)).toBe(true);
    }).toPass({ timeout: 15_000 });
    await center.getByTestId('cc-remind').click();
    await expect(center.getByTestId('cc-reminded')).toContainText('已在学生端提醒');
    await completion.scrollIntoViewIfNeeded();
    await shot(center, 'desktop-1-completion-reminded', false);
    const phoneCenter = await newPage(browser);
    await signIn(phoneCenter, 'center');
    await phoneCenter.goto('/counselling-center');
    await phoneCenter.getByRole('tab', { name: '导入结果' }).click();
    await phoneCenter.getByTestId('cc-import-wave').click();
    await phoneCenter
      .locator('.el-select-dropdown__item')
      .filter({ hasText: '线上心理测评（演示）' })
      .first()
      .click();
    await phoneCenter.getByRole('tab', { name: '筛查批次' }).click();
    await phoneCenter.getByTestId('cc-completion').scrollIntoViewIfNeeded();
    await shot(phoneCenter, 'phone-3-completion', false);

    // The center publishes a slot a day ahead (past the school's 24 hours' notice), in a room of its own.
    const startsAt = Math.ceil((Date.now() + 24 * HOUR + 5 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
    await center.getByRole('tab', { name: '咨询预约' }).click();
    await center.getByTestId('cc-slot-date').fill(chinaDay(startsAt));
    await center.getByTestId('cc-slot-start').fill(chinaTime(startsAt));
    await center.getByTestId('cc-slot-location').fill(ROOM);
    await center.getByTestId('cc-publish').click();
    await expect(center.getByTestId('cc-appt-notice')).toHaveText('已发布');

    // The student books THAT slot. In tier 1 now, they are offered priority slots, told what they are, not why.
    await student.goto('/student/appointments');
    const slot = student.getByTestId('slot').filter({ hasText: ROOM });
    await expect(slot).toHaveCount(1);
    await expect(slot).toContainText(chinaTime(startsAt));
    await expect(student.getByTestId('slot-priority').first()).toBeVisible();
    await expect(student.getByTestId('priority-lead')).toContainText('留给需要尽快见面的同学');
    await expect(student.getByTestId('priority-lead')).not.toContainText(/危机|一级/);
    await student.getByTestId('priority-lead').or(slot).first().scrollIntoViewIfNeeded();
    await shot(student, 'phone-4-slots', false);
    await slot.getByTestId('book').click();
    await expect(student.getByTestId('ap-notice')).toHaveText('预约成功');
    const mine = student.getByTestId('my-appointment').filter({ hasText: ROOM });
    await expect(mine).toHaveAttribute('data-status', 'booked');
    await student.evaluate(() => window.scrollTo(0, 0));
    await shot(student, 'phone-5-booked', false);

    // A day passes: the session starts, and ends ten minutes later (every session has idled out: sign in again).
    runServerClockAhead(startsAt + 10 * MINUTE - Date.now());
    await signIn(center, 'center');
    const before = await satisfactionOf(center);
    await center.goto('/counselling-center');
    await center.getByRole('tab', { name: '咨询预约' }).click();
    await center.getByTestId('cc-appt-day').fill(chinaDay(startsAt));
    const session = center
      .locator('[data-testid="cc-appt"][data-status="booked"]')
      .filter({ hasText: STUDENT.name })
      .filter({ hasText: ROOM });
    await expect(session).toHaveCount(1);
    await expect(session).toContainText(chinaTime(startsAt));
    await session.getByTestId('cc-appt-attended').click();
    await center.getByTestId('cc-appt-note').fill('初访评估：情绪低落两周，已约定下次咨询。');
    await center.getByTestId('cc-appt-save').click();
    await expect(center.getByTestId('cc-appt-notice')).toContainText('反馈码');
    const code = (await center.getByTestId('cc-appt-notice').textContent())!.match(/[A-Z0-9]{8}/)![0];
    await expect(
      center.locator('[data-testid="cc-appt"][data-status="attended"]').filter({ hasText: ROOM }),
    ).toHaveCount(1);
    await shot(center, 'desktop-2-center-recorded', false);

    // The student sees that session attended, with its one-time code filled in, and rates it anonymously.
    await signInStudent(student);
    await student.goto('/student/appointments');
    await expect(mine).toHaveAttribute('data-status', 'attended');
    const rate = student.getByTestId('rate');
    await expect(rate.getByTestId('rate-code')).toHaveValue(code);
    await rate.getByTestId('rate-attitude-3').click();
    await rate.getByTestId('rate-professionalism-3').click();
    await rate.getByTestId('rate-helpfulness-2').click();
    await rate.getByTestId('rate-overall').fill('20');
    await rate.scrollIntoViewIfNeeded();
    await shot(student, 'phone-6-rating', false);
    await rate.getByTestId('rate-submit').click();
    await expect(student.getByTestId('ap-notice')).toHaveText('谢谢你的评价！');
    const studentDesk = await newPage(browser, DESKTOP);
    await signInStudent(studentDesk);
    await studentDesk.goto('/student/appointments');
    await expect(studentDesk.getByTestId('my-appointment').filter({ hasText: ROOM })).toContainText('已完成');
    await shot(studentDesk, 'desktop-4-student-appointments', false);

    // The KPI moves: one more rating, a lower mean; the student affairs office sees it in its KPI table.
    const after = await satisfactionOf(center);
    expect(after.ratings).toBe(before.ratings + 1);
    expect(after.overall).not.toBeNull();
    expect(after.overall!).toBeLessThan(before.overall!);
    const affairs = await newPage(browser, DESKTOP);
    await signIn(affairs, 'affairs');
    await affairs.getByTestId('module-nav').getByRole('link', { name: '学生处' }).click();
    const kpi = affairs.getByTestId('sa-kpis').locator('tbody tr', { hasText: '心理咨询服务满意度' });
    await expect(kpi).toContainText(`${after.overall} 分（${after.ratings} 条匿名评价）`);
    await kpi.scrollIntoViewIfNeeded();
    await shot(affairs, 'desktop-3-kpi', false);
  });
});

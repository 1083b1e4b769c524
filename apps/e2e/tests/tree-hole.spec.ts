import { mkdirSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { SCHOOL, signIn } from '../support/session.ts';

// Issue 17 point 7 (情绪树洞), end to end: a demo student on a 390×844 phone reads the plugin's notice (anonymous, with
// its one limit) before writing, writes a message with a safety phrase, sees the help line and a one-time key; the
// center's staff find it urgent in My work, open it in the 树洞 tab (no name anywhere) and reply; the director may
// see who wrote it (confirmed, audited); the student reads the reply with the key, which is then spent.

const SHOTS = '/work/notes/shots/tree-hole';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const STUDENT = { number: '2023010001', name: '张铭志' };
const MESSAGE = `这学期压力太大了，室友也不理我，有时候真的不想活了。（端到端 ${Date.now()}）`;
const REPLY = '谢谢你愿意告诉我们。你并不孤单，中心老师今天就会联系你，也请先拨打援助热线。';

async function newPage(browser: Browser, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context.newPage();
}

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });

async function signInStudent(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-as-student').click();
  await page.getByLabel('学校').selectOption(SCHOOL);
  await page.getByLabel('学号').fill(STUDENT.number);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('student-home')).toBeVisible();
}

test.describe('tree hole (情绪树洞)', () => {
  test.setTimeout(180_000);

  test('a student writes anonymously with a safety phrase, the center answers it as urgent, the student reads the reply with the key', async ({
    browser,
  }) => {
    mkdirSync(SHOTS, { recursive: true });
    const student = await newPage(browser);
    await signInStudent(student);

    // The notice comes first; writing waits for 我已阅读并了解.
    await student.getByTestId('go-tree-hole').click();
    await expect(student).toHaveURL(/\/student\/tree-hole$/);
    const notice = student.getByTestId('tree-hole-notice');
    await expect(notice).toContainText('匿名');
    await expect(notice).toContainText('中心主任');
    await expect(student.getByTestId('tree-hole-body')).toBeDisabled();
    await shot(student, 'phone-1-notice');
    await student.getByTestId('tree-hole-understood').check();
    await student.getByTestId('tree-hole-body').fill(MESSAGE);
    await student.getByTestId('tree-hole-send').click();

    // A safety phrase: the help line at once, and the key shown once.
    const safety = student.getByTestId('tree-hole-safety');
    await expect(safety).toBeVisible();
    await expect(safety.getByTestId('help-call')).toHaveAttribute('href', /^tel:/);
    const key = (await student.getByTestId('tree-hole-key').textContent())!.trim();
    expect(key).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await student.getByTestId('tree-hole-copy').click();
    await expect(student.getByTestId('tree-hole-key-card')).toContainText('已复制');
    expect(await student.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await shot(student, 'phone-2-safety-and-key');

    // The center's staff: urgent in My work, no student named.
    const center = await newPage(browser, DESKTOP);
    await signIn(center, 'center');
    const item = center.locator('[data-testid="work-item"][data-kind="tree_hole"][data-self-harm="true"]');
    await expect(item.first()).toBeVisible();
    await expect(center.getByTestId('work-item').first()).toHaveAttribute('data-self-harm', 'true');
    await expect(item.first().getByTestId('work-student')).toHaveCount(0);
    await expect(item.first()).toContainText('树洞留言含安全信号');
    await shot(center, 'desktop-1-my-work-urgent', false);

    // Handle it: the 树洞 tab opens on the message, escalated and awaiting a reply first in the inbox.
    await item.first().getByTestId('work-link').click();
    await expect(center).toHaveURL(/\/counselling-center\?tab=tree-hole&message=/);
    const message = center.getByTestId('tree-hole-message');
    await expect(message).toContainText(MESSAGE);
    await expect(message).toContainText('已升级');
    await expect(message).not.toContainText(STUDENT.name);
    await expect(message).not.toContainText(STUDENT.number);
    const first = center.getByTestId('tree-hole-item').first();
    await expect(first).toHaveAttribute('data-escalated', 'true');
    await expect(first).toHaveAttribute('data-awaiting', 'true');
    await expect(center.getByTestId('tree-hole-identify')).toHaveCount(0); // staff may not see the writer
    await shot(center, 'desktop-2-inbox-escalated', false);
    await center.getByTestId('tree-hole-reply-input').fill(REPLY);
    await center.getByTestId('tree-hole-reply-send').click();
    await expect(center.getByTestId('tree-hole-replied')).toBeVisible();
    await expect(center.getByTestId('tree-hole-post').last()).toContainText(REPLY);
    await shot(center, 'desktop-3-replied', false);

    // The same tab on the staff's phone.
    const centerPhone = await newPage(browser);
    await signIn(centerPhone, 'center');
    await centerPhone.goto('/counselling-center?tab=tree-hole');
    await expect(centerPhone.getByTestId('tree-hole-inbox')).toBeVisible();
    await expect(centerPhone.getByTestId('tree-hole-item').first()).toBeVisible();
    await shot(centerPhone, 'phone-4-center-inbox');

    // The director alone may see who wrote the escalated message, after confirming.
    const director = await newPage(browser, DESKTOP);
    await signIn(director, 'director');
    await director.goto('/counselling-center?tab=tree-hole');
    await director
      .getByTestId('tree-hole-item')
      .filter({ hasText: MESSAGE.slice(0, 20) })
      .first()
      .click();
    await director.getByTestId('tree-hole-identify').click();
    await director.getByRole('button', { name: '查看', exact: true }).click();
    await expect(director.getByTestId('tree-hole-writer')).toContainText(STUDENT.name);
    await expect(director.getByTestId('tree-hole-open-crisis')).toHaveAttribute(
      'href',
      /\/crisis\/new\?student=/,
    );
    await shot(director, 'desktop-4-director-writer', false);

    // The student reads the reply with the key; the key is spent and a new one shown.
    await student.getByTestId('tree-hole-read-tab').click();
    await student.getByTestId('tree-hole-key-input').fill(key.toLowerCase());
    await student.getByTestId('tree-hole-open').click();
    const thread = student.getByTestId('tree-hole-thread');
    await expect(thread.getByTestId('tree-hole-reply')).toContainText(REPLY);
    await expect(thread).not.toContainText('center');
    const next = (await student.getByTestId('tree-hole-key').textContent())!.trim();
    expect(next).not.toBe(key);
    await shot(student, 'phone-3-reply');
    await student.getByTestId('tree-hole-key-input').fill(key);
    await student.getByTestId('tree-hole-open').click();
    await expect(student.getByTestId('tree-hole-problem')).toContainText('已使用');

    // The same page at a desk.
    await student.setViewportSize(DESKTOP);
    await student.getByTestId('tree-hole-key-input').fill(next);
    await student.getByTestId('tree-hole-open').click();
    await expect(thread.getByTestId('tree-hole-reply')).toContainText(REPLY);
    await shot(student, 'desktop-5-student-thread', false);

    // The center closes the answered conversation; the writer still reads it, and may not write to it.
    await center.getByTestId('tree-hole-close').click();
    await expect(center.getByTestId('tree-hole-closed')).toBeVisible();
    const next2 = (await student.getByTestId('tree-hole-key').textContent())!.trim();
    await student.getByTestId('tree-hole-key-input').fill(next2);
    await student.getByTestId('tree-hole-open').click();
    await expect(student.getByTestId('tree-hole-closed')).toBeVisible();
    await expect(student.getByTestId('tree-hole-more')).toHaveCount(0);

    // In English, on the phone: the notice and the form say the same.
    await student.setViewportSize(PHONE);
    await student.getByTestId('locale-switch').getByText('English').click();
    await student.getByTestId('tree-hole-write-tab').click();
    await student.getByTestId('tree-hole-key-card').getByRole('button', { name: 'Write another' }).click();
    await expect(student.getByTestId('tree-hole-notice')).toContainText('director');
    await expect(student.getByTestId('tree-hole-send')).toContainText('Send anonymously');
    await shot(student, 'phone-5-notice-english');
  });
});

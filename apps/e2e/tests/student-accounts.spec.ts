import { mkdirSync, readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { poppler } from '../support/pdf.ts';
import { SCHOOL, signIn } from '../support/session.ts';
import { xlsxCells } from '../support/xlsx.ts';

// Issue 17 (student accounts), end to end in the browser: the school admin picks a class in 学校管理 → 学生账号,
// issues the accounts of its students and downloads the sheet of initial passwords (XLSX); one of those students
// signs in on the student side with the sheet's password and must change it first; their counsellor resets it on
// the student page (the temporary password shown once) and the student signs in with it and changes it again.
// The desktop run also issues a second class as printed slips (PDF, rendered with pdftoppm). On a desktop and a
// 390×844 phone.

const SHOTS = '/work/notes/shots/accounts-ui';
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
const PHONE = { width: 390, height: 844 };

interface ClassAccounts {
  classId: string;
  className: string;
  students: { studentId: string; studentNumber: string; name: string; state: string }[];
}

/**
 * A class of the counsellor's college whose students have no account yet (so the counsellor reaches them), read
 * through the admin's API session; `skip` such classes are passed over (another run's class).
 */
async function freshClass(page: Page, skip = 0): Promise<ClassAccounts> {
  const people = (await (await page.request.get('/api/people?q=counsellor')).json()) as {
    items: { username: string; roles: { unitId: string }[] }[];
  };
  const collegeId = people.items.find((p) => p.username === 'counsellor')!.roles[0]!.unitId;
  const units = (await (
    await page.request.get(`/api/units?parentId=${collegeId}&levelKey=class&pageSize=100`)
  ).json()) as { items: { id: string; name: string }[] };
  let skipped = 0;
  for (const unit of [...units.items].reverse()) {
    const res = await page.request.get(`/api/student-accounts/classes/${unit.id}`);
    expect(res.ok(), await res.text()).toBe(true);
    const accounts = (await res.json()) as ClassAccounts;
    const unique = units.items.filter((u) => u.name === unit.name).length === 1;
    if (unique && accounts.students.length > 0 && accounts.students.every((s) => s.state === 'none')) {
      if (skipped++ === skip) return accounts;
    }
  }
  throw new Error('no class of the counsellor’s college without accounts');
}

/** Opens 学校管理 → 学生账号 (afresh) and picks the class by typing its name. */
async function openClass(page: Page, className: string): Promise<void> {
  await page.goto('/school-admin');
  await page.getByRole('tab', { name: '学生账号' }).click();
  const panel = page.getByTestId('sadm-student-accounts');
  await expect(panel.getByTestId('sacc-pick')).toBeVisible();
  await panel.getByTestId('sacc-class').click();
  await panel.getByTestId('sacc-class').locator('input').pressSequentially(className);
  await page.locator('.el-select-dropdown__item', { hasText: className }).first().click();
  await expect(panel.getByTestId('sacc-summary')).toBeVisible();
}

/** Issues the open class's accounts in `format` through the confirm dialog; answers the downloaded file. */
async function issue(page: Page, format: 'pdf' | 'xlsx'): Promise<{ name: string; path: string }> {
  const panel = page.getByTestId('sadm-student-accounts');
  await panel.getByTestId(`sacc-format-${format}`).click();
  await panel.getByTestId('sacc-issue').click();
  const box = page.locator('.el-message-box');
  await expect(box).toContainText('初始密码只显示这一次');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('button', { name: '发放并下载' }).click(),
  ]);
  await expect(panel.getByTestId('sacc-issued')).toContainText('已发放');
  return { name: download.suggestedFilename(), path: (await download.path())! };
}

/** Signs a student in on a phone with their 学号 and a password; answers the student's page. */
async function studentSignIn(browser: Browser, studentNumber: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-as-student').click();
  await page.getByLabel('学校').selectOption(SCHOOL);
  await page.getByLabel('学号').fill(studentNumber);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

/** The forced change of an issued or reset password, then the student's home. */
async function changePassword(page: Page, current: string, next: string): Promise<void> {
  const form = page.getByTestId('student-password');
  await expect(form).toBeVisible();
  await form.getByTestId('pw-current').fill(current);
  await form.getByTestId('pw-new').fill(next);
  await form.getByTestId('pw-repeat').fill(next);
  await form.getByTestId('pw-submit').click();
  await expect(page.getByTestId('student-home')).toBeVisible();
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`Student accounts (${name})`, () => {
    test.use({ viewport });

    test('the admin issues a class as XLSX; a student signs in and changes the password; the counsellor resets it', async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      mkdirSync(SHOTS, { recursive: true });
      await signIn(page, 'admin');
      const klass = await freshClass(page);
      await openClass(page, klass.className);
      const panel = page.getByTestId('sadm-student-accounts');
      const count = klass.students.length;
      await expect(panel.getByTestId('sacc-summary')).toContainText(`共 ${count} 人：未开通 ${count} 人`);
      await expect(panel.getByTestId('sacc-issue')).toHaveText(`发放账号（${count} 人）`);
      await panel.screenshot({ path: `${SHOTS}/panel-before-${name}.png`, animations: 'disabled' });

      // The sheet: one row per student, the password in the third column.
      const sheet = await issue(page, 'xlsx');
      expect(sheet.name).toBe(`${klass.className}-学生账号.xlsx`);
      const cells = xlsxCells(readFileSync(sheet.path));
      expect(cells.A1).toContain('学号');
      const passwords = new Map<string, string>();
      for (let row = 2; row <= count + 1; row++) passwords.set(cells[`A${row}`]!, cells[`C${row}`]!);
      expect(passwords.size).toBe(count);
      for (const s of klass.students) expect(passwords.get(s.studentNumber)).toMatch(/^[A-Za-z0-9]{12}$/);
      await expect(
        panel.locator('[data-testid="sacc-state"][data-state="must_change_password"]'),
      ).toHaveCount(count);
      await expect(panel.getByTestId('sacc-issue')).toBeDisabled();
      await page.screenshot({
        path: `${SHOTS}/panel-issued-${name}.png`,
        fullPage: true,
        animations: 'disabled',
      });

      // The student signs in with the sheet's password and must change it before anything else.
      const target = klass.students[0]!;
      const initial = passwords.get(target.studentNumber)!;
      const own = `mine-${name}-2026-xq`;
      const student = await studentSignIn(browser, target.studentNumber, initial);
      await changePassword(student, initial, own);
      await student.context().close();

      // Signed in once: the admin's table says the account is in use.
      await openClass(page, klass.className);
      await expect(panel.locator('[data-testid="sacc-state"][data-state="active"]')).toHaveCount(1);

      // The counsellor resets the password on the student page: asked first, shown once.
      const counsellorContext = await browser.newContext({ viewport, locale: 'zh-CN' });
      const counsellor = await counsellorContext.newPage();
      await signIn(counsellor, 'counsellor');
      await counsellor.goto(`/college-station/students/${target.studentId}`);
      await expect(counsellor.getByTestId('cs-student-name')).toContainText(target.name);
      await counsellor.getByTestId('cs-reset-password').click();
      const box = counsellor.locator('.el-message-box');
      await expect(box).toContainText(`${target.name}（${target.studentNumber}）`);
      await box.getByRole('button', { name: '重置' }).click();
      const value = counsellor.getByTestId('cs-reset-password-value');
      await expect(value).toHaveText(/^[A-Za-z0-9]{12}$/);
      await expect(counsellor.locator('.el-dialog')).toContainText('学生下次登录须修改密码');
      const temporary = (await value.textContent())!.trim();
      await expect(counsellor.locator('.el-message-box')).toBeHidden();
      await counsellor.screenshot({ path: `${SHOTS}/reset-dialog-${name}.png`, animations: 'disabled' });
      await counsellor.getByTestId('cs-reset-close').click();
      await expect(value).toBeHidden();

      // The student's own password no longer works; the temporary one does, and must be changed again.
      const refused = await studentSignIn(browser, target.studentNumber, own);
      await expect(refused.getByTestId('problem-alert')).toBeVisible();
      await refused.context().close();
      const again = await studentSignIn(browser, target.studentNumber, temporary);
      await changePassword(again, temporary, `${own}-2`);
      await again.context().close();

      // A student of a class without accounts: the counsellor is told so, in the API's words.
      if (name === 'desktop') {
        const other = await freshClass(page);
        await counsellor.goto(`/college-station/students/${other.students[0]!.studentId}`);
        await counsellor.getByTestId('cs-reset-password').click();
        await counsellor.locator('.el-message-box').getByRole('button', { name: '重置' }).click();
        await expect(counsellor.getByTestId('problem-alert')).toContainText('未找到学生账号');
        await expect(counsellor.getByTestId('cs-reset-no-account')).toContainText('学校管理 → 学生账号');
        await expect(counsellor.locator('.el-message-box')).toBeHidden();
        await counsellor
          .getByTestId('cs-student-account')
          .screenshot({ path: `${SHOTS}/reset-no-account-${name}.png`, animations: 'disabled' });
      }
      await counsellorContext.close();
    });
  });
}

test('the desktop admin prints a class’s slips: A4, one per student, with the password and the sign-in address', async ({
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'admin');
  const klass = await freshClass(page);
  await openClass(page, klass.className);
  const slips = await issue(page, 'pdf');
  expect(slips.name).toBe(`${klass.className}-学生账号.pdf`);
  const text = await poppler('pdftotext', ['-layout', slips.path, '-']);
  for (const s of klass.students.slice(0, 10)) expect(text).toContain(`学号：${s.studentNumber}`);
  expect(text).toContain('首次登录须修改密码');
  expect(text).toContain('/login?as=student');
  expect(await poppler('pdfinfo', [slips.path])).toMatch(/\(A4\)/);
  await poppler('pdftoppm', [
    '-r',
    '80',
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    slips.path,
    `${SHOTS}/slips-page1`,
  ]);
  // Sign in with one slip's password: the slips are real.
  const first = /学号：(\S+)[\s\S]*?临时密码：\s*([A-Za-z0-9]{12})/.exec(text)!;
  const res = await page.request.post('/api/auth/student-login', {
    data: { school: SCHOOL, studentNumber: first[1], password: first[2] },
  });
  expect(res.ok(), await res.text()).toBe(true);
  expect(DEMO_PASSWORD).not.toBe(first[2]);
});

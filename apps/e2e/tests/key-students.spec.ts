import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { SCHOOL, signIn } from '../support/session.ts';
import { xlsxCells } from '../support/xlsx.ts';

// Issue 11 (case work), points 6 and 8, end to end: a counsellor puts a student on the key-student roster (重点关注)
// with a reason, finds them there with the next talk due a week on (hrbmu's plugin: every 7 days), and asks to take
// them off; the station head approves the removal (hrbmu: the station head approves). The station head's KPI panel
// shows the college's figures and downloads them as XLSX with the same numbers. On a desktop and a 390×844 phone.

const SCREENS = '/work/notes/screens/key-students';
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** An API session of a demo account (cookie in the page's request context); answers its CSRF token. */
async function apiAs(page: Page, username: string): Promise<string> {
  const res = await page.request.post('/api/auth/login', {
    data: { school: SCHOOL, username, password: DEMO_PASSWORD },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** A student of the counsellor's college no other spec touches (as the center finds them). */
async function studentOfCounsellor(page: Page, skip: number) {
  await apiAs(page, 'center');
  const people = (await (await page.request.get('/api/people?q=counsellor')).json()) as {
    items: { username: string; roles: { unitId: string }[] }[];
  };
  const unitId = people.items.find((p) => p.username === 'counsellor')!.roles[0]!.unitId;
  const res = await page.request.get(`/api/students?unitId=${unitId}&pageSize=${skip + 1}`);
  const { items } = (await res.json()) as { items: { id: string; studentNumber: string; name: string }[] };
  await page.context().clearCookies();
  expect(items.length).toBe(skip + 1);
  return items[skip]!;
}

/** The day in China `days` from now, as the roster shows it in zh-CN (e.g. 12月13日). */
const chinaMonthDay = (days: number) => {
  const [, month, day] = new Date(Date.now() + days * 86_400_000)
    .toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    .split('-');
  return `${Number(month)}月${Number(day)}日`;
};

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`Key students (${name})`, () => {
    test.use({ viewport });

    test('as counsellor a student is added with a reason and a removal asked for; as station it is approved', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      mkdirSync(SCREENS, { recursive: true });
      const student = await studentOfCounsellor(page, name === 'desktop' ? 50 : 52);
      const reason = `家庭变故，近期情绪低落 e2e ${name}`;

      await signIn(page, 'counsellor');
      await page.goto('/college-station/key-students');
      await expect(page.getByTestId('cs-key-students-tab')).toHaveAttribute('aria-current', 'page');
      await expect(page.getByTestId('cs-key-policy')).toContainText('每 7 天');
      await expect(page.getByTestId('cs-key-policy')).toContainText('须经辅导站站长批准');

      // Without a reason, the API names the field and nothing is added.
      await page.getByTestId('cs-key-add').click();
      const form = page.getByTestId('cs-add-key-student-form');
      await form.getByTestId('cs-add-key-student-search').click();
      await form
        .getByTestId('cs-add-key-student-search')
        .locator('input')
        .pressSequentially(student.studentNumber);
      await page.locator('.el-select-dropdown__item', { hasText: student.studentNumber }).click();
      await form.getByTestId('cs-add-key-student-submit').click();
      await expect(form.locator('.el-form-item.is-error')).toContainText('关注理由');
      await form.getByTestId('cs-add-key-student-reason').fill(reason);
      await form.getByTestId('cs-add-key-student-submit').click();
      await expect(form).toHaveCount(0);

      // On the roster: why, no talk yet, the next one due a week on, not overdue.
      await page.getByTestId('cs-key-search').fill(student.studentNumber);
      const rows = page.getByTestId('cs-key-table').locator('.el-table__body tr');
      await expect(rows).toHaveCount(1);
      const row = rows.first();
      await expect(row.getByTestId('cs-key-student')).toHaveText(student.name);
      await expect(row.getByTestId('cs-key-source')).toHaveText('手动加入');
      await expect(row.getByTestId('cs-key-reason')).toHaveText(reason);
      await expect(row).toContainText('尚未谈话');
      await expect(row.getByTestId('cs-key-due')).toContainText(chinaMonthDay(7));
      await expect(row.getByTestId('cs-key-overdue')).toHaveCount(0);
      // No open case yet: the talk is recorded once a case is opened from the student's page.
      await expect(row.getByTestId('cs-key-record-talk')).toHaveText('建档后记录谈话');
      await page.getByTestId('cs-key-search').fill('');
      await expect(page.getByTestId('cs-key-table').locator('.el-table__body tr').first()).toBeVisible();
      await page.screenshot({ path: `${SCREENS}/roster-counsellor-${name}.png`, fullPage: true });

      // Asking to take them off, with a reason: it waits for the station head.
      await page.getByTestId('cs-key-search').fill(student.studentNumber);
      await expect(rows).toHaveCount(1);
      await row.getByTestId('cs-key-request-removal').click();
      const dialog = page.getByTestId('cs-key-removal-form');
      await dialog.getByTestId('cs-key-removal-reason').fill('连续四周状态稳定');
      await dialog.getByTestId('cs-key-removal-submit').click();
      await expect(row.getByTestId('cs-key-removal')).toContainText('连续四周状态稳定');
      await expect(row.getByTestId('cs-key-request-removal')).toHaveCount(0);
      await page.context().clearCookies();

      await signIn(page, 'station');
      // The station head's roster shows the removal waiting, with its reason.
      await page.goto('/college-station/key-students');
      await expect(
        page.getByTestId('cs-key-table').locator('.el-table__body tr', { hasText: student.name }),
      ).toContainText('移出待审批');
      await page.screenshot({ path: `${SCREENS}/roster-station-${name}.png`, fullPage: true });

      await page.getByTestId('cs-key-approvals-tab').click();
      const waiting = page
        .getByTestId('cs-key-table')
        .locator('.el-table__body tr', { hasText: student.name });
      await expect(waiting).toHaveCount(1);
      await expect(waiting).toContainText('连续四周状态稳定');
      await page.screenshot({ path: `${SCREENS}/approvals-station-${name}.png`, fullPage: true });
      await waiting.getByTestId('cs-key-approve').click();
      await expect(waiting).toHaveCount(0);

      // Off the roster.
      await page.getByTestId('cs-key-roster-tab').click();
      await page.getByTestId('cs-key-search').fill(student.studentNumber);
      await expect(page.getByTestId('cs-key-table')).toContainText('名单中没有学生');
    });

    test('as station the KPI panel shows the college and the XLSX download carries the same figures', async ({
      page,
    }) => {
      test.setTimeout(90_000);
      mkdirSync(SCREENS, { recursive: true });
      // A key student of the college not yet talked to, so the figures count something.
      const student = await studentOfCounsellor(page, name === 'desktop' ? 54 : 56);
      const csrf = await apiAs(page, 'counsellor');
      const added = await page.request.post('/api/key-students', {
        headers: { 'x-csrf-token': csrf },
        data: { studentId: student.id, reason: `KPI e2e ${name}` },
      });
      expect(added.status(), await added.text()).toBe(201);
      await page.context().clearCookies();

      await signIn(page, 'station');
      await page.goto('/college-station/kpis');
      const panel = page.getByTestId('case-work-kpis');
      const rows = panel.locator('.el-table__body tr');
      // The station head's college, and the total.
      await expect(rows).toHaveCount(2);
      await expect(rows.last()).toContainText('合计');
      const shown = (await rows.last().getByTestId('kpi-key-students').textContent())!.trim();
      await page.screenshot({ path: `${SCREENS}/kpis-station-${name}.png`, fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByTestId('case-work-kpis-export').click(),
      ]);
      expect(download.suggestedFilename()).toBe('个案工作指标.xlsx');
      const cells = xlsxCells(readFileSync((await download.path())!));
      expect(cells.A1).toBe('学院 / College');
      expect(cells.A3).toBe('全校 / School');
      // Key students talked to this week: done, of, share, as the panel shows them.
      const expected = shown === '—' ? null : /^(\d+) \/ (\d+)/.exec(shown);
      expect(cells.H3).toBe(expected ? expected[1] : '0');
      expect(cells.I3).toBe(expected ? expected[2] : '0');
      expect(Number(cells.I3)).toBeGreaterThan(0);
    });

    test('as the center director, the student affairs KPI table shows the school case-work figures beside staffing and funding', async ({
      page,
    }) => {
      await signIn(page, 'director');
      const kpis = (await (await page.request.get('/api/case-work/kpis')).json()) as {
        school: { keyStudentsTalkedThisWeek: { done: number; total: number } };
      };
      await page.getByTestId('module-nav').getByRole('link', { name: '学生处' }).click();
      const table = page.getByTestId('sa-case-work-table');
      await expect(page.getByTestId('sa-kpis')).toBeVisible();
      const { done, total } = kpis.school.keyStudentsTalkedThisWeek;
      await expect(table.locator('.el-table__body tr', { hasText: '重点关注学生本周已谈话' })).toContainText(
        total ? `${done} / ${total}` : '—',
      );
      await expect(page.getByTestId('sa-case-work-export')).toBeVisible();
      await page.getByTestId('sa-case-work').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS}/student-affairs-director-${name}.png`, fullPage: true });
    });

    test('as counsellor, 记录谈话 opens the case of a student with an open case; the talk moves the next one a week on', async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const student = await studentOfCounsellor(page, name === 'desktop' ? 58 : 60);
      const csrf = await apiAs(page, 'counsellor');
      const me = (await (await page.request.get('/api/auth/me')).json()) as { person: { id: string } };
      const title = `学业压力大 e2e ${name} ${Date.now()}`;
      const opened = await page.request.post('/api/cases', {
        headers: { 'x-csrf-token': csrf },
        data: {
          studentId: student.id,
          kind: 'support',
          title,
          responsiblePersonId: me.person.id,
          dueDate: new Date(Date.now() + 5 * 86_400_000).toLocaleDateString('sv-SE', {
            timeZone: 'Asia/Shanghai',
          }),
        },
      });
      expect(opened.status(), await opened.text()).toBe(201);
      await page.context().clearCookies();

      await signIn(page, 'counsellor');
      await page.goto('/college-station/key-students');
      await page.getByTestId('cs-key-search').fill(student.studentNumber);
      const row = page.getByTestId('cs-key-table').locator('.el-table__body tr', { hasText: student.name });
      // On the roster by itself: its open case is why.
      await expect(row.getByTestId('cs-key-source')).toHaveText('未结个案');
      await expect(row.getByTestId('cs-key-reason')).toHaveText(title);
      await expect(row).toContainText('尚未谈话');
      await row.getByTestId('cs-key-record-talk').click();

      const entryForm = page.getByTestId('cs-case-entry-form');
      await expect(entryForm.getByRole('radio', { name: '谈话' })).toBeChecked();
      await entryForm.getByText('面谈', { exact: true }).click();
      await entryForm.getByLabel('谈话结果').fill('情绪平稳');
      await entryForm.getByText('低', { exact: true }).click();
      await entryForm.getByLabel('记录内容').fill('每周谈话：学习节奏有改善。');
      await entryForm.getByRole('button', { name: '保存记录' }).click();
      await expect(page.getByTestId('cs-case-entries')).toContainText('每周谈话：学习节奏有改善。');

      await page.getByTestId('cs-key-students-tab').click();
      await page.getByTestId('cs-key-search').fill(student.studentNumber);
      await expect(row).not.toContainText('尚未谈话');
      await expect(row.getByTestId('cs-key-due')).toContainText(chinaMonthDay(7));
    });
  });
}

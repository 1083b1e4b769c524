import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNT_TABLE } from '@xinqiao/demo-data';
import { seedPluginUiTitle } from '../support/plugin.ts';
import { moduleTitles, SCHOOL, signIn } from '../support/session.ts';

// Who opens which office module: the platform's rule, written out here as the user would check it.
const OFFICE_MODULES_BY_ROLE: Record<string, string[]> = {
  student_affairs: ['学生处'],
  school_admin: ['学生处', '学校管理'],
  // The center opens students' files and cases in the college station's screens too.
  center_director: ['学生处', '心理健康教育中心', '学院心理辅导站', '危机干预', '学校管理'],
  center_staff: ['心理健康教育中心', '学院心理辅导站', '危机干预'],
  // Those who run a crisis (the school's crisis-protocol names them) open the crisis module.
  college_station_head: ['学院心理辅导站', '危机干预'],
  counsellor: ['学院心理辅导站', '危机干预'],
  head_teacher: ['学院心理辅导站', '危机干预'],
  class_committee: ['学院心理辅导站'],
  dorm_liaison: ['学院心理辅导站'],
  // The peer alliance needs the school plugin's alliance rules: hrbmu has none (peer-alliance.spec signs in at hut).
  alliance_officer: [],
};

// A school plugin's own screen is shown to every role of that school.
const pluginScreen = seedPluginUiTitle(SCHOOL);

for (const account of DEMO_ACCOUNT_TABLE) {
  test(`${account.username} (${account.role}) sees exactly the modules of that role`, async ({ page }) => {
    await signIn(page, account.username);
    const expected = [
      ...(OFFICE_MODULES_BY_ROLE[account.role] ?? []),
      ...(pluginScreen ? [pluginScreen] : []),
    ];
    await expect(moduleTitles(page)).toHaveText(expected);
    if (expected.length === 0) await expect(page.getByTestId('no-modules')).toBeVisible();
  });
}

test('a role without the student affairs module cannot open it by its address', async ({ page }) => {
  await signIn(page, 'counsellor');
  await page.goto('/student-affairs');
  await expect(page.getByText('页面不存在')).toBeVisible();
  await expect(page.getByTestId('student-affairs')).toHaveCount(0);
});

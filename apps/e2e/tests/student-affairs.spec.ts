import { expect, type Page, test } from '@playwright/test';
import { evaluate } from '@xinqiao/policy';
import { seedPlugin } from '../support/plugin.ts';
import { SCHOOL, signIn } from '../support/session.ts';

const grouped = (n: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n);

interface StaffMember {
  name: string;
  employment: 'full_time' | 'part_time';
  trainingHours: number;
}

/** The school's stored facts (enrolment and staff) as the API holds them: the input, not the computed figures. */
async function storedFacts(page: Page): Promise<{ enrolment: number; staff: StaffMember[] }> {
  const res = await page.request.get('/api/student-affairs/overview');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { enrolment: number; staff: StaffMember[] };
  return { enrolment: body.enrolment, staff: body.staff };
}

async function openStudentAffairs(page: Page): Promise<void> {
  await page.getByTestId('module-nav').getByRole('link', { name: '学生处' }).click();
  await expect(page.getByTestId('sa-required-staff')).toBeVisible();
}

test("the student affairs figures equal the school plugin's results", async ({ page }) => {
  await signIn(page, 'affairs');
  const { enrolment, staff } = await storedFacts(page);
  const plugin = await seedPlugin(SCHOOL);
  const fullTime = staff.filter((s) => s.employment === 'full_time').length;
  const staffing = await evaluate(plugin, 'staffing-ratio', { enrolment, fullTimeStaff: fullTime });
  const funding = await evaluate(plugin, 'funding-formula', { enrolment });

  await openStudentAffairs(page);
  await expect(page.getByTestId('sa-enrolment')).toHaveText(grouped(enrolment));
  await expect(page.getByTestId('sa-required-staff')).toHaveText(String(staffing.requiredFullTimeStaff));
  await expect(page.getByTestId('sa-actual-staff')).toHaveText(String(fullTime));
  await expect(page.getByTestId('sa-funding')).toHaveText(grouped(funding.yearlyYuan));

  let met = 0;
  for (const member of staff) {
    const staffType = member.employment === 'full_time' ? 'full-time' : 'part-time';
    const decided = await evaluate(plugin, 'training-hours', { staffType, hours: member.trainingHours });
    if (decided.compliant) met += 1;
  }
  await page.getByRole('tab', { name: '培训学时' }).click();
  await expect(page.getByTestId('sa-training-compliance')).toHaveText(`达标 ${met} / ${staff.length} 人`);
  await expect(page.getByTestId('sa-training-table').locator('tbody tr')).toHaveCount(staff.length);
});

test('what-if in the browser answers "at 30,000 students?" as the plugin does', async ({ page }) => {
  await signIn(page, 'affairs');
  const plugin = await seedPlugin(SCHOOL);
  await openStudentAffairs(page);
  await page.getByRole('tab', { name: '测算' }).click();
  const students = page.getByLabel('在校生人数（人）');
  await students.fill('30000');
  await page.getByLabel('专职教师人数（人）').fill('3');
  await page.getByTestId('sa-what-if-run').click();

  const staffing = await evaluate(plugin, 'staffing-ratio', { enrolment: 30000, fullTimeStaff: 3 });
  const funding = await evaluate(plugin, 'funding-formula', { enrolment: 30000 });
  await expect(page.getByTestId('sa-what-if-required')).toHaveText(String(staffing.requiredFullTimeStaff));
  await expect(page.getByTestId('sa-what-if-gap')).toHaveText(String(staffing.shortfall));
  await expect(page.getByTestId('sa-what-if-funding')).toHaveText(grouped(funding.yearlyYuan));
  // Seed 000: one full-time teacher per 4,000 students and 15 yuan per student per year.
  expect(staffing.requiredFullTimeStaff).toBe(8);
  expect(funding.yearlyYuan).toBe(450000);
});

test('edits go through the API: a new enrolment recomputes the figures, a bad one names the field', async ({
  page,
}) => {
  await signIn(page, 'affairs');
  const { enrolment, staff } = await storedFacts(page);
  const plugin = await seedPlugin(SCHOOL);
  await openStudentAffairs(page);
  await page.getByRole('tab', { name: '数据维护' }).click();

  const next = enrolment + 4100;
  await page.getByTestId('sa-enrolment-form').getByLabel('在校生人数（人）').fill(String(next));
  await page.getByTestId('sa-enrolment-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('tab', { name: '总览' }).click();
  const fullTimeStaff = staff.filter((s) => s.employment === 'full_time').length;
  const staffing = await evaluate(plugin, 'staffing-ratio', { enrolment: next, fullTimeStaff });
  await expect(page.getByTestId('sa-enrolment')).toHaveText(grouped(next));
  await expect(page.getByTestId('sa-required-staff')).toHaveText(String(staffing.requiredFullTimeStaff));
  expect((await storedFacts(page)).enrolment).toBe(next);

  await page.getByRole('tab', { name: '数据维护' }).click();
  await page.getByTestId('sa-add-staff-form').getByRole('button', { name: '添加' }).click();
  const problem = page.getByTestId('problem-alert');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('name');
});

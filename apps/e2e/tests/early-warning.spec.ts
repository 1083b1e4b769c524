import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { SCHOOL, signIn } from '../support/session.ts';

// Issue 13 (early warning), end to end on the demo school: after start the counsellor finds academic, spending and
// lost-contact warnings with their reasons and deadlines in My work; the school's academic-affairs system posts a
// grade feed with a service token, which clears one student's academic warning and raises another's; the center
// sees the counts by module and college. Screenshots on a desktop and a 390×844 phone.

const SHOTS = '/work/notes/shots';

interface Warning {
  id: string;
  module: string;
  level: string;
  student: { id: string; studentNumber: string };
}

/** Signs in an API session in the page's request context and answers its CSRF token. */
async function apiAs(page: Page, username: string): Promise<string> {
  const res = await page.request.post('/api/auth/login', {
    data: { school: SCHOOL, username, password: DEMO_PASSWORD },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Every open warning the signed-in user handles (the list comes in pages of at most 200). */
async function openWarnings(page: Page): Promise<Warning[]> {
  const res = await page.request.get('/api/warnings?status=open&pageSize=200');
  expect(res.ok(), await res.text()).toBe(true);
  const { items, total } = (await res.json()) as { items: Warning[]; total: number };
  expect(total, 'more open warnings than one page').toBe(items.length);
  return items;
}

/** The modules the demo's feeds raise for the counsellor's students. */
const FEED_MODULES = ['academic', 'lost-contact', 'spending'];

/**
 * The evaluation runs as a job right after the first start: wait until the counsellor's feed warnings are there.
 * Earlier tests of the run may add a psychological-crisis one (a tier-1 screening, an urgent concern report).
 */
async function waitForWarnings(page: Page): Promise<Warning[]> {
  const feedModules = async () => {
    const modules = new Set((await openWarnings(page)).map((w) => w.module));
    return FEED_MODULES.filter((module) => modules.has(module));
  };
  await expect.poll(feedModules, { timeout: 90_000 }).toEqual(FEED_MODULES);
  return openWarnings(page);
}

/** Twelve grades of a student: six courses in each of the two demo terms (T0 the earlier, T1 the latest). */
const grades = (studentNumber: string, scores: (term: string, course: number) => number) =>
  ['T0', 'T1'].flatMap((term, t) =>
    Array.from({ length: 6 }, (_, c) => ({
      studentNumber,
      term,
      courseCode: `C${t}${c}`,
      courseName: '课程',
      credit: c < 2 ? 4 : 2,
      score: scores(term, c),
    })),
  );

test('early warnings reach the counsellor, follow a grade feed, and add up for the center', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await apiAs(page, 'counsellor');
  const before = await waitForWarnings(page);
  const modules = [...new Set(before.map((w) => w.module))].sort();
  expect(modules.filter((module) => module !== 'psychological-crisis')).toEqual(FEED_MODULES);

  // My work: the warnings with their reasons and deadlines, on a desktop and on a phone.
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const tab = await context.newPage();
    await signIn(tab, 'counsellor');
    const items = tab.getByTestId('work-item').and(tab.locator('[data-kind="warning"]'));
    await expect(items.first()).toBeVisible();
    await expect(tab.getByTestId('work-counts').locator('[data-kind="warning"]')).toContainText('学生预警');
    for (const title of ['学业困难预警', '异常消费预警', '失联风险预警'])
      await expect(items.filter({ hasText: title }).first()).toBeVisible();
    await expect(items.first()).toContainText('期限');
    await tab.screenshot({
      path: `${SHOTS}/early-warning-my-work-${name}.png`,
      fullPage: name === 'desktop',
    });
    await tab.goto('/college-station/warnings');
    await expect(tab.getByTestId('warning-card').first()).toBeVisible();
    await expect(tab.getByTestId('warning-reasons').first()).not.toBeEmpty();
    await tab.screenshot({
      path: `${SHOTS}/early-warning-counsellor-${name}.png`,
      fullPage: name === 'desktop',
    });
    await context.close();
  }

  // The terms of the demo grades: the academic warning's own term, and the one before it.
  const yellow = before.find((w) => w.module === 'academic' && w.level === 'yellow')!;
  expect(yellow).toBeTruthy();
  const detail = (await (await page.request.get(`/api/warnings/${yellow.id}`)).json()) as { term: string };
  const latest = detail.term;
  const [year, half] = [latest.slice(0, 9), latest.slice(10)];
  const earlier = half === '2' ? `${year}-1` : `${Number(year.slice(0, 4)) - 1}-${year.slice(0, 4)}-2`;
  const termOf = (t: string) => (t === 'T0' ? earlier : latest);
  const warned = new Set(before.map((w) => w.student.studentNumber));
  const students = (await (await page.request.get('/api/students?pageSize=60')).json()) as {
    items: { studentNumber: string }[];
  };
  const calm = students.items.find((s) => !warned.has(s.studentNumber))!;

  // The academic-affairs system: a token from the school admin, then one batch of corrected and new grades.
  const adminCsrf = await apiAs(page, 'admin');
  const created = await page.request.post('/api/integration/tokens', {
    headers: { 'x-csrf-token': adminCsrf },
    data: { name: '教务系统', feeds: ['grades'] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const rows = [
    ...grades(yellow.student.studentNumber, () => 90),
    ...grades(calm.studentNumber, (term, c) => (term === 'T1' && c < 3 ? 40 : 85)),
  ].map((row) => ({ ...row, term: termOf(row.term) }));
  const posted = await page.request.post('/api/integration/feeds/grades', {
    headers: { authorization: `Bearer ${token}` },
    data: { rows },
  });
  expect(posted.status(), await posted.text()).toBe(200);

  await apiAs(page, 'counsellor');
  await expect
    .poll(
      async () => {
        const academic = (await openWarnings(page)).filter((w) => w.module === 'academic');
        const numbers = academic.map((w) => w.student.studentNumber);
        return [numbers.includes(yellow.student.studentNumber), numbers.includes(calm.studentNumber)];
      },
      { timeout: 60_000 },
    )
    .toEqual([false, true]);
  // Other modules may warn of the same student (a screening earlier in the run gives a psychological one).
  const raised = (await openWarnings(page)).find(
    (w) => w.student.studentNumber === calm.studentNumber && w.module === 'academic',
  )!;
  expect(raised).toMatchObject({ module: 'academic', level: 'red' });

  // The center: counts by module and by college.
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const tab = await context.newPage();
    await signIn(tab, 'center');
    await tab.goto('/college-station/warnings');
    const byModule = tab.getByTestId('overview-by-module');
    await expect(byModule).toContainText('学业困难');
    await expect(byModule).toContainText('失联风险');
    await expect(tab.getByTestId('overview-by-college').locator('tbody tr').first()).toBeVisible();
    // The list comes 50 at a time; the pager says how many there are and turns to the next 50.
    const { total } = (await (await tab.request.get('/api/warnings?status=open&pageSize=1')).json()) as {
      total: number;
    };
    const cards = tab.getByTestId('warnings-list').getByTestId('warning-card');
    await expect(cards).toHaveCount(Math.min(50, total));
    if (total > 50) {
      await expect(tab.getByTestId('warnings-total')).toHaveText(`共 ${total} 条`);
      await tab.getByTestId('warnings-total').scrollIntoViewIfNeeded();
      await tab.screenshot({ path: `${SHOTS}/early-warning-center-pages-${name}.png` });
      await tab.getByRole('button', { name: '下一页' }).click();
      await expect(cards).toHaveCount(Math.min(50, total - 50));
      await tab.getByRole('button', { name: '上一页' }).click();
      await expect(cards).toHaveCount(50);
    }
    await tab.screenshot({ path: `${SHOTS}/early-warning-center-${name}.png`, fullPage: name === 'desktop' });
    await context.close();
  }
});

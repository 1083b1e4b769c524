import { expect, type Locator, type Page, test } from '@playwright/test';
import { moduleLinks, signIn } from '../support/session.ts';

// Issue 5 (screening waves), end to end: the center creates and opens a PHQ-9 wave, imports a file with a few bad
// rows, sees the row errors, the tiers and the follow-ups due; a counsellor sees exactly their students'
// follow-ups; a class committee member sees nothing of screening. Every run makes its own wave, so the spec does
// not depend on other specs and can run twice against one server.

const CENTER_MODULE = '心理健康教育中心';
const STATION_MODULE = '学院心理辅导站';

interface Student {
  id: string;
  studentNumber: string;
  name: string;
  collegeName: string;
}

interface Counsellor {
  displayName: string;
  collegeId: string;
  collegeName: string;
}

/** A counsellor's name and college, as the center finds them in the school's people list. */
async function counsellorOf(page: Page, username: string): Promise<Counsellor> {
  const res = await page.request.get(`/api/people?q=${username}`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as {
    items: {
      username: string;
      displayName: string;
      roles: { role: string; unitId: string; unitName: string }[];
    }[];
  };
  const person = items.find((p) => p.username === username)!;
  const role = person.roles.find((r) => r.role === 'counsellor')!;
  return { displayName: person.displayName, collegeId: role.unitId, collegeName: role.unitName };
}

/** The first students of a college, as the center gets them from the API. */
async function studentsOf(page: Page, collegeId: string, count: number): Promise<Student[]> {
  const res = await page.request.get(`/api/students?unitId=${collegeId}&pageSize=${count}`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: Student[] };
  expect(items).toHaveLength(count);
  return items;
}

/** The cells of an Element Plus table row, as text. */
const cellsOf = async (row: Locator) =>
  (await row.locator('td').allTextContents()).map((text) => text.trim());

/** The body row of an Element Plus table whose text includes `text`. */
const rowWith = (table: Locator, text: string) => table.locator('tbody tr', { hasText: text });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

test('the center imports a PHQ-9 wave with bad rows; counsellors see only their follow-ups, a committee member nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const waveName = `秋季全校排查（PHQ-9）e2e ${Date.now()}`;

  await signIn(page, 'center');
  const mine = await counsellorOf(page, 'counsellor');
  const other = await counsellorOf(page, 'counsellor2');
  expect(mine.collegeId).not.toBe(other.collegeId);
  const [a1, a2, a3, a4, a5] = await studentsOf(page, mine.collegeId, 5);
  const [b1, b2, b3] = await studentsOf(page, other.collegeId, 3);

  // One row per student; answers as one 答案 cell of 9 digits (PHQ-9 items 1–9, each 0–3). hrbmu's rules: tier 1
  // when item 9 is above 0 or the total is 15 or more, tier 2 for a total of 10–14, tier 3 otherwise.
  const unknownNumber = `E2E${Date.now()}`;
  const rows: [string, string, string][] = [
    [a1!.studentNumber, a1!.name, '111110001'], // row 2: item 9 → tier 1
    [a2!.studentNumber, a2!.name, '222222210'], // row 3: total 15 → tier 1
    [unknownNumber, '查无此人', '000000000'], // row 4: no such student
    [a3!.studentNumber, a3!.name, '222220000'], // row 5: total 10 → tier 2
    [a4!.studentNumber, a4!.name, '000000000'], // row 6: tier 3
    [a5!.studentNumber, a5!.name, '11111000'], // row 7: 8 answers
    [b1!.studentNumber, b1!.name, '000000002'], // row 8: item 9 → tier 1
    [b2!.studentNumber, b2!.name, '100000000'], // row 9: tier 3
    [b3!.studentNumber, b3!.name, '004000000'], // row 10: item 3 answered 4
  ];
  const csv = ['学号,姓名,答案', ...rows.map((r) => r.join(','))].join('\n');

  await test.step('create a wave from the plugin’s proposal and open it', async () => {
    await moduleLinks(page).filter({ hasText: CENTER_MODULE }).click();
    const proposal = rowWith(page.getByTestId('cc-proposals'), '秋季全校排查（PHQ-9）');
    await proposal.getByRole('button', { name: '按此填写' }).click();
    const form = page.getByTestId('cc-new-wave');
    await expect(form.getByLabel('批次名称')).toHaveValue('秋季全校排查（PHQ-9）');
    await expect(form.getByRole('radio', { name: 'PHQ-9' })).toBeChecked();
    await form.getByLabel('批次名称').fill(waveName);
    await form.getByRole('button', { name: '创建批次' }).click();

    const wave = rowWith(page.getByTestId('cc-waves'), waveName);
    await expect(wave.getByTestId('cc-wave-status')).toHaveText('计划中');
    await wave.getByRole('button', { name: '开放' }).click();
    await expect(wave.getByTestId('cc-wave-status')).toHaveText('进行中');
  });

  await test.step('import the file: progress to the end, row errors by row number and reason', async () => {
    await page.getByRole('tab', { name: '导入结果' }).click();
    await expect(page.getByTestId('cc-import-wave')).toContainText(waveName);
    await page.getByTestId('cc-file').setInputFiles({
      name: 'phq9-e2e.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('cc-start').click();
    const result = page.getByTestId('cc-import');
    // The import is a background job: on a loaded machine it may wait behind the demo's start-up jobs (the warning
    // evaluations) before it reads a row, while the page shows 导入中 with its progress.
    await expect(result).toContainText('导入完成', { timeout: 90_000 });
    await expect(result.locator('progress')).toHaveJSProperty('value', 1);
    await expect(page.getByTestId('cc-import-counts')).toHaveText(
      '读取 9 行，写入 6 行，未变 0 行，错误 3 行，新开随访 3 个',
    );

    const errors = page.getByTestId('cc-row-errors').locator('tbody tr');
    await expect(errors).toHaveCount(3);
    const byRow = new Map<string, string[]>();
    for (const row of await errors.all()) {
      const cells = await cellsOf(row);
      byRow.set(cells[0]!, cells);
    }
    expect([...byRow.keys()].sort()).toEqual(['10', '4', '7']);
    expect(byRow.get('4')![2]).toContain(`没有学号为 ${unknownNumber} 的学生`);
    expect(byRow.get('7')![2]).toContain('题目数量不对：应为 9 题，实际为 8 题');
    expect(byRow.get('10')![2]).toContain('第 3 题的答案 4 超出范围 0–3');
  });

  const dueDates = new Map<string, string>();
  await test.step('the tiers per college and the tier-1 students with their due dates', async () => {
    await page.getByRole('tab', { name: '分级统计' }).click();
    await expect(page.getByTestId('cc-tiers-wave')).toContainText(waveName);
    const tiers = page.getByTestId('cc-tiers');
    // College, screened, tier 1, tier 2, tier 3.
    await expect(rowWith(tiers, mine.collegeName)).toHaveCount(1);
    expect((await cellsOf(rowWith(tiers, mine.collegeName))).slice(0, 5)).toEqual([
      mine.collegeName,
      '4',
      '2',
      '1',
      '1',
    ]);
    expect((await cellsOf(rowWith(tiers, other.collegeName))).slice(0, 5)).toEqual([
      other.collegeName,
      '2',
      '1',
      '0',
      '1',
    ]);
    await expect(tiers.locator('tbody tr')).toHaveCount(2);

    // Tier 1 is the table's first filter.
    const results = page.getByTestId('cc-results');
    await expect(results.locator('tbody tr')).toHaveCount(3);
    for (const student of [a1!, a2!, b1!]) {
      const cells = await cellsOf(rowWith(results, student.studentNumber));
      expect(cells[3]).toMatch(DATE);
      dueDates.set(student.studentNumber, cells[3]!);
    }
    expect(await cellsOf(rowWith(results, a1!.studentNumber))).toContain('PHQ-9 第9题（自伤念头）得分 > 0');
    expect(await cellsOf(rowWith(results, a2!.studentNumber))).toContain('PHQ-9 总分 ≥ 15（中重度及以上）');
  });

  await test.step('the follow-ups due, each with its counsellor', async () => {
    await page.getByRole('tab', { name: '随访' }).click();
    const followUps = page.getByTestId('cc-follow-ups');
    await expect(followUps.getByRole('radio', { name: '未约谈' })).toBeChecked();
    await expect(page.getByTestId('cc-follow-ups-count')).toHaveText('共 3 个随访');
    const table = page.getByTestId('cc-follow-ups-table');
    for (const [student, counsellor] of [
      [a1!, mine],
      [a2!, mine],
      [b1!, other],
    ] as const) {
      const row = rowWith(table, student.studentNumber);
      await expect(row).toContainText(dueDates.get(student.studentNumber)!);
      await expect(row).toContainText(counsellor.displayName);
      // The center opens the student's file and the follow-up's case from here (the college station hosts them).
      await expect(row.getByTestId('cc-student-link')).toHaveAttribute(
        'href',
        `/college-station/students/${student.id}`,
      );
      await expect(row.getByTestId('cc-case-link')).toHaveAttribute('href', /\/college-station\/cases\//);
    }
    // None is overdue yet: due dates are working days after today.
    // Element Plus draws the radio button over its input: click what the person sees.
    await followUps.getByText('逾期', { exact: true }).click();
    await expect(followUps.getByRole('radio', { name: '逾期' })).toBeChecked();
    await expect(page.getByTestId('cc-follow-ups-count')).toHaveText('共 0 个随访');

    // Without a wave, the list holds every wave's follow-ups: this wave's three are among them.
    await followUps.getByText('未约谈', { exact: true }).click();
    await page.getByTestId('cc-follow-ups-wave').hover();
    await page.getByTestId('cc-follow-ups-wave').locator('.el-select__clear').click();
    await expect(page.getByTestId('cc-follow-ups-wave')).toContainText('全部批次');
    await expect(table.locator('tbody tr', { hasText: waveName })).toHaveCount(3);
  });

  // The wave's id, for the checks of what the API gives the other roles.
  const waves = (await (await page.request.get('/api/screening/waves')).json()) as {
    waves: { id: string; name: string }[];
  };
  const waveId = waves.waves.find((w) => w.name === waveName)!.id;
  await page.context().clearCookies();

  await test.step('the counsellor sees the follow-ups of their own students, not the other college’s', async () => {
    await signIn(page, 'counsellor');
    await expect(moduleLinks(page).filter({ hasText: CENTER_MODULE })).toHaveCount(0);
    await moduleLinks(page).filter({ hasText: STATION_MODULE }).click();
    await page.getByTestId('cs-follow-ups-tab').click();
    const open = page.getByTestId('cs-follow-ups-open');
    const ofThisWave = open.locator('tbody tr', { hasText: waveName });
    await expect(ofThisWave).toHaveCount(2);
    for (const student of [a1!, a2!]) {
      await expect(rowWith(open, student.studentNumber).filter({ hasText: waveName })).toContainText(
        dueDates.get(student.studentNumber)!,
      );
    }
    await expect(page.getByTestId('cs-follow-ups-overdue')).not.toContainText(waveName);
    await expect(page.getByText(b1!.studentNumber)).toHaveCount(0);

    // The API gives the counsellor the same two, whatever they ask for.
    const res = await page.request.get(`/api/screening/follow-ups?state=all&waveId=${waveId}`);
    expect(res.ok()).toBe(true);
    const { followUps } = (await res.json()) as { followUps: { student: { studentNumber: string } }[] };
    expect(followUps.map((f) => f.student.studentNumber).sort()).toEqual(
      [a1!.studentNumber, a2!.studentNumber].sort(),
    );
    await page.context().clearCookies();
  });

  await test.step('a class committee member sees no screening module and gets no screening data', async () => {
    await signIn(page, 'committee');
    await expect(moduleLinks(page).filter({ hasText: CENTER_MODULE })).toHaveCount(0);
    await page.goto('/counselling-center');
    await expect(page.getByText('页面不存在')).toBeVisible();
    await expect(page.getByTestId('counselling-center')).toHaveCount(0);
    for (const path of [
      `/api/screening/follow-ups?waveId=${waveId}`,
      `/api/screening/waves/${waveId}/results`,
      '/api/screening/waves',
    ]) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
  });
});

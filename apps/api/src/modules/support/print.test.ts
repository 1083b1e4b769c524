import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import { json } from '../students/fixtures.test-helpers.ts';

// Renders the record cards and letters to PNG pages with poppler's pdftoppm and reads their text with pdftotext:
// the Chinese comes from the font the API ships (Noto Sans SC), so this holds on a machine without CJK fonts.
let t: TestApp;
let teacher: TestSession;
let listId = '';
let fileId = '';
let studentName = '';
const dir = mkdtempSync(join(tmpdir(), 'xinqiao-cards-'));

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'nuc-shuozhou' } });
  t = await createTestApp({ plugins });
  teacher = await loginAs(t.app, 'alpha', 'teacher1');
  const college = t.world.schools.alpha.colleges[0];
  const post = (path: string, body: Record<string, unknown> = {}) =>
    teacher.request(`/api${path}`, { method: 'POST', body });
  await post('/support/failed-courses', { studentId: college.studentIds[0], term: '2024-2025-2', count: 4 });
  const list = await json(await post('/support/lists', { classUnitId: college.classId }));
  listId = list.id;
  const confirmed = await json(await post(`/support/lists/${listId}/confirm`));
  fileId = confirmed.entries[0].fileId;
  studentName = confirmed.entries[0].student.name;
  await teacher.request(`/api/support/files/${fileId}/plan`, {
    method: 'PUT',
    body: { academic: '每周两次一对一辅导高等数学', strengths: '发挥篮球特长，担任体育委员' },
  });
  await post(`/support/files/${fileId}/parent-contacts`, {
    contactedAt: '2025-03-03T07:00:00Z',
    method: 'phone',
    contactedPerson: '母亲',
    agreed: '每周督促学习',
    invitedToCampus: false,
  });
});
afterAll(() => t?.close());

/** Fetches a PDF, renders its pages to PNG and answers the page count, the PNGs written and the text. */
async function render(path: string, name: string) {
  const res = await teacher.request(`/api${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-r', '40', '-png', file, join(dir, name)]);
  const pngs = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  return { bytes, pngs, text };
}

describe('support/print', () => {
  it('prints a student card laid out like attachment 3: A4, front and back, two copies, filled', async () => {
    const { bytes, pngs, text } = await render(`/support/files/${fileId}/card.pdf`, 'card');
    expect(pngs).toHaveLength(4);
    for (const label of [
      '学生帮扶教育记录卡',
      '学生姓名',
      '家长联系记录',
      '帮扶方案',
      '帮扶过程记录',
      '班主任效果评价',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain(studentName);
    expect(text).toContain('学业辅导：每周两次一对一辅导高等数学');
    expect(text).toContain('每周督促学习');
    expect(text).toContain('一式两份');
    expect(bytes.length).toBeLessThan(400_000);
  });

  it('prints the class cards in one PDF and the two letters with the names filled in', async () => {
    const cards = await render(`/support/lists/${listId}/cards.pdf`, 'cards');
    expect(cards.pngs.length % 4).toBe(0);
    expect(cards.text).toContain(studentName);
    const letter = await render(`/support/lists/${listId}/letters/responsibility.pdf`, 'responsibility');
    expect(letter.text).toContain('学业困难学生帮扶计划责任书');
    expect(letter.text).toContain(studentName);
    const volunteer = await render(`/support/lists/${listId}/letters/volunteer.pdf`, 'volunteer');
    expect(volunteer.text).toContain('帮扶志愿书');
    expect(volunteer.text).toContain(studentName);
  });
});

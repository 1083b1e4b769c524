import { mount } from '@vue/test-utils';
import { i18n, setLocale, useSessionStore } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import '../i18n.ts';
import type { FileEntry, FullStudent, ReducedStudent } from '../api.ts';
import StudentPage from './StudentPage.vue';

const reduced: ReducedStudent = {
  id: 's1',
  view: 'reduced',
  studentNumber: '2024030127',
  name: '张三',
  gender: 'male',
  className: '临床医学2024级1班',
  dormName: '3号楼312室',
};

const full: FullStudent = {
  ...reduced,
  view: 'full',
  enrolmentYear: 2024,
  collegeUnitId: 'c1',
  collegeName: '第一临床医学院',
  classUnitId: 'k1',
  dormUnitId: 'd1',
  phone: '13800138000',
  email: null,
  guardians: [{ name: '张父', relation: '父亲', phone: '13900139000' }],
  createdAt: '2024-09-01T00:00:00.000Z',
  updatedAt: '2024-09-01T00:00:00.000Z',
};

const visit: FileEntry = {
  id: 'e1',
  source: 'file',
  kind: 'dorm_visit',
  title: '期中寝室走访',
  body: '作息正常',
  visibility: 'network',
  recordedAt: '2025-04-01T02:30:00.000Z',
  recordedBy: { id: 'p1', displayName: '王老师' },
  case: null,
};

/** Answers the API calls the page makes, and records which paths were asked for. */
function fakeApi(student: FullStudent | ReducedStudent): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const input = url.pathname + url.search;
    asked.push(input);
    const body = input.includes('/file')
      ? { student, entries: [visit] }
      : { items: [], page: 1, pageSize: 20, total: 0 };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return asked;
}

async function mountPage(caseWorker: boolean, permissions: string[] = []) {
  const pinia = createPinia();
  if (permissions.length > 0) {
    // Only what the page reads of the session: its permissions.
    useSessionStore(pinia).me = { permissions } as never;
  }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  });
  const wrapper = mount(StudentPage, {
    props: { id: 's1', base: '/college-station', caseWorker },
    global: { plugins: [i18n, pinia, router] },
  });
  await vi.waitFor(() => expect(wrapper.text()).toContain('2024030127'));
  return wrapper;
}

describe('a student page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh-CN');
  });

  it('shows the reduced view only what the API returned: no contacts, no cases, no form', async () => {
    const asked = fakeApi(reduced);
    const text = (await mountPage(false)).text();
    expect(text).toContain('张三');
    expect(text).toContain('临床医学2024级1班');
    expect(text).toContain('3号楼312室');
    expect(text).toContain('期中寝室走访');
    expect(text).toContain('只显示学生的基本信息');
    for (const hidden of ['联系方式', '监护人', '个案', '记入档案', '第一临床医学院'])
      expect(text).not.toContain(hidden);
    expect(asked).toEqual(['/api/students/s1/file']);
  });

  it('shows a counsellor the contacts, the cases and the form to record in the file', async () => {
    const asked = fakeApi(full);
    const wrapper = await mountPage(true);
    await vi.waitFor(() => expect(wrapper.text()).toContain('该学生暂无个案'));
    const text = wrapper.text();
    expect(text).toContain('13800138000');
    expect(text).toContain('张父（父亲）：13900139000');
    expect(text).toContain('记入档案');
    expect(asked).toContain('/api/cases?studentId=s1&page=1&pageSize=20');
  });

  it('offers the reset of the student-side password to those who may change the student, in full view only', async () => {
    fakeApi(full);
    const writer = await mountPage(false, ['students.write']);
    expect(writer.find('[data-testid="cs-reset-password"]').text()).toBe('重置学生端密码');
    fakeApi(full);
    expect(
      (await mountPage(false, ['students.read'])).find('[data-testid="cs-reset-password"]').exists(),
    ).toBe(false);
    fakeApi(reduced);
    expect(
      (await mountPage(false, ['students.write'])).find('[data-testid="cs-reset-password"]').exists(),
    ).toBe(false);
  });

  it('follows the shell language switch', async () => {
    fakeApi(reduced);
    const wrapper = await mountPage(false);
    setLocale('en');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Student file'));
    expect(wrapper.text()).toContain('Dorm visit');
  });
});

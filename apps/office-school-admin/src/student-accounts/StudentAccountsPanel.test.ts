import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { ElMessageBox } from '@xinqiao/web-kit/elements';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import { countByState, filenameOf, issueUrl } from './api.ts';
import { studentAccountsEn, studentAccountsZh } from './messages.ts';
import StudentAccountsPanel from './StudentAccountsPanel.vue';

const answer = (body: unknown, status = 200, type = 'application/json') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? type : 'application/problem+json' },
  });

const student = (studentNumber: string, state: string, lastSignInAt: string | null = null) => ({
  studentId: `id-${studentNumber}`,
  studentNumber,
  name: `学生${studentNumber.slice(-1)}`,
  state,
  issuedAt: state === 'none' ? null : '2026-12-01T02:00:00.000Z',
  passwordChangedAt: null,
  lastSignInAt,
});
const klass = (states: string[]) => ({
  classId: 'k1',
  className: '临床医学2024级1班',
  schoolName: '哈尔滨医科大学',
  students: states.map((s, i) =>
    student(`202401000${i + 1}`, s, s === 'active' ? '2026-12-02T01:00:00.000Z' : null),
  ),
});

/** Answers the panel's calls in order per "METHOD path"; records each call. */
function fakeApi(replies: Record<string, (() => Response)[]>) {
  const calls: { call: string; csrf: string | null }[] = [];
  vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
    const request = typeof input === 'string' ? new Request(new URL(input, 'http://localhost'), init) : input;
    const call = `${request.method} ${new URL(request.url).pathname}`;
    calls.push({ call, csrf: request.headers.get('x-csrf-token') });
    const reply = replies[call]?.shift();
    if (!reply) throw new Error(`unexpected request ${call}`);
    return reply();
  });
  return calls;
}

// The class picker searches the network; here a button picks class k1.
const PickClass = {
  props: ['modelValue'],
  emits: ['update:modelValue'],
  template: `<button data-testid="pick" @click="$emit('update:modelValue', 'k1')">pick</button>`,
};

async function mountPanel() {
  const wrapper = mount(StudentAccountsPanel, {
    global: { plugins: [i18n, createPinia()], stubs: { UnitPicker: PickClass } },
  });
  await wrapper.get('[data-testid="sacc-class"]').trigger('click');
  await flushPromises();
  return wrapper;
}

describe('student accounts helpers', () => {
  it('reads the UTF-8 file name of a download, then the plain one', () => {
    const header = `attachment; filename="student-accounts.pdf"; filename*=UTF-8''${encodeURIComponent('一班-学生账号.pdf')}`;
    expect(filenameOf(header, 'x.pdf')).toBe('一班-学生账号.pdf');
    expect(filenameOf('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(filenameOf(null, 'x.xlsx')).toBe('x.xlsx');
    expect(filenameOf(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.pdf')).toBe('x.pdf');
  });

  it('counts the class by account state and names the issue route of a format', () => {
    expect(countByState(klass(['none', 'none', 'active', 'must_change_password']).students as never)).toEqual(
      {
        none: 2,
        must_change_password: 1,
        active: 1,
        disabled: 0,
      },
    );
    expect(issueUrl('k1', 'pdf')).toBe('/api/student-accounts/classes/k1/issue.pdf');
  });

  it('has every text in both languages', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : keys(v, `${p}${k}.`)));
    expect(keys(studentAccountsEn).sort()).toEqual(keys(studentAccountsZh).sort());
  });
});

describe('the student accounts panel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the class’s students with their account state and the counts', async () => {
    fakeApi({
      'GET /api/student-accounts/classes/k1': [
        () => answer(klass(['none', 'must_change_password', 'active'])),
      ],
    });
    const wrapper = await mountPanel();
    expect(wrapper.get('[data-testid="sacc-summary"]').text()).toBe(
      '共 3 人：未开通 1 人，待首次改密 1 人，已启用 1 人',
    );
    const states = wrapper.findAll('[data-testid="sacc-state"]').map((tag) => tag.text());
    expect(states).toEqual(['未开通', '待首次改密', '已启用']);
    expect(wrapper.get('[data-testid="sacc-issue"]').text()).toBe('发放账号（1 人）');
  });

  it('asks before issuing, downloads the chosen format once and reloads the class', async () => {
    const calls = fakeApi({
      'GET /api/student-accounts/classes/k1': [
        () => answer(klass(['none', 'none'])),
        () => answer(klass(['must_change_password', 'must_change_password'])),
      ],
      'POST /api/student-accounts/classes/k1/issue.xlsx': [
        () =>
          new Response('xlsx', {
            headers: {
              'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'content-disposition': `attachment; filename="s.xlsx"; filename*=UTF-8''${encodeURIComponent('一班-学生账号.xlsx')}`,
            },
          }),
      ],
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const wrapper = await mountPanel();
    await wrapper.get('[data-testid="sacc-format-xlsx"] input').setValue(true);
    await wrapper.get('[data-testid="sacc-issue"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    expect(String(confirm.mock.calls[0]![0])).toContain('2 名未开通的学生');
    expect(String(confirm.mock.calls[0]![0])).toContain('XLSX 表格');
    expect(calls.map((c) => c.call)).toEqual([
      'GET /api/student-accounts/classes/k1',
      'POST /api/student-accounts/classes/k1/issue.xlsx',
      'GET /api/student-accounts/classes/k1',
    ]);
    expect(clicked).toHaveBeenCalledOnce();
    expect(wrapper.get('[data-testid="sacc-issued"]').text()).toContain('一班-学生账号.xlsx');
    expect(wrapper.get('[data-testid="sacc-issue"]').text()).toBe('本班学生都已有账号');
    expect(wrapper.get('[data-testid="sacc-issue"]').attributes('disabled')).toBeDefined();
  });

  it('issues nothing when the admin cancels, and shows the API’s problem when refused', async () => {
    const calls = fakeApi({
      'GET /api/student-accounts/classes/k1': [() => answer(klass(['none']))],
      'POST /api/student-accounts/classes/k1/issue.pdf': [
        () => answer({ title: '未找到班级', status: 404, code: 'student-accounts.class-not-found' }, 404),
      ],
    });
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel');
    const wrapper = await mountPanel();
    await wrapper.get('[data-testid="sacc-issue"]').trigger('click');
    await flushPromises();
    expect(calls).toHaveLength(1);
    confirm.mockResolvedValueOnce('confirm' as never);
    await wrapper.get('[data-testid="sacc-issue"]').trigger('click');
    await flushPromises();
    expect(calls.map((c) => c.call)).toContain('POST /api/student-accounts/classes/k1/issue.pdf');
    expect(wrapper.text()).toContain('未找到班级');
  });
});

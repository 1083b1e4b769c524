import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { ElMessageBox } from '@xinqiao/web-kit/elements';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import StudentAccountReset from './StudentAccountReset.vue';
import { studentAccountEn, studentAccountZh } from './student-account-messages.ts';

/** Answers the reset with `reply`; records the calls. */
function fakeApi(reply: () => Response) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
    return reply();
  });
  return calls;
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

function mountReset() {
  return mount(StudentAccountReset, {
    props: { studentId: 's1', studentName: '张三', studentNumber: '2024030127' },
    global: { plugins: [i18n, createPinia()] },
    attachTo: document.body,
  });
}

describe('resetting a student’s password', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('asks first and resets nothing when cancelled', async () => {
    const calls = fakeApi(() => json({ password: 'x' }));
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    const wrapper = mountReset();
    await wrapper.get('[data-testid="cs-reset-password"]').trigger('click');
    await flushPromises();
    expect(String(confirm.mock.calls[0]![0])).toContain('张三（2024030127）');
    expect(calls).toEqual([]);
    wrapper.unmount();
  });

  it('shows the temporary password once, copies it, says it must be changed, and forgets it on closing', async () => {
    const calls = fakeApi(() => json({ password: 'Ab3dEf7hJk9m' }));
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const wrapper = mountReset();
    await wrapper.get('[data-testid="cs-reset-password"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual(['POST /api/students/s1/account/reset']);
    const dialog = () => document.body.querySelector('[data-testid="cs-reset-password-value"]');
    expect(dialog()?.textContent).toBe('Ab3dEf7hJk9m');
    expect(document.body.textContent).toContain('学生下次登录须修改密码。');
    (document.body.querySelector('[data-testid="cs-reset-copy"]') as HTMLElement).click();
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith('Ab3dEf7hJk9m');
    expect(document.body.querySelector('[data-testid="cs-reset-copied"]')?.textContent).toContain('已复制');
    (document.body.querySelector('[data-testid="cs-reset-close"]') as HTMLElement).click();
    await flushPromises();
    expect(dialog()?.textContent ?? '').toBe('');
    wrapper.unmount();
  });

  it('says clearly when the student has no account yet', async () => {
    fakeApi(() =>
      json(
        {
          title: '未找到学生账号',
          detail: '该学生还没有账号，或你无权查看。',
          status: 404,
          code: 'student-accounts.not-found',
        },
        404,
      ),
    );
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const wrapper = mountReset();
    await wrapper.get('[data-testid="cs-reset-password"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="problem-alert"]').text()).toContain('未找到学生账号');
    expect(wrapper.get('[data-testid="cs-reset-no-account"]').text()).toContain('学校管理 → 学生账号');
    expect(document.body.querySelector('[data-testid="cs-reset-password-value"]')).toBeNull();
    wrapper.unmount();
  });

  it('has every text in both languages', () => {
    expect(Object.keys(studentAccountEn).sort()).toEqual(Object.keys(studentAccountZh).sort());
  });
});

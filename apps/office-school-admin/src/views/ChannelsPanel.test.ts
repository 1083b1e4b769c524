import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import ChannelsPanel from './ChannelsPanel.vue';

const answer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

const storedEmail = {
  enabled: true,
  host: 'smtp.example.edu.cn',
  port: 465,
  security: 'tls',
  username: 'xinqiao',
  passwordSet: true,
  from: 'xinqiao@example.edu.cn',
  siteUrl: '',
  updatedAt: '2026-12-05T01:00:00.000Z',
};

/** Answers the panel's calls: `replies` by "METHOD path"; records each request's method, path and body. */
function fakeApi(replies: Record<string, () => Response>) {
  const sent: { call: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const call = `${request.method} ${new URL(request.url).pathname}`;
    const text = request.method === 'GET' ? '' : await request.text();
    sent.push({ call, body: text ? JSON.parse(text) : undefined });
    const reply = replies[call];
    if (!reply) throw new Error(`unexpected request ${call}`);
    return reply();
  });
  return sent;
}

async function mountPanel() {
  const wrapper = mount(ChannelsPanel, { global: { plugins: [i18n, createPinia()] } });
  await flushPromises();
  return wrapper;
}

describe('the notification channels panel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows which channels are not set up, and never a stored password', async () => {
    fakeApi({ 'GET /api/notifications/channels': () => answer({ email: storedEmail, webhook: null }) });
    const wrapper = await mountPanel();
    const email = wrapper.get('[data-testid="sadm-email-channel"]');
    const password = email.find('input[type="password"]');
    expect((password.element as HTMLInputElement).value).toBe('');
    expect(password.attributes('placeholder')).toBe('已保存，留空则保持不变');
    expect(wrapper.get('[data-testid="sadm-webhook-channel"]').text()).toContain('尚未设置');
  });

  it('saves the SMTP settings without a password left empty, and shows the API’s field messages', async () => {
    const sent = fakeApi({
      'GET /api/notifications/channels': () => answer({ email: storedEmail, webhook: null }),
      'PUT /api/notifications/channels': () =>
        answer(
          {
            type: 'urn:xinqiao:problem:validation.invalid-field',
            code: 'validation.invalid-field',
            title: '提交的信息有误',
            status: 400,
            detail: '请检查标出的字段。',
            errors: [{ field: 'email.from', code: 'field.invalid-format', message: '格式不正确' }],
          },
          400,
        ),
    });
    const wrapper = await mountPanel();
    await wrapper.get('[data-testid="sadm-email-channel"]').trigger('submit');
    await flushPromises();
    const put = sent.find((s) => s.call === 'PUT /api/notifications/channels')!;
    expect(put.body).toEqual({
      email: {
        enabled: true,
        host: 'smtp.example.edu.cn',
        port: 465,
        security: 'tls',
        username: 'xinqiao',
        from: 'xinqiao@example.edu.cn',
        siteUrl: '',
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="sadm-email-channel"]').text()).toContain('格式不正确'),
    );
  });

  it('sends a test message and says where it went', async () => {
    const sent = fakeApi({
      'GET /api/notifications/channels': () => answer({ email: storedEmail, webhook: null }),
      'POST /api/notifications/channels/test': () =>
        answer({ channel: 'email', delivered: true, to: 'admin@example.edu.cn' }),
    });
    const wrapper = await mountPanel();
    const test = wrapper.get('[data-testid="sadm-email-test"]');
    await test.get('input').setValue('admin@example.edu.cn');
    await test.get('button').trigger('click');
    await flushPromises();
    expect(sent.at(-1)).toEqual({
      call: 'POST /api/notifications/channels/test',
      body: { channel: 'email', to: 'admin@example.edu.cn' },
    });
    await vi.waitFor(() => expect(test.text()).toContain('测试消息已送达：admin@example.edu.cn'));
  });
});

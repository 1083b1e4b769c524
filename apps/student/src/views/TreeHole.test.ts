import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import { me } from '../help.ts';
import TreeHole from './TreeHole.vue';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

const NOTICE = {
  version: '3',
  zh: '树洞是匿名的。只有一个例外：……中心主任可以看到你是谁。',
  en: 'The tree hole is anonymous, with one exception: … the director can see who you are.',
  replyWithin: { minutes: 2880, zh: '48小时内回复', en: 'Reply within 48 hours' },
  plugin: { id: 'hrbmu', version: '1.6.3' },
};

/** Answers by route; records what was sent. */
function fakeApi(routes: Record<string, () => Response>) {
  const calls: { route: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const route = `${request.method} ${new URL(request.url).pathname}`;
    const text = request.method === 'GET' ? '' : await request.text();
    calls.push({ route, body: text ? JSON.parse(text) : undefined });
    return routes[route]?.() ?? json({ code: 'not-found', title: 'nope', status: 404 }, 404);
  });
  return calls;
}

function mountTreeHole() {
  me.value = {
    helpLine: {
      phone: '0451-8660-0000',
      hours: { zh: '24小时', en: '24 hours' },
      contacts: [],
      zh: '学校心理援助热线',
      en: 'School help line',
    },
  } as unknown as NonNullable<typeof me.value>;
  return mount(TreeHole, { global: { plugins: [i18n, createPinia()] }, attachTo: document.body });
}

describe('the tree hole (student)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('shows the notice first and lets nobody write before ticking it; a safety answer shows the help line and the key once', async () => {
    const calls = fakeApi({
      'GET /api/tree-hole/notice': () => json(NOTICE),
      'POST /api/tree-hole/messages': () =>
        json({ key: 'K7QM-2WXD-PF9H-RT4N', safety: true, replyDueAt: '2026-12-06T08:00:00.000Z' }, 201),
    });
    const wrapper = mountTreeHole();
    await flushPromises();
    expect(wrapper.get('[data-testid="tree-hole-notice"]').text()).toContain('中心主任');
    const body = wrapper.get('textarea[data-testid="tree-hole-body"]');
    expect((body.element as HTMLTextAreaElement).disabled).toBe(true);
    await wrapper.get('[data-testid="tree-hole-understood"]').setValue(true);
    await body.setValue('有时候真的不想活了');
    await wrapper.get('[data-testid="tree-hole-send"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toEqual({
      route: 'POST /api/tree-hole/messages',
      body: { body: '有时候真的不想活了', noticeVersion: '3' },
    });
    expect(
      wrapper.find('[data-testid="tree-hole-safety"] [data-testid="help-call"]').attributes('href'),
    ).toBe('tel:045186600000');
    expect(wrapper.get('[data-testid="tree-hole-key"]').text()).toBe('K7QM-2WXD-PF9H-RT4N');
    // "Write another" forgets the key: it is shown once.
    await wrapper
      .get('[data-testid="tree-hole-key-card"] button.el-button--primary.is-link')
      .trigger('click');
    expect(wrapper.find('[data-testid="tree-hole-key"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('reads the reply with a key and shows the next key; a refused key shows the problem', async () => {
    let refused = false;
    fakeApi({
      'GET /api/tree-hole/notice': () => json(NOTICE),
      'POST /api/tree-hole/thread': () =>
        refused
          ? json(
              {
                type: 'urn:xinqiao:problem:tree-hole.key-refused',
                code: 'tree-hole.key-refused',
                title: '查看码无法打开留言',
                status: 403,
                errors: [{ field: 'key', code: 'tree-hole.key-used', message: '该查看码已使用' }],
              },
              403,
            )
          : json({
              body: '室友不理我',
              createdAt: '2026-12-06T06:00:00.000Z',
              posts: [
                { fromCenter: true, body: '谢谢你愿意说出来。', createdAt: '2026-12-06T07:00:00.000Z' },
              ],
              nextKey: 'ABCD-EFGH-JKMN-PQRS',
              safety: false,
            }),
    });
    const wrapper = mountTreeHole();
    await flushPromises();
    await wrapper.get('[data-testid="tree-hole-read-tab"] input').setValue(true);
    await wrapper.get('input[data-testid="tree-hole-key-input"]').setValue('k7qm 2wxd pf9h rt4n');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="tree-hole-reply"]').text()).toContain('谢谢你愿意说出来。');
    expect(wrapper.get('[data-testid="tree-hole-key"]').text()).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(wrapper.find('[data-testid="help-line"]').exists()).toBe(false);
    refused = true;
    await wrapper.get('input[data-testid="tree-hole-key-input"]').setValue('K7QM-2WXD-PF9H-RT4N');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="tree-hole-problem"]').text()).toContain('该查看码已使用');
    wrapper.unmount();
  });
});

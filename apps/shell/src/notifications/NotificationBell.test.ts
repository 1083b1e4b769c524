import { flushPromises, mount } from '@vue/test-utils';
import { i18n, setLocale } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import NotificationBell from './NotificationBell.vue';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const item = (
  id: string,
  kind: string,
  params: Record<string, string | number>,
  readAt: string | null = null,
) => ({
  id,
  kind,
  params,
  link: `/college-station/cases/${id}`,
  readAt,
  createdAt: '2026-12-05T01:00:00.000Z',
});

/** Answers the bell's API calls like the API would, and records what was asked. */
function fakeApi() {
  const items = [
    item('n2', 'cases.unassigned', { count: 2 }),
    item('n1', 'case.assigned', { caseKind: 'follow_up', dueDate: '2026-12-09' }, '2026-12-05T02:00:00.000Z'),
  ];
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    asked.push(`${request.method} ${url.pathname}`);
    if (url.pathname === '/api/notifications') {
      return json({
        items,
        total: items.length,
        unread: items.filter((n) => !n.readAt).length,
        page: 1,
        pageSize: 20,
      });
    }
    const read = url.pathname.match(/^\/api\/notifications\/(\w+)\/read$/);
    if (read) {
      const n = items.find((i) => i.id === read[1])!;
      n.readAt = '2026-12-05T03:00:00.000Z';
      return json(n);
    }
    throw new Error(`unexpected request ${request.method} ${url.pathname}`);
  });
  return asked;
}

async function mountBell() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  });
  await router.push('/');
  const wrapper = mount(NotificationBell, {
    global: { plugins: [i18n, createPinia(), router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

describe('the notification bell', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh-CN');
    document.body.innerHTML = '';
  });

  it('shows the unread count and says it to screen readers', async () => {
    fakeApi();
    const { wrapper } = await mountBell();
    expect(wrapper.get('[data-testid="notification-count"]').text()).toBe('1');
    expect(wrapper.get('[data-testid="notification-bell"]').attributes('aria-label')).toBe(
      '通知（1 条未读）',
    );
  });

  it('lists the notifications in the reader’s language, newest first, the unread marked', async () => {
    fakeApi();
    const { wrapper } = await mountBell();
    await wrapper.get('[data-testid="notification-bell"]').trigger('click');
    await flushPromises();
    const items = wrapper.findAll('[data-testid="notification-item"]');
    expect(items.map((i) => i.get('.xq-bell__text').text())).toEqual([
      '2 个个案等待分派',
      '筛查随访已分派给您 · 期限 2026-12-09',
    ]);
    expect(items[0]!.classes()).toContain('xq-bell__item--unread');
    expect(items[1]!.classes()).not.toContain('xq-bell__item--unread');
  });

  it('marks a notification read when it is opened and goes where it is handled', async () => {
    const asked = fakeApi();
    const { wrapper, router } = await mountBell();
    await wrapper.get('[data-testid="notification-bell"]').trigger('click');
    await flushPromises();
    await wrapper.findAll('[data-testid="notification-item"]')[0]!.trigger('click');
    await flushPromises();
    expect(asked).toContain('POST /api/notifications/n2/read');
    expect(router.currentRoute.value.fullPath).toBe('/college-station/cases/n2');
    expect(wrapper.find('[data-testid="notification-count"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="notification-panel"]').exists()).toBe(false);
  });
});

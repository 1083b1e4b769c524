import { mount } from '@vue/test-utils';
import { i18n, setLocale, useSessionStore } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import '../i18n.ts';
import type { Warning } from './api.ts';
import WarningsView from './WarningsView.vue';

const warning = (n: number): Warning => ({
  id: `w${n}`,
  student: {
    id: `s${n}`,
    name: `学生${n}`,
    studentNumber: `20250${n}`,
    className: '临床医学2025级1班',
    collegeId: 'c1',
    collegeName: '第一临床医学院',
  },
  module: 'academic',
  moduleName: { zh: '学业困难', en: 'Academic' },
  level: 'yellow',
  status: 'open',
  reasons: [],
  actions: ['one-to-one-talk'],
  deadlineWorkingDays: 5,
  dueOn: '2026-12-10',
  overdue: false,
  urgent: false,
  term: '2026-2027-1',
  clearedTerm: null,
  openedAt: '2026-12-03T02:00:00.000Z',
  clearedAt: null,
  closedAt: null,
  closeNote: null,
  talkedAt: null,
  crisisId: null,
  hasPlan: false,
  plugin: { id: 'hrbmu', version: '1.6.3' },
});

/** 62 open warnings in pages of 50, and one by id; records what was asked for. */
function fakeApi(): string[] {
  const asked: string[] = [];
  const all = Array.from({ length: 62 }, (_, n) => warning(n));
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    asked.push(url.pathname + url.search);
    if (url.pathname === '/api/warnings') {
      const page = Number(url.searchParams.get('page'));
      const pageSize = Number(url.searchParams.get('pageSize'));
      const items = all.slice((page - 1) * pageSize, page * pageSize);
      return Response.json({ items, total: all.length, page, pageSize });
    }
    const id = url.pathname.split('/').pop()!;
    return Response.json({ ...all.find((w) => w.id === id)!, plan: null });
  });
  return asked;
}

async function mountView(path: string) {
  const pinia = createPinia();
  useSessionStore(pinia).me = { permissions: ['warnings.read', 'warnings.handle'] } as never;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  });
  await router.push(path);
  const wrapper = mount(WarningsView, {
    props: { base: '/college-station' },
    global: { plugins: [i18n, pinia, router] },
  });
  await vi.waitFor(() => expect(wrapper.findAll('[data-testid="warning-card"]').length).toBeGreaterThan(0));
  return wrapper;
}

const names = (wrapper: Awaited<ReturnType<typeof mountView>>) =>
  wrapper.findAll('[data-testid="warning-card"]').map((card) => card.find('a').text());

describe('the warning list', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh-CN');
  });

  it('shows 50 at a time and says how many there are', async () => {
    const asked = fakeApi();
    const wrapper = await mountView('/college-station/warnings');
    expect(names(wrapper)).toHaveLength(50);
    expect(wrapper.get('[data-testid="warnings-total"]').text()).toBe('共 62 条');
    expect(asked).toEqual(['/api/warnings?status=open&page=1&pageSize=50']);
  });

  it('lists the warning My work linked to first, marked, when it is on another page', async () => {
    const asked = fakeApi();
    const wrapper = await mountView('/college-station/warnings?warning=w55');
    await vi.waitFor(() => expect(names(wrapper)).toHaveLength(51));
    expect(names(wrapper)[0]).toBe('学生55');
    expect(wrapper.find('[data-testid="warning-card"]').classes()).toContain('wc--focus');
    expect(asked).toContain('/api/warnings/w55');
  });

  it('does not repeat a linked warning that is on the page', async () => {
    const asked = fakeApi();
    const wrapper = await mountView('/college-station/warnings?warning=w3');
    expect(names(wrapper)).toHaveLength(50);
    expect(asked).not.toContain('/api/warnings/w3');
  });
});

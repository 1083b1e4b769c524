// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { i18n, useSessionStore } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CalendarEditor from './CalendarEditor.vue';
import type { CalendarDay, CalendarYear } from './calendar-api.ts';

// web-kit imports Element Plus's CSS one file at a time, which Node cannot load outside a bundler (this module has no
// vitest config inlining Element Plus): the components come straight from the library, the styles from nowhere.
vi.mock('@xinqiao/web-kit/elements', () => import('element-plus'));
vi.mock('element-plus/es/components/alert/style/css', () => ({}));
vi.mock('element-plus/es/components/radio-button/style/css', () => ({}));
vi.mock('element-plus/es/components/radio-group/style/css', () => ({}));

const official = (date: string, working: boolean, zh: string, weekday: number): CalendarDay => ({
  date,
  weekday,
  working,
  kind: working ? 'make-up-workday' : 'public-holiday',
  name: { zh, en: zh },
  note: null,
  schoolEdit: false,
  official: null,
});

const YEAR: CalendarYear = {
  year: 2026,
  covered: true,
  source: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    issuer: '国务院办公厅',
    published: '2025-11-04',
  },
  days: [
    official('2026-10-01', false, '国庆节', 4),
    official('2026-10-10', true, '国庆节', 6),
    {
      date: '2026-11-13',
      weekday: 5,
      working: false,
      kind: 'school-day-off',
      name: null,
      note: '校运动会停课',
      schoolEdit: true,
      official: { working: true, kind: 'weekday', name: null },
    },
  ],
  summary: { workingDays: 248, restDays: 117, publicHolidays: 32, makeUpWorkdays: 6, schoolEdits: 1 },
};

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

/** Answers GET with the year, and PUT with `put`; records each call as 'METHOD path'. */
function fakeApi(put: () => Response): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    asked.push(`${request.method} ${url.pathname}${url.search}`);
    if (request.method === 'PUT') return put();
    return new Response(JSON.stringify(YEAR), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return asked;
}

/** What the API grants the center (which edits the calendar) and a counsellor (who reads it). */
const CENTER = ['calendar.read', 'calendar.edit'];
const COUNSELLOR = ['calendar.read'];

function mountAs(permissions: string[]) {
  const pinia = createPinia();
  const session = useSessionStore(pinia);
  // biome-ignore lint/suspicious/noExplicitAny: only the permissions matter here
  session.me = { roles: [], permissions } as any;
  return mount(CalendarEditor, { global: { plugins: [i18n, pinia] } });
}

describe('the working-day calendar editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the official days with their names and the school’s edit with its note', async () => {
    fakeApi(() => new Response('{}'));
    const wrapper = mountAs(CENTER);
    await vi.waitFor(() => expect(wrapper.text()).toContain('2026-10-01 周四'));
    expect(wrapper.text()).toContain('国庆节');
    expect(wrapper.text()).toContain('调休上班');
    expect(wrapper.text()).toContain('学校调整：休息');
    expect(wrapper.text()).toContain('校运动会停课');
    expect(wrapper.text()).toContain('法定节假日 32 天，调休上班 6 天，学校调整 1 天');
    expect(wrapper.find('[data-testid="cc-calendar-form"]').exists()).toBe(true);
  });

  it('shows the API’s complaint about the date next to the date field', async () => {
    const asked = fakeApi(() =>
      problem(400, {
        type: 'urn:xinqiao:problem:validation.invalid-field',
        code: 'validation.invalid-field',
        title: '提交的内容有误',
        status: 400,
        detail: '请检查：date',
        errors: [
          {
            field: 'date',
            code: 'screening.calendar-date',
            message: '应为 2000–2100 年间的真实日期 YYYY-MM-DD',
          },
        ],
      }),
    );
    const wrapper = mountAs(CENTER);
    await vi.waitFor(() => expect(wrapper.text()).toContain('国庆节'));
    await wrapper.get('input[data-testid="cc-calendar-date"]').setValue('1999-12-31');
    await wrapper.get('input[data-testid="cc-calendar-note"]').setValue('停电');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('应为 2000–2100 年间的真实日期 YYYY-MM-DD'));
    expect(asked).toContain('PUT /api/screening/calendar/days/1999-12-31');
    const dateItem = wrapper.get('input[data-testid="cc-calendar-date"]').element.closest('.el-form-item');
    expect(dateItem?.textContent).toContain('应为 2000–2100 年间的真实日期');
  });

  it('lets a counsellor read the calendar but not edit it', async () => {
    fakeApi(() => new Response('{}'));
    const wrapper = mountAs(COUNSELLOR);
    await vi.waitFor(() => expect(wrapper.text()).toContain('国庆节'));
    expect(wrapper.find('[data-testid="cc-calendar-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="cc-calendar-drop"]').exists()).toBe(false);
  });
});

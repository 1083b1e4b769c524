import { join } from 'node:path';
import { mount } from '@vue/test-utils';
import { loadPluginFolder } from '@xinqiao/policy';
import { i18n, setLocale } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import ConcernForm from './ConcernForm.vue';

// Harbin Medical University's plugin exactly as GET /api/plugins/active serves it: the checklist the form shows is
// computed from it in the browser, with the code the API checks reports with.
let activePlugin: unknown;
beforeAll(async () => {
  const loaded = await loadPluginFolder(
    join(import.meta.dirname, '..', '..', '..', '..', 'plugins', 'hrbmu'),
  );
  const { manifest, rules } = loaded.plugin!.bundle;
  activePlugin = { id: 'hrbmu', version: loaded.plugin!.version, manifest, rules };
});

/** Answers the plugin and the report; a report is refused with `refusal` when given. Returns the bodies posted. */
function fakeApi(refusal?: unknown): unknown[] {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/plugins/active') return Response.json(activePlugin);
    posted.push(await request.json());
    if (refusal) {
      return new Response(JSON.stringify(refusal), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    return Response.json({ view: 'filed', id: 'r1', status: 'received' }, { status: 201 });
  });
  return posted;
}

async function mountForm() {
  const wrapper = mount(ConcernForm, {
    props: { studentId: 's1', studentName: '张三' },
    global: { plugins: [i18n, createPinia()] },
  });
  await vi.waitFor(() =>
    expect(wrapper.find('[data-testid="cs-concern-sign-withdrawn"]').exists()).toBe(true),
  );
  return wrapper;
}

describe('the concern report form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh-CN');
  });

  it("offers the school's checklist, warns on a self-harm sign, and sends the ticked codes", async () => {
    const posted = fakeApi();
    const wrapper = await mountForm();
    const text = wrapper.text();
    for (const sign of ['长期独处', '情绪突变', '言语消极', '依赖网络游戏、直播、短视频', '自伤自杀言行']) {
      expect(text).toContain(sign);
    }
    await wrapper.find('[data-testid="cs-concern-sign-withdrawn"] input').setValue(true);
    expect(wrapper.find('[data-testid="cs-concern-self-harm-hint"]').exists()).toBe(false);
    await wrapper.find('[data-testid="cs-concern-sign-self-harm"] input').setValue(true);
    expect(wrapper.find('[data-testid="cs-concern-self-harm-hint"]').text()).toContain('紧急');
    await wrapper.find('textarea').setValue('  晚上独自在天台  ');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.emitted('filed')).toHaveLength(1));
    expect(posted).toEqual([
      { studentId: 's1', signs: ['withdrawn', 'self-harm'], note: '晚上独自在天台', urgency: 'routine' },
    ]);
  });

  it('shows what the API says about a sign next to the checklist', async () => {
    fakeApi({
      type: 'about:blank',
      code: 'validation.invalid-field',
      title: '请求数据有误',
      status: 400,
      detail: '',
      errors: [{ field: 'signs.0', message: '观察清单中没有“withdrawn”这一项' }],
    });
    const wrapper = await mountForm();
    await wrapper.find('[data-testid="cs-concern-sign-withdrawn"] input').setValue(true);
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('观察清单中没有“withdrawn”这一项'));
    expect(wrapper.emitted('filed')).toBeUndefined();
  });

  it('speaks English after the switch', async () => {
    fakeApi();
    setLocale('en');
    const wrapper = await mountForm();
    expect(wrapper.text()).toContain('Keeps to themselves for a long time');
    expect(wrapper.text()).toContain('Report a concern: 张三');
  });
});

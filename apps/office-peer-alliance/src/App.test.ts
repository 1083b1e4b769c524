import { mount } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import App from './App.vue';

/** Answers GET /api/alliance with the problem the API gives a school whose plugin has no alliance rules. */
function schoolWithoutAllianceRules(): void {
  vi.stubGlobal(
    'fetch',
    async () =>
      new Response(
        JSON.stringify({
          type: 'urn:xinqiao:problem:alliance.no-points-scale',
          code: 'alliance.no-points-scale',
          title: '本校还没有朋辈互助联盟的考核规则',
          status: 409,
          detail: '学校 hrbmu 的策略插件没有“考核加减分”（penalty-points）和“学期处分”（term-sanctions）规则',
        }),
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      ),
  );
}

describe('peer alliance: a school whose plugin has no alliance rules', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('says plainly what the school must add instead of showing an error', async () => {
    schoolWithoutAllianceRules();
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: App }],
    });
    await router.push('/peer-alliance');
    const wrapper = mount(App, { global: { plugins: [i18n, createPinia(), router] } });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pa-not-configured"]').exists()).toBe(true));
    const panel = wrapper.get('[data-testid="pa-not-configured"]').text();
    expect(panel).toContain('本校还没有朋辈互助联盟的考核规则');
    expect(panel).toContain('plugins/hut');
    expect(wrapper.find('.el-alert--error').exists()).toBe(false);
  });
});

import { mount, RouterLinkStub } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import { useAllianceStore } from '../store.ts';
import { OVERVIEW, PENDING_REWARD, STANDINGS, TERM_ID } from '../testing.ts';
import Sanctions from './Sanctions.vue';

vi.mock('../api.ts', async (actual) => ({
  ...(await actual<typeof import('../api.ts')>()),
  fetchStandings: vi.fn(async () => STANDINGS),
  fetchPending: vi.fn(async () => [PENDING_REWARD]),
}));

async function mountSanctions() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAllianceStore().overview = OVERVIEW;
  const wrapper = mount(Sanctions, {
    props: { base: '/peer-alliance', termId: TERM_ID },
    global: { plugins: [i18n, pinia], stubs: { RouterLink: RouterLinkStub } },
  });
  await vi.waitFor(() => expect(wrapper.text()).toContain('劝退'));
  return wrapper;
}

describe('peer alliance: sanctions and approvals in zh-CN', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('names a sanction by the sentence of the regulations its rule encodes, never by the rule id', async () => {
    const wrapper = await mountSanctions();
    expect(wrapper.text()).toContain('依据：「遲到5次或無故缺席4次者,勸退」');
    expect(wrapper.text()).not.toContain('dismissal-late-5-or-absent-4');
    // The id is still there for whoever maintains the plugin, as a tooltip.
    expect(wrapper.get('[data-testid="pa-rule-source"]').attributes('title')).toBe(
      'dismissal-late-5-or-absent-4',
    );
  });

  it('names a reward waiting for approval by its kind in Chinese, not its code', async () => {
    const wrapper = await mountSanctions();
    const pending = wrapper.get(`[data-testid="pa-pending-${PENDING_REWARD.id}"]`).text();
    expect(pending).toContain('意见被采纳（需审批）');
    expect(pending).toContain('5 分');
    expect(wrapper.text()).not.toContain('suggestion-adopted');
  });
});

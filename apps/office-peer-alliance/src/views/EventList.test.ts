import { mount, RouterLinkStub } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import { useAllianceStore } from '../store.ts';
import { OVERVIEW, PAST_MEETING, TERM_ID } from '../testing.ts';
import EventList from './EventList.vue';

vi.mock('../api.ts', async (actual) => ({
  ...(await actual<typeof import('../api.ts')>()),
  fetchEvents: vi.fn(async () => [
    PAST_MEETING,
    { ...PAST_MEETING, id: `${PAST_MEETING.id.slice(0, -2)}21`, phase: 'upcoming', title: '下周例会' },
  ]),
}));

async function mountList() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAllianceStore().overview = OVERVIEW;
  const wrapper = mount(EventList, {
    props: { base: '/peer-alliance', termId: TERM_ID },
    global: { plugins: [i18n, pinia], stubs: { RouterLink: RouterLinkStub } },
  });
  await vi.waitFor(() => expect(wrapper.text()).toContain(PAST_MEETING.title));
  return wrapper;
}

describe('peer alliance: the list of meetings', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('says a past meeting nobody closed is waiting to be closed, not that it has not started', async () => {
    const wrapper = await mountList();
    const phase = wrapper.get(`[data-testid="pa-phase-${PAST_MEETING.id}"]`).text();
    expect(phase).toBe('待结束');
    expect(wrapper.text()).toContain('未开始'); // the meeting of next week
  });

  it('shows the kind of meeting in words, not its code', async () => {
    const wrapper = await mountList();
    expect(wrapper.text()).toContain('部门例会');
    expect(wrapper.text()).not.toContain('routine_meeting');
  });
});

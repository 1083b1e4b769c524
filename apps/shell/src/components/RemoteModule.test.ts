import { flushPromises, mount } from '@vue/test-utils';
import { type FrontendModule, i18n } from '@xinqiao/web-kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { loadModuleApp, ModuleLoadError } from '../federation/loader.ts';
import RemoteModule from './RemoteModule.vue';

vi.mock('../federation/loader.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../federation/loader.ts')>()),
  loadModuleApp: vi.fn(),
}));

const module: FrontendModule = {
  id: 'student-affairs',
  title: { zh: '学生处', en: 'Student Affairs' },
  remoteName: 'xinqiao_student_affairs',
  manifestUrl: '/modules/student-affairs/mf-manifest.json',
  exposes: './App',
  routePath: '/student-affairs',
  source: 'office',
};

const load = vi.mocked(loadModuleApp);
const mountIt = () => mount(RemoteModule, { props: { module }, global: { plugins: [i18n] } });

describe('RemoteModule', () => {
  beforeEach(() => load.mockReset());

  it("renders the remote's component in place", async () => {
    load.mockResolvedValue(defineComponent({ render: () => h('p', { 'data-testid': 'remote' }, 'hello') }));
    const wrapper = mountIt();
    await flushPromises();
    expect(wrapper.get('[data-testid="remote"]').text()).toBe('hello');
  });

  it('shows the error panel, naming the module and its manifest, when loading fails, and retries', async () => {
    load.mockRejectedValueOnce(new ModuleLoadError(module, new Error('Failed to get manifest')));
    const wrapper = mountIt();
    await flushPromises();
    const panel = wrapper.get('[data-testid="module-error"]');
    expect(panel.text()).toContain('“学生处”模块加载失败');
    expect(panel.text()).toContain('/modules/student-affairs/mf-manifest.json');
    expect(panel.text()).toContain('Failed to get manifest');

    load.mockResolvedValueOnce(
      defineComponent({ render: () => h('p', { 'data-testid': 'remote' }, 'back') }),
    );
    await panel.get('button').trigger('click');
    await flushPromises();
    expect(load).toHaveBeenLastCalledWith(module, { retry: true });
    expect(wrapper.get('[data-testid="remote"]').text()).toBe('back');
  });

  it('keeps an error thrown while the module renders inside the panel', async () => {
    load.mockResolvedValue(
      defineComponent({
        setup() {
          throw new Error('broken module');
        },
        render: () => null,
      }),
    );
    const wrapper = mountIt();
    await flushPromises();
    expect(wrapper.get('[data-testid="module-error"]').text()).toContain('broken module');
  });
});

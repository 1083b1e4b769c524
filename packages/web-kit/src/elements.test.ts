import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { ElTree } from './elements.ts';

describe('web-kit/elements', () => {
  it('draws the lazily loaded ElTree, and a template ref reaches the tree itself (the school admin filters with it)', async () => {
    const tree = ref<InstanceType<typeof ElTree> | null>(null);
    const wrapper = mount(
      defineComponent(
        () => () =>
          h(ElTree, {
            ref: tree,
            data: [{ id: 1, name: '第一临床医学院', children: [{ id: 2, name: '2023级1班' }] }],
            nodeKey: 'id',
            props: { label: 'name', children: 'children' },
            defaultExpandAll: true,
            filterNodeMethod: (value: string, data: Record<string, unknown>) =>
              String(data.name).includes(value),
          }),
      ),
    );
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.text()).toContain('2023级1班');
    }, 10_000); // the first draw imports Element Plus's tree: seconds on a loaded machine
    expect(typeof tree.value?.filter).toBe('function');
    expect(() => tree.value?.filter('1班')).not.toThrow();
  });
});

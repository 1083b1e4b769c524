import { getCurrentInstance, onBeforeUnmount, type Ref, ref } from 'vue';

/**
 * Whether the screen is a phone's (at most `maxWidth` CSS pixels wide), following the width as it changes. For
 * tables whose columns would not fit side by side: a component lays a row out in one cell instead. Call it in a
 * component's setup (it stops listening when the component goes).
 *
 * @example
 * ```ts
 * const narrow = useNarrowScreen(); // <ElTableColumn v-if="!narrow" …>
 * ```
 */
export function useNarrowScreen(maxWidth = 760): Ref<boolean> {
  const query = window.matchMedia(`(max-width: ${maxWidth}px)`);
  const narrow = ref(query.matches);
  const follow = (e: MediaQueryListEvent) => {
    narrow.value = e.matches;
  };
  query.addEventListener('change', follow);
  if (getCurrentInstance()) onBeforeUnmount(() => query.removeEventListener('change', follow));
  return narrow;
}
